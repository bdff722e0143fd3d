package dev.victor.workflow.benchmarks;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * (3) A whole file: every workflow of one of Victor's real files compiled from cold through the
 * registry ({@code yaml://} and the file source; the registry's caches cleared first), against
 * SnakeYAML's bare {@code load} of the same file (read and loaded). {@code compileEveryWorkflow}
 * compiles each workflow of the file in turn, as a caller that wants them all does (one read and
 * parse of the file for all of them); {@code compileEveryWorkflowColdEach} clears the caches before
 * each workflow, so that each parses the file again (what every compile cost before the parsed
 * document was kept). Files: refactor.yaml (4 workflows, 38 nodes), agentic_bench.yaml (3, 31),
 * ingest.yaml (2, 42), copied from Victor's corpus.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class WholeFileBench {
    @Param({"refactor", "agentic_bench", "ingest"})
    public String file;

    private final Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    private final DefaultWorkflowCompilerRegistry registry = Workloads.yamlRegistry();
    private Path directory;
    private Path path;
    private String uri;
    private List<String> names;

    @Setup
    public void setUp() throws IOException {
        directory = Files.createTempDirectory("victor-bench");
        path = directory.resolve(file + ".yaml");
        Files.writeString(path, Workloads.resource("/workflows/" + file + ".yaml"), StandardCharsets.UTF_8);
        uri = "yaml://" + path;
        names = registry.create("yaml://", Map.of()).workflowNames(path.toString());
        if (names.size() < 2) {
            throw new IllegalStateException("expected several workflows in " + file + ": " + names);
        }
        List<CompiledGraph> once = compileEveryWorkflow();
        List<CompiledGraph> each = compileEveryWorkflowColdEach();
        for (int i = 0; i < names.size(); i++) {
            if (!once.get(i).getGraph().toMermaid().equals(each.get(i).getGraph().toMermaid())) {
                throw new IllegalStateException("the two ways compile different graphs of " + names.get(i));
            }
        }
        if (!(snakeyamlLoad() instanceof Map)) {
            throw new IllegalStateException("unexpected YAML");
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(path);
        Files.deleteIfExists(directory);
    }

    @Benchmark
    public List<CompiledGraph> compileEveryWorkflow() {
        registry.clearCache();
        List<CompiledGraph> graphs = new ArrayList<>(names.size());
        for (String name : names) {
            graphs.add(registry.compile(uri, name));
        }
        return graphs;
    }

    @Benchmark
    public List<CompiledGraph> compileEveryWorkflowColdEach() {
        List<CompiledGraph> graphs = new ArrayList<>(names.size());
        for (String name : names) {
            registry.clearCache();
            graphs.add(registry.compile(uri, name));
        }
        return graphs;
    }

    @Benchmark
    public Object snakeyamlLoad() throws IOException {
        return yaml.load(Files.readString(path, StandardCharsets.UTF_8));
    }
}
