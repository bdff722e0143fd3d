package dev.victor.workflow.registry.file;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.kernel.source.EnvPolicy;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Compiling every workflow of a document parses it once, as long as nothing it was read from has
 * changed: the document itself, a file its {@code $ref}s name, an {@code $env} value it used.
 */
class OneParsePerDocumentTest {
    private static final String THREE = """
            workflows:
              one:
                nodes:
                  - {id: a, type: transform, transform: "x = 1", next: []}
              two:
                nodes:
                  - {id: b, type: transform, transform: "x = 2", next: []}
              three:
                nodes:
                  - {id: c, type: transform, transform: "x = 3", next: []}
            """;
    private static final String LIBRARY = """
            nodes:
              - {id: approve, type: hitl, hitl_type: approval, prompt: "Approve?"}
            """;
    private static final String REFERENCING = """
            workflows:
              first:
                nodes:
                  - {$ref: "lib.yaml#approve", id: ask}
              second:
                nodes:
                  - {$ref: "lib.yaml#approve", id: ask}
            """;
    private static final String ENVIRONMENT = """
            workflows:
              first:
                nodes:
                  - {id: start, type: agent, role: writer, goal: "say $env.GREETING", next: []}
              second:
                nodes:
                  - {id: start, type: agent, role: writer, goal: "say $env.GREETING", next: []}
            """;

    @TempDir
    Path dir;

    private final FileReadsTest.CountingFormat format = new FileReadsTest.CountingFormat();

    private DefaultWorkflowCompilerRegistry registry(FileSourceOptions files) {
        DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.builder().files(files).build();
        registry.register("yaml", format, List.of("application/yaml"), List.of("yaml", "yml"));
        return registry;
    }

    private DefaultWorkflowCompilerRegistry registry() {
        return registry(FileSourceOptions.defaults());
    }

    private static Object x(CompiledGraph graph) {
        return graph.invoke(Map.of()).state().get("x");
    }

    private static void touch(Path file) throws Exception {
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
    }

    @Test
    void everyWorkflowOfADocumentIsCompiledFromOneParse() throws Exception {
        Path main = Files.writeString(dir.resolve("main.yaml"), THREE);
        DefaultWorkflowCompilerRegistry registry = registry();
        for (String uri : List.of("file://" + main, "yaml://" + main, main.toString(), "yaml+file://" + main)) {
            registry.clearCache();
            format.reads.clear();
            assertThat(x(registry.compile(uri, "one"))).isEqualTo(1L);
            assertThat(x(registry.compile(uri, "two"))).isEqualTo(2L);
            assertThat(x(registry.compile(uri, "three"))).isEqualTo(3L);
            assertThat(format.of(main)).as(uri + ": three workflows, one parse").isEqualTo(1);
        }
    }

    @Test
    void theNamesAndEveryWorkflowWithAndWithoutValidationFromOneParse() throws Exception {
        Path main = Files.writeString(dir.resolve("main.yaml"), THREE);
        WorkflowCompilerPlugin plugin = registry().create("yaml://", Map.of());
        List<String> names = plugin.workflowNames(main.toString());
        assertThat(names).containsExactly("one", "two", "three");
        for (String name : names) {
            assertThat(plugin.compile(main.toString(), name, true).getGraph().nodes()).hasSize(1);
            assertThat(plugin.compile(main.toString(), name, false).getGraph().nodes()).hasSize(1);
        }
        assertThat(format.of(main)).isEqualTo(1);
    }

