package dev.victor.workflow.json.internal;

import dev.victor.workflow.kernel.source.EnvPolicy;

import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.format.SourcePosition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonWorkflowCompilerTest {
    private static final String WORKFLOW = """
            {
              "workflows": {
                "build": {
                  "nodes": [
                    {"id": "start", "goal": "say $env.GREETING"}
                  ]
                }
              }
            }
            """;

    @TempDir
    Path dir;

    private final RecordingBackend backend = new RecordingBackend();

    private JsonWorkflowCompiler compiler(JsonPluginOptions options) {
        return new JsonWorkflowCompiler(options, backend);
    }

    private JsonWorkflowCompiler compiler() {
        return compiler(JsonPluginOptions.defaults());
    }

    private Path write(String name, String text) throws Exception {
        Path path = dir.resolve(name);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, text);
    }

    @Test
    void sourceForms() throws Exception {
        assertThat(JsonSource.classify(WORKFLOW, null)).isInstanceOf(JsonSource.Text.class);
        assertThat(JsonSource.classify("{\"workflows\": {}}", null)).isInstanceOf(JsonSource.Text.class);
        assertThat(JsonSource.classify("  [1]", null)).isInstanceOf(JsonSource.Text.class);
        assertThat(JsonSource.classify("json://{\"a\": 1}", null)).isInstanceOf(JsonSource.Text.class);
        assertThat(JsonSource.classify("flows/build.json", null)).isEqualTo(
                new JsonSource.File(Path.of("flows/build.json"), "flows/build.json"));
        assertThat(JsonSource.classify("C:\\flows\\build.json", null)).isInstanceOf(JsonSource.File.class);
        assertThat(JsonSource.classify("/tmp/my flows/build.json", null)).isInstanceOf(JsonSource.File.class);
        assertThat(((JsonSource.File) JsonSource.classify("json+file:///tmp/a%20b.json", null)).path())
                .isEqualTo(Path.of("/tmp/a b.json"));
        assertThat(((JsonSource.File) JsonSource.classify("json+file://rel/a.json", null)).path())
                .isEqualTo(Path.of("rel/a.json"));
        Path odd = write("{odd}.json", WORKFLOW);
        assertThat(JsonSource.classify(odd.toString(), null)).isInstanceOf(JsonSource.File.class);
    }

    @Test
    void compilesFilesAndTextWithPositions() throws Exception {
        Path file = write("build.json", WORKFLOW);
        compiler().compile("json+file://" + file, "build", true);
        assertThat(backend.sourceName).isEqualTo(file.toString());
        assertThat(backend.positions.valueAt(List.of("workflows", "build", "nodes", 0, "goal")))
                .isEqualTo(new SourcePosition(5, 34));
        compiler().compile("json://" + WORKFLOW, null, false);
        assertThat(backend.sourceName).isNull();
        assertThat(backend.root()).containsKey("workflows");
    }

    @Test
    void missingFilesAndConfinement() throws Exception {
        Path missing = dir.resolve("missing.json");
        WorkflowSourceNotFoundException e = catchThrowableOfType(WorkflowSourceNotFoundException.class,
                () -> compiler().compile(missing.toString(), null, true));
        assertThat(e.sourceName()).isEqualTo(missing.toString());
        assertThat(e.getMessage()).contains(missing.toString());

        Path base = Files.createDirectories(dir.resolve("base"));
        write("base/in.json", WORKFLOW);
        write("out.json", WORKFLOW);
        JsonWorkflowCompiler confined = compiler(JsonPluginOptions.defaults().withBaseDirectory(base));
        confined.compile("in.json", null, true);
        assertThatThrownBy(() -> confined.compile("../out.json", null, true))
                .isInstanceOf(InvalidWorkflowException.class).hasMessageContaining("outside the base directory");
        Files.createSymbolicLink(base.resolve("link.json"), dir.resolve("out.json"));
        assertThatThrownBy(() -> confined.compile("link.json", null, true))
                .isInstanceOf(InvalidWorkflowException.class).hasMessageContaining("outside the base directory");
    }

    @Test
    void envFollowsThePolicy() throws Exception {
        Map<String, String> env = Map.of("GREETING", "hi");
        JsonWorkflowCompiler auto = compiler(JsonPluginOptions.defaults().withEnv(EnvPolicy.AUTO, env::get));
        auto.compile(write("w.json", WORKFLOW).toString(), null, true);
        assertThat(backend.environment.apply("GREETING")).isEqualTo("hi");
        auto.compile(WORKFLOW, null, true);
        assertThat(backend.environment).isNull();
    }

    @Test
    void cacheKeys() throws Exception {
        JsonWorkflowCompiler compiler = compiler();
        String text = compiler.getCacheKey(WORKFLOW);
        assertThat(text).matches("[0-9a-f]{64}").isEqualTo(compiler.getCacheKey(WORKFLOW));
        assertThat(compiler.getCacheKey(WORKFLOW.replace("start", "begin"))).isNotEqualTo(text);

        Path file = write("w.json", WORKFLOW);
        FileTime time = Files.getLastModifiedTime(file);
        String before = compiler.getCacheKey(file.toString());
        Files.writeString(file, WORKFLOW.replace("start", "begin"));
        Files.setLastModifiedTime(file, time);
        assertThat(compiler.getCacheKey(file.toString())).isNotEqualTo(before);

        Map<String, String> env = new HashMap<>(Map.of("GREETING", "hi"));
        JsonWorkflowCompiler withEnv = compiler(JsonPluginOptions.defaults().withEnv(EnvPolicy.AUTO, env::get));
        String first = withEnv.getCacheKey(file.toString());
        env.put("GREETING", "ho");
        assertThat(withEnv.getCacheKey(file.toString())).isNotEqualTo(first);
    }

    @Test
    void validateSource() throws Exception {
        JsonWorkflowCompiler compiler = compiler();
        assertThat(compiler.validateSource(write("w.json", WORKFLOW).toString())).isTrue();
        assertThat(compiler.validateSource(write("W.JSON", WORKFLOW).toString())).isTrue();
        assertThat(compiler.validateSource(write("w.yaml", "workflows: {}").toString()))
                .as("only .json files").isFalse();
        assertThat(compiler.validateSource(dir.resolve("missing.json").toString())).isFalse();
        assertThat(compiler.validateSource(WORKFLOW)).isTrue();
        assertThat(compiler.validateSource("{\"a\": ")).isFalse();
        assertThat(compiler.validateSource("{\"a\": 1, \"a\": 2}")).isFalse();
        assertThat(compiler.validateSource(null)).isFalse();
    }

    @Test
    void options() {
        JsonPluginOptions options = JsonPluginOptions.fromMap(Map.of("max.nesting.depth", "7",
                "max_string_length", 50, "strict", true, "allow_env", "true", "cache_ttl", 5));
        assertThat(options.limits().maxNestingDepth()).isEqualTo(7);
        assertThat(options.limits().maxStringLength()).isEqualTo(50);
        assertThat(options.strict()).isTrue();
        assertThat(options.env()).isEqualTo(EnvPolicy.ON);
        assertThatThrownBy(() -> JsonPluginOptions.fromMap(Map.of("depth", 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[depth]");
        WorkflowCompilerPlugin plugin = new JsonCompilerPlugin(Map.of("max_nesting_depth", 2));
        assertThat(plugin.validateSource("{\"a\": [1]}")).isTrue();
        assertThat(plugin.validateSource("{\"a\": [[1]]}")).isFalse();
    }

    @Test
    void publication() throws Exception {
        assertThat(ServiceLoader.load(WorkflowCompilerPlugin.class).stream().map(ServiceLoader.Provider::type))
                .contains(JsonCompilerPlugin.class);
        assertThat(JsonCompilerPlugin.class.getConstructor().newInstance()).isNotNull();
        String xml;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("OSGI-INF/dev.victor.workflow.json.internal.JsonCompilerComponent.xml")) {
            assertThat(in).isNotNull();
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(xml).contains("<property name=\"scheme\" type=\"String\">json\njson+file</property>")
                .contains("<provide interface=\"dev.victor.workflow.api.WorkflowCompilerPlugin\"/>");
        assertThat(getClass().getClassLoader().getResource(JsonCompilerPlugin.SCHEMA_RESOURCE)).isNotNull();
    }
}
