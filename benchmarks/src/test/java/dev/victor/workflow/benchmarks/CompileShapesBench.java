package dev.victor.workflow.benchmarks;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.yaml.internal.YamlFormat;
import dev.victor.workflow.yaml.internal.YamlLimits;
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
import org.openjdk.jmh.annotations.Warmup;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * (3) Compile cost by size and shape: the registry's full compile (yaml://) of one generated workflow
 * against SnakeYAML's bare {@code load} of the same text, at 50, 500 and 5,000 nodes. Shapes:
 * {@code linear} ({@link Workloads#linearYaml}, transforms in a row), {@code branching}
 * ({@link Workloads#branchingYaml}, transforms and conditions) and {@code mixed}
 * ({@link Workloads#syntheticYaml}, agents, compute nodes, conditions and transforms). A compile
 * that stays linear in size keeps the same ratio at every size. The format's {@code max_values} is
 * raised to 1,000,000 for these documents (the default 100,000 refuses the largest). Each compile
 * is cold: the registry's caches (the parsed document kept among them) are cleared first.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CompileShapesBench {
    @Param({"linear", "branching", "mixed"})
    public String shape;

    @Param({"50", "500", "5000"})
    public int nodes;

    /** The registry's yaml:// with room for the largest case (mixed, 5,000 nodes: about 110,000 values). */
    private final DefaultWorkflowCompilerRegistry registry = registry();
    private final WorkflowCompilerPlugin plugin = registry.create("yaml://", Map.of());
    private final Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    private String text;

    private static DefaultWorkflowCompilerRegistry registry() {
        DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.builder().build();
        registry.register(YamlFormat.NAME, new YamlFormat(YamlLimits.defaults().withMaxValues(1_000_000)),
                YamlFormat.MEDIA_TYPES, YamlFormat.EXTENSIONS);
        return registry;
    }

    /** The YAML text of {@code shape} at {@code nodes} nodes. */
    static String text(String shape, int nodes) {
        return switch (shape) {
            case "linear" -> Workloads.linearYaml(nodes);
            case "branching" -> Workloads.branchingYaml(nodes);
            case "mixed" -> Workloads.syntheticYaml(nodes);
            default -> throw new IllegalArgumentException("unknown shape " + shape);
        };
    }

    @Setup
    public void setUp() {
        text = text(shape, nodes);
        if (compile().getGraph().nodes().size() != nodes) {
            throw new IllegalStateException("unexpected graph size: " + compile().getGraph().nodes().size());
        }
        if (!(snakeyamlLoad() instanceof Map)) {
            throw new IllegalStateException("unexpected YAML");
        }
    }

    @Benchmark
    public CompiledGraph compile() {
        registry.clearCache();
        return plugin.compile(text, null, true);
    }

    @Benchmark
    public Object snakeyamlLoad() {
        return yaml.load(text);
    }
}