    @Test
    void aChangedDocumentIsParsedAgain() throws Exception {
        Path main = Files.writeString(dir.resolve("main.yaml"), THREE);
        DefaultWorkflowCompilerRegistry registry = registry();
        assertThat(x(registry.compile(main.toString(), "one"))).isEqualTo(1L);

        Files.writeString(main, THREE.replace("x = 2", "x = 20"));
        touch(main);
        assertThat(x(registry.compile(main.toString(), "two"))).as("the new text").isEqualTo(20L);
        assertThat(x(registry.compile(main.toString(), "three"))).isEqualTo(3L);
        assertThat(format.of(main)).as("once before the change, once after").isEqualTo(2);

        Files.writeString(main, THREE.replace("three:", "four:"));
        touch(main);
        InvalidWorkflowException gone = catchThrowableOfType(() -> registry.compile(main.toString(), "three"),
                InvalidWorkflowException.class);
        assertThat(gone).hasMessageContaining("Workflow 'three' not found").hasMessageContaining("one, two, four");
        assertThat(format.of(main)).isEqualTo(3);
    }

    @Test
    void aChangedReferencedFileIsReadAgainForTheNextWorkflow() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.yaml"), LIBRARY);
        Path main = Files.writeString(dir.resolve("main.yaml"), REFERENCING);
        DefaultWorkflowCompilerRegistry registry = registry();
        assertThat(registry.compile(main.toString(), "first").invoke(Map.of()).interrupt().prompt())
                .isEqualTo("Approve?");

        Files.writeString(lib, LIBRARY.replace("Approve?", "Go ahead?"));
        touch(lib);
        assertThat(registry.compile(main.toString(), "second").invoke(Map.of()).interrupt().prompt())
                .as("the referenced file as it is now").isEqualTo("Go ahead?");
        assertThat(format.of(main)).isEqualTo(2);
        assertThat(format.of(lib)).isEqualTo(2);

        format.reads.clear();
        registry.clearCache();
        registry.compile(main.toString(), "first");
        registry.compile(main.toString(), "second");
        assertThat(format.total()).as("nothing changed: one parse of each file for both workflows").isEqualTo(2);
    }

    @Test
    void aChangedEnvironmentValueIsReadAgainForTheNextWorkflow() throws Exception {
        Path main = Files.writeString(dir.resolve("main.yaml"), ENVIRONMENT);
        Map<String, String> environment = new ConcurrentHashMap<>(Map.of("GREETING", "hello"));
        DefaultWorkflowCompilerRegistry registry = registry(
                FileSourceOptions.defaults().withEnv(EnvPolicy.AUTO, environment::get));
        assertThat(goal(registry.compile(main.toString(), "first"))).isEqualTo("say hello");
        assertThat(goal(registry.compile(main.toString(), "second"))).isEqualTo("say hello");
        assertThat(format.of(main)).isEqualTo(1);

        environment.put("GREETING", "goodbye");
        registry.clearCache();
        format.reads.clear();
        environment.put("GREETING", "hello");
        assertThat(goal(registry.compile(main.toString(), "first"))).isEqualTo("say hello");
        environment.put("GREETING", "goodbye");
        assertThat(goal(registry.compile(main.toString(), "second"))).as("the value now").isEqualTo("say goodbye");
        assertThat(format.of(main)).isEqualTo(2);
    }

    private static Object goal(CompiledGraph graph) {
        Map<?, ?> start = (Map<?, ?>) graph.invoke(Map.of()).state().get("start");
        return start.get("goal");
    }

    @Test
    void anInvalidWorkflowIsReportedForEachCompileAndTheOthersStillCompile() throws Exception {
        Path main = Files.writeString(dir.resolve("main.yaml"), THREE.replace("x = 2", "x = = 2"));
        DefaultWorkflowCompilerRegistry registry = registry();
        for (int attempt = 0; attempt < 2; attempt++) {
            InvalidWorkflowException bad = catchThrowableOfType(() -> registry.compile(main.toString(), "two"),
                    InvalidWorkflowException.class);
            assertThat(bad).as("attempt " + attempt).hasMessageContaining("Invalid workflow 'two'");
            assertThat(bad.problems()).anySatisfy(problem -> assertThat(problem.node()).isEqualTo("b"));
        }
        assertThat(x(registry.compile(main.toString(), "one"))).isEqualTo(1L);
        assertThat(format.of(main)).isEqualTo(1);
    }
}
