package dev.victor.workflow.json.internal;


import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.format.WorkflowFormat;
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

/** JSON files and text through the registry's file source and the JSON format. */
class JsonFilesTest {
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

    private final JsonFiles.RecordingFormat format = new JsonFiles.RecordingFormat();

    private WorkflowCompilerPlugin compiler(Map<String, ?> options) {
        return JsonFiles.registry(options, format).create("json://", Map.of());
    }

    private WorkflowCompilerPlugin compiler() {
        return compiler(Map.of());
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    /** What the agent placeholder of node {@code start} says its goal was, after a run. */
    private static Object goal(CompiledGraph graph) {
        Map<?, ?> start = (Map<?, ?>) graph.invoke(Map.of()).state().get("start");
        return start.get("goal");
    }

    @Test
    void compilesFilesAndTextWithPositions() throws Exception {
        Path file = write("build.json", WORKFLOW);
        compiler().compile("json+file://" + file, "build", true);
        assertThat(format.lastName()).isEqualTo(file.toString());
        assertThat(format.last().positions().valueAt(List.of("workflows", "build", "nodes", 0, "goal")))
                .isEqualTo(new SourcePosition(5, 34));
        JsonFiles.registry(Map.of(), format).compile("json+file://" + file, "build");
        assertThat(format.lastName()).isEqualTo(file.toString());
        compiler().compile("json://" + WORKFLOW, null, false);
        assertThat(format.lastName()).isNull();
        assertThat(((Map<?, ?>) format.last().tree()).containsKey("workflows")).isTrue();
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
        WorkflowCompilerPlugin confined = compiler(Map.of("base_directory", base));
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
        WorkflowCompilerPlugin auto = compiler(Map.of("environment", env));
        assertThat(goal(auto.compile(write("w.json", WORKFLOW).toString(), null, true))).isEqualTo("say hi");
        assertThat(goal(auto.compile(WORKFLOW, null, true))).isEqualTo("say $env.GREETING");
    }

    @Test
    void refWorksInJsonFilesToo() throws Exception {
        write("lib.json", "{\"nodes\": [{\"id\": \"approve\", \"type\": \"hitl\", \"hitl_type\": \"approval\","
                + " \"prompt\": \"Approve?\"}]}");
        Path main = write("main.json", "{\"workflows\": {\"flow\": {\"nodes\": [{\"$ref\": \"lib.json#approve\"}]}}}");
        CompiledGraph graph = compiler().compile(main.toString(), null, true);
        assertThat(graph.invoke(Map.of()).interrupt().prompt()).isEqualTo("Approve?");
    }

    @Test
    void cacheKeys() throws Exception {
        WorkflowCompilerPlugin compiler = compiler();
        String text = compiler.getCacheKey(WORKFLOW);
        assertThat(text).isEqualTo(compiler.getCacheKey(WORKFLOW));
        assertThat(compiler.getCacheKey(WORKFLOW.replace("start", "begin"))).isNotEqualTo(text);

        Path file = write("w.json", WORKFLOW);
        FileTime time = Files.getLastModifiedTime(file);
        String before = compiler.getCacheKey(file.toString());
        Files.writeString(file, WORKFLOW.replace("start", "begin"));
        Files.setLastModifiedTime(file, FileTime.fromMillis(time.toMillis() + 1000));
        assertThat(compiler.getCacheKey(file.toString())).isNotEqualTo(before);

        Map<String, String> env = new HashMap<>(Map.of("GREETING", "hi"));
        WorkflowCompilerPlugin withEnv = compiler(Map.of("environment", (java.util.function.Function<String, String>) env::get));
        String first = withEnv.getCacheKey(file.toString());
        withEnv.compile(file.toString(), null, true);
        assertThat(withEnv.getCacheKey(file.toString())).isEqualTo(first);
        env.put("GREETING", "ho");
        assertThat(withEnv.getCacheKey(file.toString())).isNotEqualTo(first);
    }

    @Test
    void validateSource() throws Exception {
        WorkflowCompilerPlugin compiler = compiler();
        assertThat(compiler.validateSource(write("w.json", WORKFLOW).toString())).isTrue();
        assertThat(compiler.validateSource(write("W.JSON", WORKFLOW).toString())).isTrue();
        assertThat(compiler.validateSource(dir.resolve("missing.json").toString())).isFalse();
        assertThat(compiler.validateSource(WORKFLOW)).isTrue();
        assertThat(compiler.validateSource(null)).isFalse();
    }

    @Test
    void options() {
        assertThat(JsonLimits.defaults().withMaxNestingDepth(7).maxNestingDepth()).isEqualTo(7);
        assertThat(JsonLimits.defaults().withMaxStringLength(50).maxStringLength()).isEqualTo(50);
        WorkflowCompilerPlugin plugin = JsonFiles.plugin(JsonLimits.defaults().withMaxNestingDepth(3), Map.of());
        assertThat(plugin.workflowNames("{\"a\": {\"nodes\": []}}")).containsExactly("a");
        assertThatThrownBy(() -> plugin.workflowNames("{\"a\": {\"nodes\": [[1]]}}"))
                .hasMessageContaining("nest");
    }

    @Test
    void publication() throws Exception {
        assertThat(ServiceLoader.load(WorkflowFormat.class).stream().map(ServiceLoader.Provider::type))
                .contains(JsonFormat.class);
        String xml;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("OSGI-INF/dev.victor.workflow.json.internal.JsonFormatComponent.xml")) {
            assertThat(in).isNotNull();
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(xml).contains("<property name=\"format\" type=\"String\" value=\"json\"/>")
                .contains("<property name=\"format.media.types\" type=\"String\">application/json</property>")
                .contains("<property name=\"format.extensions\" type=\"String\">json</property>")
                .contains("<provide interface=\"dev.victor.workflow.format.WorkflowFormat\"/>")
                .contains("configuration-pid=\"dev.victor.workflow.json\"");
        assertThat(getClass().getClassLoader().getResource(JsonFormat.SCHEMA_RESOURCE)).isNotNull();
        java.util.Properties properties = new java.util.Properties();
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/victor/workflow-formats.properties")) {
            properties.load(in);
        }
        assertThat(properties.getProperty(JsonFormat.class.getName())).isEqualTo(JsonFormat.NAME);
    }
}
