package dev.victor.workflow.benchmarks;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.RunResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * (6) Concurrency: one compiled {@code linear10} graph (shared by the threads) invoked from 1 and
 * from 2 threads; throughput in runs per millisecond, all threads together. The plain-Java floor
 * shows how far this machine itself scales.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ConcurrencyBench {
    private final Map<String, Object> input = Workloads.linearInput(1);
    private CompiledGraph victor;
    private CompiledGraph yaml;
    private PlainJavaWorkloads.Graph plain;

    @Setup
    public void setUp() {
        victor = Workloads.victorLinear(Workloads.LINEAR_STEPS);
        yaml = Workloads.compileYaml(Workloads.linearYaml(Workloads.LINEAR_STEPS), null);
        plain = PlainJavaWorkloads.linear(Workloads.LINEAR_STEPS);
        Workloads.check(victor.invoke(input), "k", Workloads.LINEAR_STEPS);
        Workloads.check(yaml.invoke(input), "k", Workloads.LINEAR_STEPS);
    }

    @Benchmark
    @Threads(1)
    public RunResult linear10_victor_1thread() {
        return victor.invoke(input);
    }

    @Benchmark
    @Threads(2)
    public RunResult linear10_victor_2threads() {
        return victor.invoke(input);
    }

    @Benchmark
    @Threads(1)
    public RunResult linear10_victorYaml_1thread() {
        return yaml.invoke(input);
    }

    @Benchmark
    @Threads(2)
    public RunResult linear10_victorYaml_2threads() {
        return yaml.invoke(input);
    }

    @Benchmark
    @Threads(1)
    public Map<String, Object> linear10_plainJava_1thread() {
        return plain.invoke(input);
    }

    @Benchmark
    @Threads(2)
    public Map<String, Object> linear10_plainJava_2threads() {
        return plain.invoke(input);
    }
}
