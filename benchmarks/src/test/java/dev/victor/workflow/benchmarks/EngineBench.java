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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * (1) and (2): the step cost of the engines on {@code linear10} and {@code cycle1000}, in
 * nanoseconds per node step (JMH divides by the steps of one run). {@code victor} is this
 * project's engine with the graph built by {@code GraphBuilder}; {@code victorYaml} the same
 * workload written in YAML (transform and condition nodes, expressions), compiled once;
 * {@code langgraph4jDefault} LangGraph4j 1.8.17 with its default state serializer,
 * {@code langgraph4jShallow} with {@link ShallowCopyStateSerializer}, {@code langgraph4jNoClone}
 * with {@link NoCloneStateSerializer} (LangGraph4j's no-clone path, the anchor); {@code plainJava} the floor
 * ({@link PlainJavaWorkloads}).
 *
 * <p>The warm-up is long (5 × 4 s) because LangGraph4j needs it: on the development machine its
 * step cost fell for about 15 s of running before it settled (the JIT compiling its deep call
 * tree of futures and streams); a short warm-up would flatter this project.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EngineBench {
    private final Map<String, Object> linearInput = Workloads.linearInput(1);
    private final Map<String, Object> cycleInput = Workloads.cycleInput();

    private CompiledGraph victorLinear;
    private CompiledGraph victorCycle;
    private CompiledGraph yamlLinear;
    private CompiledGraph yamlCycle;
    private org.bsc.langgraph4j.CompiledGraph<AgentState> lgDefaultLinear;
    private org.bsc.langgraph4j.CompiledGraph<AgentState> lgDefaultCycle;
    private org.bsc.langgraph4j.CompiledGraph<AgentState> lgShallowLinear;
    private org.bsc.langgraph4j.CompiledGraph<AgentState> lgShallowCycle;
    private org.bsc.langgraph4j.CompiledGraph<AgentState> lgNoCloneLinear;
    private org.bsc.langgraph4j.CompiledGraph<AgentState> lgNoCloneCycle;
    private PlainJavaWorkloads.Graph plainLinear;
    private PlainJavaWorkloads.Graph plainCycle;

    @Setup
    public void setUp() throws Exception {
        victorLinear = Workloads.victorLinear(Workloads.LINEAR_STEPS);
        victorCycle = Workloads.victorCycle(Workloads.CYCLE_LIMIT);
        yamlLinear = Workloads.compileYaml(Workloads.linearYaml(Workloads.LINEAR_STEPS), null);
        yamlCycle = Workloads.compileYaml(Workloads.cycleYaml(Workloads.CYCLE_LIMIT), null);
        lgDefaultLinear = LangGraph4jWorkloads.linear(Workloads.LINEAR_STEPS, false);
        lgDefaultCycle = LangGraph4jWorkloads.cycle(Workloads.CYCLE_LIMIT, false);
        lgShallowLinear = LangGraph4jWorkloads.linear(Workloads.LINEAR_STEPS, true);
        lgShallowCycle = LangGraph4jWorkloads.cycle(Workloads.CYCLE_LIMIT, true);
        lgNoCloneLinear = LangGraph4jWorkloads.linear(Workloads.LINEAR_STEPS, LangGraph4jWorkloads.Copy.NONE);
        lgNoCloneCycle = LangGraph4jWorkloads.cycle(Workloads.CYCLE_LIMIT, LangGraph4jWorkloads.Copy.NONE);
        plainLinear = PlainJavaWorkloads.linear(Workloads.LINEAR_STEPS);
        plainCycle = PlainJavaWorkloads.cycle(Workloads.CYCLE_LIMIT);
        check();
    }

    /** Every variant does the work: {@code k == 10} after linear10, {@code i == 1000} after cycle1000. */
    void check() {
        Workloads.check(linear10_victor(), "k", Workloads.LINEAR_STEPS);
        Workloads.check(linear10_victorYaml(), "k", Workloads.LINEAR_STEPS);
        Workloads.check(linear10_langgraph4jDefault(), "k", Workloads.LINEAR_STEPS);
        Workloads.check(linear10_langgraph4jShallow(), "k", Workloads.LINEAR_STEPS);
        Workloads.check(linear10_langgraph4jNoClone(), "k", Workloads.LINEAR_STEPS);
        Workloads.check(linear10_plainJava(), "k", Workloads.LINEAR_STEPS);
        Workloads.check(cycle1000_victor(), "i", Workloads.CYCLE_LIMIT);
        Workloads.check(cycle1000_victorYaml(), "i", Workloads.CYCLE_LIMIT);
        Workloads.check(cycle1000_langgraph4jDefault(), "i", Workloads.CYCLE_LIMIT);
        Workloads.check(cycle1000_langgraph4jShallow(), "i", Workloads.CYCLE_LIMIT);
        Workloads.check(cycle1000_langgraph4jNoClone(), "i", Workloads.CYCLE_LIMIT);
        Workloads.check(cycle1000_plainJava(), "i", Workloads.CYCLE_LIMIT);
        if (cycle1000_victor().iterations() != Workloads.CYCLE_STEPS
                || cycle1000_victorYaml().iterations() != Workloads.CYCLE_STEPS
                || linear10_victorYaml().iterations() != Workloads.LINEAR_STEPS) {
            throw new IllegalStateException("unexpected step count");
        }
    }

    // ---------------------------------------------------------------- linear10

    @Benchmark
    @OperationsPerInvocation(Workloads.LINEAR_STEPS)
    public RunResult linear10_victor() {
        return victorLinear.invoke(linearInput);
    }

    @Benchmark
    @OperationsPerInvocation(Workloads.LINEAR_STEPS)
    public RunResult linear10_victorYaml() {
        return yamlLinear.invoke(linearInput);
    }

    @Benchmark
    @OperationsPerInvocation(Workloads.LINEAR_STEPS)
    public Map<String, Object> linear10_langgraph4jDefault() {
        return LangGraph4jWorkloads.invoke(lgDefaultLinear, linearInput);
    }

    @Benchmark
    @OperationsPerInvocation(Workloads.LINEAR_STEPS)
    public Map<String, Object> linear10_langgraph4jShallow() {
        return LangGraph4jWorkloads.invoke(lgShallowLinear, linearInput);
    }

    @Benchmark
    @OperationsPerInvocation(Workloads.LINEAR_STEPS)
    public Map<String, Object> linear10_langgraph4jNoClone() {
        return LangGraph4jWorkloads.invoke(lgNoCloneLinear, linearInput);
    }

    @Benchmark
    @OperationsPerInvocation(Workloads.LINEAR_STEPS)
    public Map<String, Object> linear10_plainJava() {
        return plainLinear.invoke(linearInput);
    }

    // ---------------------------------------------------------------- cycle1000

    @Benchmark
    @OperationsPerInvocation(Workloads.CYCLE_STEPS)
    public RunResult cycle1000_victor() {
        return victorCycle.invoke(cycleInput);
    }

    @Benchmark
    @OperationsPerInvocation(Workloads.CYCLE_STEPS)
    public RunResult cycle1000_victorYaml() {
        return yamlCycle.invoke(cycleInput);
    }

    @Benchmark
    @OperationsPerInvocation(Workloads.CYCLE_STEPS)
    public Map<String, Object> cycle1000_langgraph4jDefault() {
        return LangGraph4jWorkloads.invoke(lgDefaultCycle, cycleInput);
    }

    @Benchmark
    @OperationsPerInvocation(Workloads.CYCLE_STEPS)
    public Map<String, Object> cycle1000_langgraph4jShallow() {
        return LangGraph4jWorkloads.invoke(lgShallowCycle, cycleInput);
    }

    @Benchmark
    @OperationsPerInvocation(Workloads.CYCLE_STEPS)
    public Map<String, Object> cycle1000_langgraph4jNoClone() {
        return LangGraph4jWorkloads.invoke(lgNoCloneCycle, cycleInput);
    }

    @Benchmark
    @OperationsPerInvocation(Workloads.CYCLE_STEPS)
    public Map<String, Object> cycle1000_plainJava() {
        return plainCycle.invoke(cycleInput);
    }
}
