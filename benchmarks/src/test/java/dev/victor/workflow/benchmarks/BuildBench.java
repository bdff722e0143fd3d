package dev.victor.workflow.benchmarks;

import org.bsc.langgraph4j.GraphStateException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** (1) {@code build50}: define and compile a 50-node linear graph; nanoseconds per graph. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BuildBench {

    @Benchmark
    public Object build50_victor() {
        return Workloads.victorLinear(Workloads.BUILD_NODES);
    }

    @Benchmark
    public Object build50_langgraph4jDefault() throws GraphStateException {
        return LangGraph4jWorkloads.linear(Workloads.BUILD_NODES, false);
    }

    @Benchmark
    public Object build50_plainJava() {
        return PlainJavaWorkloads.linear(Workloads.BUILD_NODES);
    }
}
