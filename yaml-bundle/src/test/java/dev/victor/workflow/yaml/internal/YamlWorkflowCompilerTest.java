package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.kernel.source.EnvPolicy;

import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.Severity;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;
import dev.victor.workflow.format.SourcePosition;

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

class YamlWorkflowCompilerTest {
    private static final String WORKFLOW = """
            workflows:
              build:
                nodes:
                  - id: start
                    goal: "say $env.GREETING"
            """;

    @TempDir
    Path dir;

    private final RecordingBackend backend = new RecordingBackend();

    private YamlWorkflowCompiler compiler(YamlPluginOptions options) {
        return new YamlWorkflowCompiler(options, backend);
    }

    private YamlWorkflowCompiler compiler() {
        return compiler(YamlPluginOptions.defaults());
    }

    private Path write(String name, String text) throws Exception {
        Path path = dir.resolve(name);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> node(Map<String, Object> root, String workflow, int index) {
        Map<String, Object> workflows = (Map<String, Object>) root.get("workflows");
        Map<String, Object> definition = (Map<String, Object>) workflows.get(workflow);
        return (Map<String, Object>) ((List<Object>) definition.get("nodes")).get(index);
    }

    @Test
    void compilesAFileAndHandsTheTreeWithPositionsToTheKernel() throws Exception {
        Path file = write("build.yaml", WORKFLOW);
        compiler().compile(file.toString(), "build", true);
        assertThat(backend.sourceName).isEqualTo(file.toString());
        assertThat(backend.workflowName).isEqualTo("build");
        assertThat(node(backend.root(), "build", 0)).containsEntry("id", "start");
        assertThat(backend.positions.valueAt(List.of("workflows", "build", "nodes", 0, "goal")))
                .isEqualTo(new SourcePosition(5, 16));
    }

    @Test
    void compilesTextThatStartsWithAComment() {
        compiler().compile("# my workflow\n" + WORKFLOW, null, true);
        assertThat(backend.sourceName).isNull();
        assertThat(node(backend.root(), "build", 0)).containsEntry("id", "start");
    }

    @Test
    void acceptsUriPrefixes() throws Exception {
        Path file = write("dir with space/w.yaml", WORKFLOW);
        compiler().compile("yaml://" + file, null, true);
        assertThat(backend.sourceName).isEqualTo(file.toString());
        compiler().compile(file.toUri().toString(), null, true);
        assertThat(backend.sourceName).isEqualTo(file.toString());
        compiler().compile("yaml://" + WORKFLOW, null, true);
        assertThat(backend.sourceName).isNull();
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
        YamlWorkflowCompiler confined = compiler(YamlPluginOptions.defaults().withBaseDirectory(base));

        confined.compile("w.yaml", null, true);
        assertThat(backend.sourceName).isEqualTo(base.resolve("w.yaml").toString());

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
        YamlWorkflowCompiler auto = compiler(YamlPluginOptions.defaults().withEnv(EnvPolicy.AUTO, env::get));
        auto.compile(write("w.yaml", WORKFLOW).toString(), null, true);
        assertThat(backend.environment).isNotNull();
        assertThat(backend.environment.apply("GREETING")).isEqualTo("hello");
        auto.compile(WORKFLOW, null, true);
        assertThat(backend.environment).isNull();

        compiler(YamlPluginOptions.defaults().withEnv(EnvPolicy.ON, env::get)).compile(WORKFLOW, null, true);
        assertThat(backend.environment).isNotNull();
        compiler(YamlPluginOptions.defaults().withEnv(EnvPolicy.OFF, env::get))
                .compile(dir.resolve("w.yaml").toString(), null, true);
        assertThat(backend.environment).isNull();
    }

    @Test
    void strictAndCustomNodeTypesArePassedToTheKernel() {
        compiler(YamlPluginOptions.defaults().withStrict(true).withCustomNodeTypes(java.util.Set.of("shell")))
                .compile(WORKFLOW, null, false);
        assertThat(backend.strict).isTrue();
        assertThat(backend.customNodeTypes).containsExactly("shell");
        assertThat(YamlPluginOptions.fromMap(Map.of("custom_node_types", "shell, sql")).customNodeTypes())
                .containsExactlyInAnyOrder("shell", "sql");
        assertThat(YamlPluginOptions.fromMap(Map.of("custom.node.types", List.of("a"))).customNodeTypes())
                .containsExactly("a");
        assertThat(compiler(YamlPluginOptions.defaults().withCustomNodeTypes(java.util.Set.of("shell")))
                .getCacheKey(WORKFLOW)).isNotEqualTo(compiler().getCacheKey(WORKFLOW));
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
        Map<String, Object> review = node(backend.root(), "flow", 0);
        assertThat(review).containsEntry("id", "my_review").containsEntry("type", "hitl")
                .containsEntry("hitl_type", "review").containsEntry("next", List.of("first"))
                .doesNotContainKey("$ref");
        Map<String, Object> first = node(backend.root(), "flow", 1);
        assertThat(first).containsEntry("id", "first").containsEntry("hitl_type", "approval");

        // Positions of referenced keys point into the library, local keys into the main file.
        assertThat(backend.positions.valueAt(List.of("workflows", "flow", "nodes", 0, "hitl_type")))
                .isEqualTo(new SourcePosition(10, 16));
        assertThat(backend.positions.valueAt(List.of("workflows", "flow", "nodes", 0, "id")))
                .isEqualTo(new SourcePosition(5, 13));
    }

    @Test
    void problemsInAReferencedNodeNameTheLibraryFile() throws Exception {
        Path lib = write("lib/gates.yaml", LIBRARY);
        Path main = write("main.yaml", """
                workflows:
                  flow:
                    nodes:
                      - $ref: "./lib/gates.yaml#review"
                        next: [end]
                """);
        backend.warnings = List.of(
                new Problem(Severity.WARNING, "unknown hitl_type", main.toString(), "flow", "review",
                        "workflows.flow.nodes[0].hitl_type", 11, 16),
                new Problem(Severity.WARNING, "next is odd", main.toString(), "flow", "review",
                        "workflows.flow.nodes[0].next", 5, 15));
        var graph = compiler().compile(main.toString(), null, true);
        assertThat(graph.warnings().get(0).source()).isEqualTo(lib.toString());
        assertThat(graph.warnings().get(0).message()).contains("which this node reuses through the $ref at line 4");
        assertThat(graph.warnings().get(1).source()).isEqualTo(main.toString());

        backend.warnings = List.of();
        backend.errors = List.of(new Problem(Severity.ERROR, "bad prompt", main.toString(), "flow", "review",
                null, 11, 21));
        InvalidWorkflowException e = catchThrowableOfType(InvalidWorkflowException.class,
                () -> compiler().compile(main.toString(), null, true));
        assertThat(e.problems().get(0).source()).isEqualTo(lib.toString());
        assertThat(e.problems().get(0).line()).isEqualTo(11);
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
        YamlWorkflowCompiler compiler = compiler(YamlPluginOptions.defaults().withBaseDirectory(base));
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
        assertThatThrownBy(() -> compiler(YamlPluginOptions.defaults().withBaseDirectory(dir.resolve("a")))
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
        compiler(YamlPluginOptions.defaults().withBaseDirectory(dir)).compile(main.toString(), null, true);
        assertThat(node(backend.root(), "flow", 0)).containsEntry("id", "approve");
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
        compiler(YamlPluginOptions.defaults().withBaseDirectory(dir)).compile(text, null, true);
        assertThat(node(backend.root(), "flow", 0)).containsEntry("id", "approve");
    }

    @Test
    void refCountIsLimited() throws Exception {
        write("lib.yaml", LIBRARY);
        StringBuilder main = new StringBuilder("workflows:\n  flow:\n    nodes:\n");
        for (int i = 0; i < 4; i++) {
            main.append("      - {$ref: \"lib.yaml\", id: n").append(i).append("}\n");
        }
        Path file = write("many.yaml", main.toString());
        YamlWorkflowCompiler limited = compiler(YamlPluginOptions.defaults()
                .withLimits(YamlLimits.defaults().withMaxReferences(3)));
        assertThatThrownBy(() -> limited.compile(file.toString(), null, true))
                .hasMessageContaining("too many $ref items: the limit is 3");
    }

    // ---------------------------------------------------------------- cache keys

    @Test
    void cacheKeyOfTextIsASha256AndFollowsTheText() {
        YamlWorkflowCompiler compiler = compiler();
        String key = compiler.getCacheKey(WORKFLOW);
        assertThat(key).matches("[0-9a-f]{64}");
        assertThat(compiler.getCacheKey(WORKFLOW)).isEqualTo(key);
        assertThat(compiler.getCacheKey(WORKFLOW + "\n")).isNotEqualTo(key);
        assertThat(compiler(YamlPluginOptions.defaults().withStrict(true)).getCacheKey(WORKFLOW))
                .as("options that change the result change the key").isNotEqualTo(key);
    }

    @Test
    void cacheKeyOfAFileFollowsItsContentEvenWithTheSameSizeAndTime() throws Exception {
        Path file = write("w.yaml", WORKFLOW);
        FileTime time = Files.getLastModifiedTime(file);
        YamlWorkflowCompiler compiler = compiler();
        String before = compiler.getCacheKey(file.toString());
        assertThat(compiler.getCacheKey(file.toString())).isEqualTo(before);
        Files.writeString(file, WORKFLOW.replace("start", "begin"));
        Files.setLastModifiedTime(file, time);
        assertThat(Files.size(file)).isEqualTo(WORKFLOW.length());
        assertThat(compiler.getCacheKey(file.toString())).isNotEqualTo(before);
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
        YamlWorkflowCompiler compiler = compiler(YamlPluginOptions.defaults().withEnv(EnvPolicy.AUTO, env::get));
        String before = compiler.getCacheKey(main.toString());
        Files.writeString(lib, LIBRARY.replace("Approve?", "Approve!"));
        String afterLibrary = compiler.getCacheKey(main.toString());
        assertThat(afterLibrary).isNotEqualTo(before);
        env.put("GREETING", "bonjour");
        assertThat(compiler.getCacheKey(main.toString())).isNotEqualTo(afterLibrary);
    }

    // ---------------------------------------------------------------- validateSource

    @Test
    void validateSourceAcceptsReadableFilesAndParsableText() throws Exception {
        YamlWorkflowCompiler compiler = compiler();
        assertThat(compiler.validateSource(write("w.yaml", WORKFLOW).toString())).isTrue();
        assertThat(compiler.validateSource(write("bad.yaml", "a: [").toString()))
                .as("a readable file, even if it will not compile").isTrue();
        assertThat(compiler.validateSource(dir.resolve("missing.yaml").toString())).isFalse();
        assertThat(compiler.validateSource(dir.toString())).isFalse();
        assertThat(compiler.validateSource(WORKFLOW)).isTrue();
        assertThat(compiler.validateSource("# comment first\n" + WORKFLOW)).isTrue();
        assertThat(compiler.validateSource("a: [\nb")).isFalse();
        assertThat(compiler.validateSource("a: !!java.io.File x\nb: 1")).isFalse();
        assertThat(compiler.validateSource(null)).isFalse();
    }

    // ---------------------------------------------------------------- options

    @Test
    void optionsFromAMap() {
        YamlPluginOptions options = YamlPluginOptions.fromMap(Map.of("base_directory", dir.toString(),
                "strict", "true", "allow_env", "false", "max.nesting.depth", 20, "max_document_bytes", "2048",
                "enable_caching", true, "service.pid", "x"));
        assertThat(options.baseDirectory()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(options.strict()).isTrue();
        assertThat(options.env()).isEqualTo(EnvPolicy.OFF);
        assertThat(options.limits().maxNestingDepth()).isEqualTo(20);
        assertThat(options.limits().maxDocumentBytes()).isEqualTo(2048);
        assertThat(YamlPluginOptions.fromMap(Map.of("environment", Map.of("A", "b"))).environment().apply("A"))
                .isEqualTo("b");
        assertThatThrownBy(() -> YamlPluginOptions.fromMap(Map.of("basedir", "/x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown YAML plugin option(s) [basedir]");
        assertThatThrownBy(() -> YamlPluginOptions.fromMap(Map.of("strict", "maybe")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> YamlPluginOptions.fromMap(Map.of("max_aliases", -1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
