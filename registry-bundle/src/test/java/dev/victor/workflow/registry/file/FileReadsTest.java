package dev.victor.workflow.registry.file;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.format.ParsedDocument;
import dev.victor.workflow.format.SourcePositions;
import dev.victor.workflow.format.WorkflowFormat;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.source.SourceDocument;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a compile of a local file reads: each file once (the document, and each file its
 * {@code $ref}s name), and a cache hit nothing; a change in a referenced file is seen.
 */
class FileReadsTest {
    private static final String LIBRARY = """
            nodes:
              - id: approve
                type: hitl
                hitl_type: approval
                prompt: "Approve?"
            """;
    private static final String MAIN = """
            workflows:
              flow:
                nodes:
                  - id: start
                    type: transform
                    transform: x = 1
                  - {$ref: "lib.yaml#approve", id: first}
                  - {$ref: "lib.yaml#approve", id: second}
            """;

    @TempDir
    Path dir;

    /** A YAML format (SnakeYAML's safe loader, no positions) that counts what it is handed, by name. */
    static final class CountingFormat implements WorkflowFormat {
        final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

        @Override
        public ParsedDocument parse(SourceDocument document) {
            reads.computeIfAbsent(document.name(), name -> new AtomicInteger()).incrementAndGet();
            Object tree = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(new String(document.content(), StandardCharsets.UTF_8));
            return new ParsedDocument(tree, SourcePositions.none());
        }

        int of(Path file) {
            AtomicInteger count = reads.get(file.toString());
            return count == null ? 0 : count.get();
        }

        int total() {
            return reads.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }

    private final CountingFormat format = new CountingFormat();

    private DefaultWorkflowCompilerRegistry registry() {
        DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.create();
        registry.register("yaml", format, List.of("application/yaml"), List.of("yaml", "yml"));
        return registry;
    }

    @Test
    void eachFileIsReadOncePerCompileAndACacheHitReadsNothing() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.yaml"), LIBRARY);
        Path main = Files.writeString(dir.resolve("main.yaml"), MAIN);
        DefaultWorkflowCompilerRegistry registry = registry();
        for (String uri : List.of("file://" + main, main.toString(), "yaml://" + main, "yaml+file://" + main)) {
            registry.clearCache();
            format.reads.clear();
            CompiledGraph graph = registry.compile(uri);
            assertThat(graph.getGraph().toMermaid()).contains("first", "second");
            assertThat(format.of(main)).as(uri).isEqualTo(1);
            assertThat(format.of(lib)).as(uri + ": two $ref items, one file, one read").isEqualTo(1);
            assertThat(format.total()).isEqualTo(2);

            format.reads.clear();
            assertThat(registry.compile(uri)).as(uri + ": a cache hit").isSameAs(graph);
            assertThat(format.total()).as(uri + ": a cache hit reads nothing").isZero();
        }
    }

    @Test
    void aChangeInAReferencedFileIsCompiledAgain() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.yaml"), LIBRARY);
        Path main = Files.writeString(dir.resolve("main.yaml"), MAIN);
        DefaultWorkflowCompilerRegistry registry = registry();
        CompiledGraph first = registry.compile(main.toString());
        assertThat(first.invoke(Map.of()).interrupt().prompt()).isEqualTo("Approve?");

        Files.writeString(lib, LIBRARY.replace("Approve?", "Go ahead?"));
        Files.setLastModifiedTime(lib, FileTime.fromMillis(Files.getLastModifiedTime(lib).toMillis() + 2000));
        format.reads.clear();
        CompiledGraph second = registry.compile(main.toString());
        assertThat(second).isNotSameAs(first);
        assertThat(second.invoke(Map.of()).interrupt().prompt()).isEqualTo("Go ahead?");
        assertThat(format.of(main)).isEqualTo(1);
        assertThat(format.of(lib)).isEqualTo(1);

        format.reads.clear();
        assertThat(registry.compile(main.toString())).isSameAs(second);
        assertThat(format.total()).isZero();

        Files.delete(lib);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> registry.compile(main.toString())))
                .as("a referenced file that is gone is seen too").hasMessageContaining("referenced file not found");
    }

    @Test
    void theFingerprintIsTheFileAttributes() throws Exception {
        Path main = Files.writeString(dir.resolve("main flow.yaml"), MAIN);
        FileSource files = new FileSource(FileSourceOptions.defaults());
        String before = files.fingerprint(main.toString());
        assertThat(files.fingerprint(main.toUri().getRawPath())).as("the rest of a file: URI, decoded").isEqualTo(before);
        assertThat(files.read(main.toString()).fingerprint()).isEqualTo(before);
        assertThat(files.read(main.toString()).trusted()).isTrue();
        dev.victor.workflow.source.WorkflowSource yaml = files.pathOrText("yaml", java.util.Set.of("yaml", "yml"));
        assertThat(yaml.fingerprint("yaml://" + main)).as("a path told from text: the same attributes").isEqualTo(before);
        assertThat(yaml.fingerprint(main.toString())).isEqualTo(before);
        assertThat(yaml.fingerprint("yaml+file://" + main.toUri().getRawPath())).isEqualTo(before);
        assertThat(yaml.fingerprint("a: b")).isEqualTo("text");
        Files.setLastModifiedTime(main, FileTime.fromMillis(Files.getLastModifiedTime(main).toMillis() + 2000));
        assertThat(files.fingerprint(main.toString())).isNotEqualTo(before);
        assertThat(yaml.fingerprint("yaml://" + main)).isEqualTo(files.fingerprint(main.toString()));
        Files.writeString(main, MAIN + "# one more line\n");
        assertThat(yaml.fingerprint("yaml://" + main)).as("a new size").isEqualTo(files.fingerprint(main.toString()))
                .isNotEqualTo(before);
    }
}
