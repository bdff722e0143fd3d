package dev.victor.workflow.benchmarks;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.RunResult;
import org.bsc.langgraph4j.state.AgentState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * (5) State size: {@code linear10} (per step, as in {@link EngineBench}) and {@code linear1} (one
 * node: the cost of a run with a single step) with input states of 10, 100 and 1,000 keys. What
 * a run costs once (copying the input) and what each step costs are told apart by the two:
 * the marginal step cost is {@code (T(linear10) - T(linear1)) / 9} per run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class StateSizeBench {
    @Param({"10", "100", "1000"})
    public int keys;

    private Map<String, Object> input;
    private CompiledGraph victor10;
    private CompiledGraph victor1;
    private org.bsc.langgraph4j.CompiledGraph<AgentState> lgDefault10;
    private org.bsc.langgraph4j.CompiledGraph<AgentState> lgDefault1;
    private org.bsc.langgraph4j.CompiledGraph<AgentState> lgShallow10;
    private org.bsc.langgraph4j.CompiledGraph<AgentState> lgShallow1;
    private PlainJavaWorkloads.Graph plain10;
    private PlainJavaWorkloads.Graph plain1;

    @Setup
    public void setUp() throws Exception {
        input = Workloads.linearInput(keys);
        victor10 = Workloads.victorLinear(10);
        victor1 = Workloads.victorLinear(1);
        lgDefault10 = LangGraph4jWorkloads.linear(10, false);
        lgDefault1 = LangGraph4jWorkloads.linear(1, false);
        lgShallow10 = LangGraph4jWorkloads.linear(10, true);
        lgShallow1 = LangGraph4jWorkloads.linear(1, true);
        plain10 = PlainJavaWorkloads.linear(10);
        plain1 = PlainJavaWorkloads.linear(1);
        Workloads.check(linear10_victor(), "k", 10);
        Workloads.check(linear1_victor(), "k", 1);
        Workloads.check(linear10_langgraph4jDefault(), "k", 10);
        Workloads.check(linear1_langgraph4jDefault(), "k", 1);
        Workloads.check(linear10_langgraph4jShallow(), "k", 10);
        Workloads.check(linear1_langgraph4jShallow(), "k", 1);
        Workloads.check(linear10_plainJava(), "k", 10);
        Workloads.check(linear1_plainJava(), "k", 1);
        if (linear10_victor().state().size() != keys || linear10_langgraph4jDefault().size() != keys) {
            throw new IllegalStateException("the state lost keys");
        }
    }

    @Benchmark
    @OperationsPerInvocation(10)
    public RunResult linear10_victor() {
        return victor10.invoke(input);
    }

    @Benchmark
    public RunResult linear1_victor() {
        return victor1.invoke(input);
    }

    @Benchmark
    @OperationsPerInvocation(10)
    public Map<String, Object> linear10_langgraph4jDefault() {
        return LangGraph4jWorkloads.invoke(lgDefault10, input);
    }

    @Benchmark
    public Map<String, Object> linear1_langgraph4jDefault() {
        return LangGraph4jWorkloads.invoke(lgDefault1, input);
    }

    @Benchmark
    @OperationsPerInvocation(10)
    public Map<String, Object> linear10_langgraph4jShallow() {
        return LangGraph4jWorkloads.invoke(lgShallow10, input);
    }

    @Benchmark
    public Map<String, Object> linear1_langgraph4jShallow() {
        return LangGraph4jWorkloads.invoke(lgShallow1, input);
    }

    @Benchmark
    @OperationsPerInvocation(10)
    public Map<String, Object> linear10_plainJava() {
        return plain10.invoke(input);
    }

    @Benchmark
    public Map<String, Object> linear1_plainJava() {
        return plain1.invoke(input);
    }
}
