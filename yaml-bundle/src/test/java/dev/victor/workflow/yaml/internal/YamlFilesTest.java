package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;
import dev.victor.workflow.format.SourcePosition;
import dev.victor.workflow.format.SourcePositions;
import dev.victor.workflow.kernel.source.EnvPolicy;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.registry.file.FileSourceOptions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * YAML files and text through the registry's file source and the YAML format: path or text,
 * base directory, {@code $env}, {@code $ref}, cache keys, validateSource.
 */
class YamlFilesTest {
    private static final String WORKFLOW = """
            workflows:
              build:
                nodes:
                  - id: start
                    goal: "say $env.GREETING"
            """;

    @TempDir
    Path dir;

    private final YamlFiles.RecordingFormat format = new YamlFiles.RecordingFormat();

    private WorkflowCompilerPlugin compiler(Map<String, ?> options) {
        format.clear();
        return YamlFiles.registry(options, format).create("yaml://", Map.of());
    }

    private WorkflowCompilerPlugin compiler() {
        return compiler(Map.of());
    }

    private Path write(String name, String text) throws Exception {
        Path path = dir.resolve(name);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, text);
    }

    private Object root() {
        return format.parsed.tree();
    }

    private SourcePositions positions() {
        return format.parsed.positions();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> node(Object root, String workflow, int index) {
        Map<String, Object> workflows = (Map<String, Object>) ((Map<String, Object>) root).get("workflows");
        Map<String, Object> definition = (Map<String, Object>) workflows.get(workflow);
        return (Map<String, Object>) ((List<Object>) definition.get("nodes")).get(index);
    }

    /** The goal the start node of {@link #WORKFLOW} rendered (its agent placeholder says it). */
    @SuppressWarnings("unchecked")
    private static String goal(CompiledGraph graph) {
        return String.valueOf(((Map<String, Object>) graph.invoke(Map.of()).state().get("start")).get("goal"));
    }

    @Test
    void compilesAFileAndHandsTheTreeWithPositionsToTheKernel() throws Exception {
        Path file = write("build.yaml", WORKFLOW);
        CompiledGraph graph = compiler().compile(file.toString(), "build", true);
        assertThat(format.sourceName()).isEqualTo(file.toString());
        assertThat(graph.name()).isEqualTo("build");
        assertThat(node(root(), "build", 0)).containsEntry("id", "start");
        assertThat(positions().valueAt(List.of("workflows", "build", "nodes", 0, "goal")))
                .isEqualTo(new SourcePosition(5, 16));
    }

    @Test
    void theComposedPluginRefusesOptionsFromThePluginSettings() throws Exception {
        Path file = write("opts.yaml", WORKFLOW);
        DefaultWorkflowCompilerRegistry registry = YamlFiles.registry(Map.of(), new YamlFormat());
        registry.compile("yaml://" + file, "build");

        registry.configurePlugin("yaml", dev.victor.workflow.registry.PluginSettings.defaults()
                .withOptions(Map.of("strict", true)));

        assertThatThrownBy(() -> registry.compile("yaml://" + file, "build"))
                .hasMessageContaining("options [strict] that it cannot take")
                .hasMessageContaining("Configuration Admin");
        registry.configurePlugin("yaml", null);
        assertThat(registry.compile("yaml://" + file, "build").name()).isEqualTo("build");
    }

    @Test
    void compilesTextThatStartsWithAComment() {
        compiler().compile("# my workflow\n" + WORKFLOW, null, true);
        assertThat(format.sourceName()).isNull();
        assertThat(node(root(), "build", 0)).containsEntry("id", "start");
    }

    @Test
    void acceptsUriPrefixes() throws Exception {
        Path file = write("dir with space/w.yaml", WORKFLOW);
        compiler().compile("yaml://" + file, null, true);
        assertThat(format.sourceName()).isEqualTo(file.toString());
        compiler().compile(file.toUri().toString(), null, true);
        assertThat(format.sourceName()).isEqualTo(file.toString());
        compiler().compile("yaml://" + WORKFLOW, null, true);
        assertThat(format.sourceName()).isNull();
    }

    @Test
    void aMissingFileIsSourceNotFoundNamingThePath() {
        Path missing = dir.resolve("nope/missing.yaml");
        WorkflowSourceNotFoundException e = catchThrowableOfType(WorkflowSourceNotFoundException.class,
                () -> compiler().compile(missing.toString(), null, true));
        assertThat(e.sourceName()).isEqualTo(missing.toString());
        assertThat(e.getMessage()).contains("workflow file not found").contains(missing.toString());
        assertThatThrownBy(() -> compiler().compile(dir.toString(), null, true))
                .isInstanceOf(WorkflowSourceNotFoundException.class).hasMessageContaining("directory");
    }

    @Test
    void aReadFailureIsSourceUnavailable() {
        Path mem = Path.of("/proc/self/mem");
        assumeTrue(Files.isRegularFile(mem), "needs Linux /proc");
        assertThatThrownBy(() -> compiler().compile(mem.toString(), null, true))
                .isInstanceOf(WorkflowSourceUnavailableException.class)
                .hasMessageContaining("cannot read /proc/self/mem");
    }

    @Test
    void aLargeFileFailsBeforeItIsRead() throws Exception {
        Path big = dir.resolve("big.yaml");
        try (var channel = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap("a: 1\n".getBytes(StandardCharsets.US_ASCII)), 50L * 1024 * 1024);
        }
        InvalidWorkflowException e = assertTimeoutPreemptively(Duration.ofSeconds(2), () ->
                catchThrowableOfType(InvalidWorkflowException.class, () -> compiler().compile(big.toString(), null, true)));
        assertThat(e.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).contains("larger than the limit of 10485760 bytes (10 MiB)")
                    .contains("52428805 bytes");
            assertThat(problem.source()).isEqualTo(big.toString());
        });
    }

    @Test
    void invalidUtf8InAFileIsAClearError() throws Exception {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "workflows:\n  caf\u00e9: {nodes: []}\n".getBytes(StandardCharsets.ISO_8859_1));
        InvalidWorkflowException e = catchThrowableOfType(InvalidWorkflowException.class,
                () -> compiler().compile(file.toString(), null, true));
        Problem problem = e.problems().get(0);
        assertThat(problem.message()).contains("not valid UTF-8");
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(6);
        assertThat(e.getMessage()).contains(file + ":2:6: error:");
    }

    @Test
    void theBaseDirectoryConfinesFileSources() throws Exception {
        Path base = Files.createDirectories(dir.resolve("base"));
        write("base/w.yaml", WORKFLOW);
        write("outside.yaml", WORKFLOW);
        WorkflowCompilerPlugin confined = compiler(Map.of("base_directory", base));

        confined.compile("w.yaml", null, true);
        assertThat(format.sourceName()).isEqualTo(base.resolve("w.yaml").toString());

        assertThatThrownBy(() -> confined.compile("../outside.yaml", null, true))
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining("is outside the base directory");
        assertThatThrownBy(() -> confined.compile("../does-not-exist.yaml", null, true))
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining("is outside the base directory");
        assertThatThrownBy(() -> confined.compile(dir.resolve("outside.yaml").toString(), null, true))
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining("is outside the base directory");
        assertThatThrownBy(() -> confined.compile("sub/../../outside.yaml", null, true))
                .isInstanceOf(InvalidWorkflowException.class);

        Files.createSymbolicLink(base.resolve("link.yaml"), dir.resolve("outside.yaml"));
        assertThatThrownBy(() -> confined.compile("link.yaml", null, true))
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining("is outside the base directory");
        assertThat(confined.validateSource("link.yaml")).isFalse();
        assertThat(confined.validateSource("w.yaml")).isTrue();
    }

    @Test
    void envIsOnForLocalFilesAndOffForTextByDefault() throws Exception {
        Map<String, String> env = Map.of("GREETING", "hello");
        WorkflowCompilerPlugin auto = compiler(Map.of("environment", env));
        assertThat(goal(auto.compile(write("w.yaml", WORKFLOW).toString(), null, true))).isEqualTo("say hello");
        assertThat(goal(auto.compile(WORKFLOW, null, true))).isEqualTo("say $env.GREETING");

        assertThat(goal(compiler(Map.of("environment", env, "allow_env", "true")).compile(WORKFLOW, null, true)))
                .isEqualTo("say hello");
        assertThat(goal(compiler(Map.of("environment", env, "allow_env", "false"))
                .compile(dir.resolve("w.yaml").toString(), null, true))).isEqualTo("say $env.GREETING");
    }

    @Test
    void strictAndCustomNodeTypesArePassedToTheKernel() {
        String shell = """
                workflows:
                  build:
                    colour: red
                    nodes:
                      - id: start
                        type: shell
                """;
        InvalidWorkflowException strict = catchThrowableOfType(InvalidWorkflowException.class, () ->
                compiler(Map.of("strict", true, "custom_node_types", "shell")).compile(shell, null, false));
        assertThat(strict.errors()).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("colour"))
                .noneSatisfy(m -> assertThat(m).contains("shell"));
        assertThat(compiler(Map.of("custom_node_types", List.of("shell"))).compile(shell, null, true).warnings())
                .extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("colour"));
        assertThatThrownBy(() -> compiler().compile(shell, null, false)).hasMessageContaining("shell");
        assertThat(FileSourceOptions.fromMap(Map.of("custom_node_types", "shell, sql")).customNodeTypes())
                .containsExactlyInAnyOrder("shell", "sql");
        assertThat(FileSourceOptions.fromMap(Map.of("custom.node.types", List.of("a"))).customNodeTypes())
                .containsExactly("a");
    }

    // ---------------------------------------------------------------- $ref

    private static final String LIBRARY = """
            # reusable gates
            nodes:
              - id: approve
                type: hitl
                hitl_type: approval
                prompt: "Approve?"
                fallback: abort
              - id: review
                type: hitl
                hitl_type: review
                prompt: "Review {thing}"
            """;

    @Test
    void refReplacesTheItemWithTheReferencedNodeAndLocalKeysWin() throws Exception {
        write("lib/gates.yaml", LIBRARY);
        Path main = write("main.yaml", """
                workflows:
                  flow:
                    nodes:
                      - $ref: "./lib/gates.yaml#review"
                        id: my_review
                        next: [first]
                      - $ref: "lib/gates.yaml"
                        id: first
                """);
        compiler().compile(main.toString(), null, true);
        Map<String, Object> review = node(root(), "flow", 0);
        assertThat(review).containsEntry("id", "my_review").containsEntry("type", "hitl")
                .containsEntry("hitl_type", "review").containsEntry("next", List.of("first"))
                .doesNotContainKey("$ref");
        Map<String, Object> first = node(root(), "flow", 1);
        assertThat(first).containsEntry("id", "first").containsEntry("hitl_type", "approval");

        // Positions of referenced keys point into the library, local keys into the main file.
        assertThat(positions().valueAt(List.of("workflows", "flow", "nodes", 0, "hitl_type")))
                .isEqualTo(new SourcePosition(10, 16));
        assertThat(positions().valueAt(List.of("workflows", "flow", "nodes", 0, "id")))
                .isEqualTo(new SourcePosition(5, 13));
    }

    @Test
    void problemsInAReferencedNodeNameTheLibraryFile() throws Exception {
        Path lib = write("lib/gates.yaml", LIBRARY.replace("    prompt: \"Review {thing}\"",
                "    prompt: \"Review {thing}\"\n    colour: red"));
        Path main = write("main.yaml", """
                workflows:
                  flow:
                    nodes:
                      - $ref: "./lib/gates.yaml#review"
                        next: [end]
                        shade: blue
                """);
        CompiledGraph graph = compiler().compile(main.toString(), null, true);
        assertThat(graph.warnings()).anySatisfy(warning -> {
            assertThat(warning.message()).contains("colour")
                    .contains("which this node reuses through the $ref at line 4");
            assertThat(warning.source()).isEqualTo(lib.toString());
            assertThat(warning.line()).isEqualTo(12);
        });
        assertThat(graph.warnings()).anySatisfy(warning -> {
            assertThat(warning.message()).contains("shade");
            assertThat(warning.source()).isEqualTo(main.toString());
            assertThat(warning.line()).isEqualTo(6);
        });

        write("lib/gates.yaml", LIBRARY.replace("hitl_type: review", "hitl_type: reviw"));
        InvalidWorkflowException e = catchThrowableOfType(InvalidWorkflowException.class,
                () -> compiler().compile(main.toString(), null, true));
        assertThat(e.errors()).anySatisfy(problem -> {
            assertThat(problem.message()).contains("reviw");
            assertThat(problem.source()).isEqualTo(lib.toString());
            assertThat(problem.line()).isEqualTo(10);
        });
    }

    @Test
    void refErrorsAreLocatedAtTheRef() throws Exception {
        write("lib/gates.yaml", LIBRARY);
        write("lib/broken.yaml", "nodes:\n  - id: a\n   bad: [\n");
        write("lib/empty.yaml", "nodes: []\n");
        write("lib/nonodes.yaml", "workflows: {}\n");
        write("secret.yaml", LIBRARY);
        Path main = write("flows/main.yaml", """
                workflows:
                  flow:
                    nodes:
                      - $ref: "../lib/gates.yaml#nope"
                      - $ref: "./missing.yaml#x"
                      - $ref: "../lib/broken.yaml"
                      - $ref: "../lib/empty.yaml"
                      - $ref: 42
                      - $ref: "#approve"
                """);
        Path base = dir;
        WorkflowCompilerPlugin compiler = compiler(Map.of("base_directory", base));
        InvalidWorkflowException e = catchThrowableOfType(InvalidWorkflowException.class,
                () -> compiler.compile(main.toString(), null, true));
        List<Problem> problems = e.problems();
        assertThat(problems).extracting(Problem::message).anySatisfy(m -> assertThat(m)
                .contains("node 'nope' not found in").contains("it has: approve, review"));
        assertThat(problems).extracting(Problem::message).anySatisfy(m -> assertThat(m)
                .contains("referenced file not found:").contains("missing.yaml"));
        assertThat(problems).extracting(Problem::message).anySatisfy(m -> assertThat(m)
                .startsWith("invalid YAML in referenced file").contains("broken.yaml"));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.source()).endsWith("broken.yaml");
            assertThat(p.line()).isEqualTo(3);
        });
        assertThat(problems).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("no nodes found in"));
        assertThat(problems).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("$ref must be a string"));
        assertThat(problems).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("names no file"));
        Problem first = problems.get(0);
        assertThat(first.source()).isEqualTo(main.toString());
        assertThat(first.line()).isEqualTo(4);
        assertThat(first.column()).isEqualTo(16);
    }

    @Test
    void refCannotEscapeTheAllowedDirectory() throws Exception {
        write("secret.yaml", LIBRARY);
        write("ab/lib.yaml", LIBRARY);
        Path main = write("a/main.yaml", """
                workflows:
                  flow:
                    nodes:
                      - $ref: "../secret.yaml#approve"
                """);
        // Without a base directory, the referencing file's directory is the limit.
        assertThatThrownBy(() -> compiler().compile(main.toString(), null, true))
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining("resolves outside the allowed directory")
                .hasMessageContaining("path traversal refused");

        // A sibling whose name starts with the directory's name is not inside it.
        Path sibling = write("a/sibling.yaml", """
                workflows:
                  flow:
                    nodes:
                      - $ref: "../ab/lib.yaml#approve"
                """);
        assertThatThrownBy(() -> compiler(Map.of("base_directory", dir.resolve("a")))
                .compile(sibling.toString(), null, true))
                .hasMessageContaining("resolves outside the allowed directory");

        // A symbolic link inside the directory that leads out.
        Files.createSymbolicLink(dir.resolve("a/link.yaml"), dir.resolve("secret.yaml"));
        Path linked = write("a/linked.yaml", """
                workflows:
                  flow:
                    nodes:
                      - $ref: "link.yaml#approve"
                """);
        assertThatThrownBy(() -> compiler().compile(linked.toString(), null, true))
                .hasMessageContaining("through a symbolic link");

        // With the base directory one level up, the same reference is allowed.
        compiler(Map.of("base_directory", dir)).compile(main.toString(), null, true);
        assertThat(node(root(), "flow", 0)).containsEntry("id", "approve");
    }

    @Test
    void refInTextNeedsABaseDirectory() throws Exception {
        write("lib.yaml", LIBRARY);
        String text = """
                workflows:
                  flow:
                    nodes:
                      - $ref: "lib.yaml#approve"
                """;
        assertThatThrownBy(() -> compiler().compile(text, null, true))
                .hasMessageContaining("needs the base_directory option");
        compiler(Map.of("base_directory", dir)).compile(text, null, true);
        assertThat(node(root(), "flow", 0)).containsEntry("id", "approve");
    }

    @Test
    void refCountIsLimited() throws Exception {
        write("lib.yaml", LIBRARY);
        StringBuilder main = new StringBuilder("workflows:\n  flow:\n    nodes:\n");
        for (int i = 0; i < 4; i++) {
            main.append("      - {$ref: \"lib.yaml\", id: n").append(i).append("}\n");
        }
        Path file = write("many.yaml", main.toString());
        WorkflowCompilerPlugin limited = compiler(Map.of("max_references", 3));
        assertThatThrownBy(() -> limited.compile(file.toString(), null, true))
                .hasMessageContaining("too many $ref items: the limit is 3").hasMessageContaining("max_references");
    }

    // ---------------------------------------------------------------- cache keys

    @Test
    void cacheKeyOfTextFollowsTheText() {
        WorkflowCompilerPlugin compiler = compiler();
        String key = compiler.getCacheKey(WORKFLOW);
        assertThat(compiler.getCacheKey(WORKFLOW)).isEqualTo(key);
        assertThat(compiler.getCacheKey(WORKFLOW + "\n")).isNotEqualTo(key);
    }

    @Test
    void newFileOptionsDropWhatWasCompiledWithTheOldOnes() throws Exception {
        Path file = write("w.yaml", WORKFLOW);
        DefaultWorkflowCompilerRegistry registry = YamlFiles.registry(Map.of(), new YamlFormat());
        CompiledGraph first = registry.compile(file.toString());
        assertThat(registry.compile(file.toString())).as("a cache hit").isSameAs(first);
        registry.files(FileSourceOptions.defaults().withStrict(true), "test");
        assertThat(registry.compile(file.toString())).as("options that change the result change the key")
                .isNotSameAs(first);
    }

    @Test
    void cacheKeyOfAFileFollowsItsAttributes() throws Exception {
        Path file = write("w.yaml", WORKFLOW);
        FileTime time = Files.getLastModifiedTime(file);
        WorkflowCompilerPlugin compiler = compiler();
        String before = compiler.getCacheKey(file.toString());
        assertThat(compiler.getCacheKey(file.toString())).isEqualTo(before);
        Files.writeString(file, WORKFLOW.replace("start", "begin"));
        Files.setLastModifiedTime(file, FileTime.fromMillis(time.toMillis() + 1000));
        assertThat(Files.size(file)).isEqualTo(WORKFLOW.length());
        assertThat(compiler.getCacheKey(file.toString())).as("same size, another time").isNotEqualTo(before);
        String sameTime = compiler.getCacheKey(file.toString());
        Files.writeString(file, WORKFLOW + "# longer\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(time.toMillis() + 1000));
        assertThat(compiler.getCacheKey(file.toString())).as("same time, another size").isNotEqualTo(sameTime);
        assertThatThrownBy(() -> compiler.getCacheKey(dir.resolve("missing.yaml").toString()))
                .isInstanceOf(WorkflowSourceNotFoundException.class);
    }

    @Test
    void cacheKeyFollowsReferencedFilesAndEnvironment() throws Exception {
        Path lib = write("lib.yaml", LIBRARY);
        Path main = write("main.yaml", """
                workflows:
                  flow:
                    nodes:
                      - $ref: "lib.yaml#approve"
                      - id: greet
                        goal: "$env.GREETING"
                """);
        Map<String, String> env = new HashMap<>(Map.of("GREETING", "hello"));
        WorkflowCompilerPlugin compiler = compiler(Map.of("environment", (java.util.function.Function<String, String>) env::get));
        String before = compiler.getCacheKey(main.toString());
        compiler.compile(main.toString(), null, true);
        assertThat(compiler.getCacheKey(main.toString())).as("nothing changed").isEqualTo(before);
        Files.writeString(lib, LIBRARY.replace("Approve?", "Approve!"));
        Files.setLastModifiedTime(lib, FileTime.fromMillis(Files.getLastModifiedTime(lib).toMillis() + 1000));
        String afterLibrary = compiler.getCacheKey(main.toString());
        assertThat(afterLibrary).isNotEqualTo(before);
        compiler.compile(main.toString(), null, true);
        assertThat(compiler.getCacheKey(main.toString())).isEqualTo(afterLibrary);
        env.put("GREETING", "bonjour");
        assertThat(compiler.getCacheKey(main.toString())).isNotEqualTo(afterLibrary);
    }

    @Test
    void aChangedReferencedFileIsRecompiledThroughTheRegistry() throws Exception {
        Path lib = write("lib.yaml", LIBRARY);
        Path main = write("main.yaml", """
                workflows:
                  flow:
                    nodes:
                      - $ref: "lib.yaml#approve"
                """);
        DefaultWorkflowCompilerRegistry registry = YamlFiles.registry(Map.of(), new YamlFormat());
        CompiledGraph first = registry.compile(main.toString());
        assertThat(registry.compile(main.toString())).isSameAs(first);
        assertThat(first.invoke(Map.of()).interrupt().prompt()).isEqualTo("Approve?");
        Files.writeString(lib, LIBRARY.replace("Approve?", "Approve now?"));
        CompiledGraph second = registry.compile(main.toString());
        assertThat(second).isNotSameAs(first);
        assertThat(second.invoke(Map.of()).interrupt().prompt()).isEqualTo("Approve now?");
        assertThat(registry.compile(main.toString())).isSameAs(second);
    }

    // ---------------------------------------------------------------- validateSource

    @Test
    void validateSourceAcceptsReadableFilesAndText() throws Exception {
        WorkflowCompilerPlugin compiler = compiler();
        assertThat(compiler.validateSource(write("w.yaml", WORKFLOW).toString())).isTrue();
        assertThat(compiler.validateSource(write("bad.yaml", "a: [").toString()))
                .as("a readable file, even if it will not compile").isTrue();
        assertThat(compiler.validateSource(dir.resolve("missing.yaml").toString())).isFalse();
        assertThat(compiler.validateSource(dir.toString())).isFalse();
        assertThat(compiler.validateSource(WORKFLOW)).isTrue();
        assertThat(compiler.validateSource("# comment first\n" + WORKFLOW)).isTrue();
        assertThat(compiler.validateSource(null)).isFalse();
        assertThat(compiler(Map.of("max_document_bytes", 4)).validateSource(write("w4.yaml", WORKFLOW).toString()))
                .as("over the size limit").isFalse();
    }

    // ---------------------------------------------------------------- options

    @Test
    void optionsFromAMap() {
        FileSourceOptions options = FileSourceOptions.fromMap(Map.of("base_directory", dir.toString(),
                "strict", "true", "allow_env", "false", "max.nesting.depth", 20, "max_document_bytes", "2048",
                "enable_caching", true, "service.pid", "x", "max.references", "7"));
        assertThat(options.baseDirectory()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(options.strict()).isTrue();
        assertThat(options.env()).isEqualTo(EnvPolicy.OFF);
        assertThat(options.maxDocumentBytes()).isEqualTo(2048);
        assertThat(options.maxReferences()).isEqualTo(7);
        assertThat(YamlFiles.limits(Map.of("max.nesting.depth", 20)).maxNestingDepth()).isEqualTo(20);
        assertThat(FileSourceOptions.fromMap(Map.of("environment", Map.of("A", "b"))).environment().apply("A"))
                .isEqualTo("b");
        assertThatThrownBy(() -> FileSourceOptions.fromMap(Map.of("basedir", "/x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown file option(s) [basedir]");
        assertThatThrownBy(() -> FileSourceOptions.fromMap(Map.of("strict", "maybe")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FileSourceOptions.fromMap(Map.of("max_references", -1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> YamlLimits.defaults().withMaxAliases(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
