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
import org.openjdk.jmh.annotations.Warmup;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.StringReader;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * (3) Compile cost: the YAML plugin's full compile of a source text (parse with positions, read,
 * validate, build the graph) against SnakeYAML's bare {@code load} of the same text (the floor)
 * and its {@code compose} (the node graph the plugin starts from). {@code refactor} is the
 * corpus's refactor.yaml (38 nodes in four workflows; a compile parses, reads and validates the
 * whole file and builds the graph of one workflow: {@code refactor}, 19 nodes);
 * {@code synthetic500} is one generated workflow of 500 nodes ({@link Workloads#syntheticYaml}).
 * Each compile is cold: the registry's caches (the parsed document kept for the file's other
 * workflows among them) are cleared first.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CompileBench {
    static final int SYNTHETIC_NODES = 500;

    private final DefaultWorkflowCompilerRegistry registry = Workloads.yamlRegistry();
    private final WorkflowCompilerPlugin plugin = registry.create("yaml://", Map.of());
    private final Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    private String refactor;
    private String synthetic;

    @Setup
    public void setUp() {
        refactor = Workloads.refactorYaml();
        synthetic = Workloads.syntheticYaml(SYNTHETIC_NODES);
        if (refactor_compile().getGraph().nodes().size() != 19
                || synthetic500_compile().getGraph().nodes().size() != SYNTHETIC_NODES) {
            throw new IllegalStateException("unexpected graph size");
        }
        if (!(refactor_snakeyamlLoad() instanceof Map) || !(synthetic500_snakeyamlLoad() instanceof Map)) {
            throw new IllegalStateException("unexpected YAML");
        }
    }

    @Benchmark
    public CompiledGraph refactor_compile() {
        registry.clearCache();
        return plugin.compile(refactor, "refactor", true);
    }

    @Benchmark
    public Object refactor_snakeyamlLoad() {
        return yaml.load(refactor);
    }

    @Benchmark
    public Object refactor_snakeyamlCompose() {
        return yaml.compose(new StringReader(refactor));
    }

    @Benchmark
    public CompiledGraph synthetic500_compile() {
        registry.clearCache();
        return plugin.compile(synthetic, "synthetic", true);
    }

    @Benchmark
    public Object synthetic500_snakeyamlLoad() {
        return yaml.load(synthetic);
    }

    @Benchmark
    public Object synthetic500_snakeyamlCompose() {
        return yaml.compose(new StringReader(synthetic));
    }
}
