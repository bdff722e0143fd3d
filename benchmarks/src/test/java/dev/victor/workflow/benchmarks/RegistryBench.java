package dev.victor.workflow.benchmarks;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * (4) The registry: {@code compile(uri)} when the graph is cached (a hit) and when it is not (a
 * miss: the cache is cleared first). The cache key of a file is its attributes (one {@code stat},
 * see the registry-bundle README); hits are measured on the 20 KB refactor.yaml and on
 * a small file (linear10, 1 KB), and on a plugin whose cache key is the source string itself
 * ({@code registryOnly}: URI parsing, scheme resolution, the Caffeine lookup and nothing else).
 * {@code pluginCompile} is the YAML plugin's own compile of the file, without the registry's graph
 * cache (cleared first, with the parsed document kept for the file's other workflows);
 * {@code cacheKey} the plugin's {@code getCacheKey} alone; {@code fileStat} and {@code fileRead}
 * what one {@code stat} and one read of the small file cost on this machine (the floor of any
 * cache key that notices a changed file).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RegistryBench {
    private Path directory;
    private String refactorUri;
    private String smallUri;
    private String refactorPath;
    private String smallPath;
    private final String registryOnlyUri = "fixed://flows/review";
    private DefaultWorkflowCompilerRegistry registry;
    private WorkflowCompilerPlugin plugin;

    /** A plugin that compiles nothing: it hands out one prebuilt graph; the cache key is the source. */
    public static final class FixedGraphPlugin implements WorkflowCompilerPlugin {
        private static final CompiledGraph GRAPH = Workloads.victorLinear(Workloads.LINEAR_STEPS);

        public FixedGraphPlugin() {
        }

        @Override
        public CompiledGraph compile(String source, String workflowName, boolean validate) {
            return GRAPH;
        }
    }

    @Setup
    public void setUp() throws IOException {
        directory = Files.createTempDirectory("victor-bench");
        Path refactor = directory.resolve("refactor.yaml");
        Files.writeString(refactor, Workloads.refactorYaml(), StandardCharsets.UTF_8);
        Path small = directory.resolve("linear10.yaml");
        Files.writeString(small, Workloads.linearYaml(Workloads.LINEAR_STEPS), StandardCharsets.UTF_8);
        refactorPath = refactor.toString();
        refactorUri = "yaml://" + refactorPath;
        smallPath = small.toString();
        smallUri = "yaml://" + smallPath;
        registry = Workloads.yamlRegistry();
        registry.register("fixed", FixedGraphPlugin.class);
        plugin = registry.create("yaml://", Map.of());
        if (hit_refactorFile() != hit_refactorFile() || hit_smallFile() != hit_smallFile()
                || hit_registryOnly() != hit_registryOnly() || miss_refactorFile() == miss_refactorFile()) {
            throw new IllegalStateException("the cache does not behave as expected");
        }
        Workloads.check(hit_smallFile().invoke(Workloads.linearInput(1)), "k", Workloads.LINEAR_STEPS);
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Benchmark
    public CompiledGraph hit_refactorFile() {
        return registry.compile(refactorUri, "refactor");
    }

    @Benchmark
    public CompiledGraph hit_smallFile() {
        return registry.compile(smallUri);
    }

    @Benchmark
    public CompiledGraph hit_registryOnly() {
        return registry.compile(registryOnlyUri);
    }

    @Benchmark
    public CompiledGraph miss_refactorFile() {
        registry.clearCache();
        return registry.compile(refactorUri, "refactor");
    }

    @Benchmark
    public CompiledGraph pluginCompile_refactorFile() {
        registry.clearCache();
        return plugin.compile(refactorPath, "refactor", true);
    }

    @Benchmark
    public String cacheKey_refactorFile() {
        return plugin.getCacheKey(refactorPath);
    }

    @Benchmark
    public String cacheKey_smallFile() {
        return plugin.getCacheKey(smallPath);
    }

    /** The floor of any cache key that notices a changed file: one {@code stat} of it. */
    @Benchmark
    public BasicFileAttributes fileStat_smallFile() throws IOException {
        return Files.readAttributes(Path.of(smallPath), BasicFileAttributes.class);
    }

    /** Reading the small file's bytes once (open, read, close). */
    @Benchmark
    public byte[] fileRead_smallFile() throws IOException {
        return Files.readAllBytes(Path.of(smallPath));
    }
}
