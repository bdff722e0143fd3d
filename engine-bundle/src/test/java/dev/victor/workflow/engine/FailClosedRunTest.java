package dev.victor.workflow.engine;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.format.SourcePositions;
import dev.victor.workflow.model.WorkflowDefinition;
import dev.victor.workflow.model.WorkflowDocument;
import dev.victor.workflow.model.WorkflowReader;
import dev.victor.workflow.spi.NodeOutput;
import dev.victor.workflow.spi.NodeServices;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile expressions and values end a run quickly with a clear error, never by crashing or running on. */
class FailClosedRunTest {

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @SafeVarargs
    private static CompiledGraph compile(Map<String, Object> limits, NodeServices services, Map<String, Object>... nodes) {
        Map<String, Object> workflow = new LinkedHashMap<>(limits);
        workflow.put("nodes", new ArrayList<>(List.of(nodes)));
        Object tree = map("workflows", map("w", workflow));
        WorkflowDocument document = new WorkflowReader().read(tree, SourcePositions.none(), "attack.yaml");
        assertThat(document.hasErrors()).as(document.problems().toString()).isFalse();
        WorkflowDefinition definition = document.workflows().get(0);
        return new DefinitionCompiler(EngineOptions.defaults().services(services)).compile(definition);
    }

    private static Map<String, Object> transform(String id, String program) {
        return map("id", id, "type", "transform", "transform", program);
    }

    /** 2,000 integers in an order that sorting has to work on (n log n comparisons for n steps). */
    private static List<Long> shuffled() {
        List<Long> values = new ArrayList<>();
        for (long i = 0; i < 2000; i++) {
            values.add(i * 7919 % 2003);
        }
        return values;
    }

    @Test
    void aQuadraticSubstringSearchEndsAtOnce() {
        long began = System.nanoTime();
        RunResult result = compile(map("timeout", 5), NodeServices.none(),
                map("id", "check", "type", "condition", "condition", "('a' * 100000 + 'b') in ('a' * 1000000)",
                        "branches", map("true", "yes", "false", "no")),
                transform("yes", "found = True"), transform("no", "found = False")).invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.state()).containsEntry("found", false);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void heavyExpressionsEndWithANamedLimit() {
        List<String> programs = List.of(
                "x = sorted([s, t] * 5000)",
                "x = max([s, t] * 5000)",
                "x = [str(10 ** 10000) for i in range(1000)]",
                "x = [int('9' * 10000) for i in range(1000)]",
                "x = [t == s for i in range(5000)]",
                "x = [len(s) for i in range(5000)]",
                "x = [s[i] for i in range(5000)]",
                "x = [s.count('a' * 40 + 'b') for i in range(5000)]",
                "x = [round(10 ** 10000, -10000) for i in range(100)]");
        for (String program : programs) {
            long began = System.nanoTime();
            RunResult result = compile(map("timeout", 5), NodeServices.none(), transform("heavy", program))
                    .invoke(Map.of("s", "a".repeat(1_000_000), "t", "a".repeat(999_999) + "b"));

            assertThat(result.status()).as(program).isEqualTo(RunStatus.FAILED);
            assertThat(result.error().nodeId()).isEqualTo("heavy");
            assertThat(result.error().message()).as(program).contains("ExpressionLimits.MAX_STEPS");
            assertThat(Duration.ofNanos(System.nanoTime() - began)).as(program).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void theRunsTimeoutStopsAnEvaluationThatIsStillRunning() {
        String busy = "for i in range(300):\n    x = sorted(l)";
        for (Object timeout : List.of(0.001, 0.01)) {
            long began = System.nanoTime();
            RunResult result = compile(map("timeout", timeout), NodeServices.none(), transform("busy", busy))
                    .invoke(Map.of("l", shuffled()));

            assertThat(result.status()).as("timeout %s", timeout).isEqualTo(RunStatus.TIMED_OUT);
            assertThat(result.error().message()).contains("timed out after");
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void theRunsTimeoutReachesInsideAWhileLoop() {
        for (String busy : List.of("while True:\n    x = sorted(l)",
                "def spin(n):\n    while n >= 0:\n        n = len(sorted(l))\n    return n\nx = spin(1)")) {
            RunResult result = compile(map("timeout", 0.01), NodeServices.none(), transform("busy", busy))
                    .invoke(Map.of("l", shuffled()));

            assertThat(result.status()).as(busy).isEqualTo(RunStatus.TIMED_OUT);
            assertThat(result.error().message()).as(busy).contains("timed out after");
        }
    }

    @Test
    void recursionUpToTheCallLimitRunsOnTheEnginesThreadsAndDeeperFailsNamingIt() {
        String program = "def depth(n):\n    return 0 if n == 0 else 1 + depth(n - 1)\nd = depth(n)";
        RunResult deep = compile(map(), NodeServices.none(), transform("deep", program))
                .invoke(Map.of("n", dev.victor.workflow.expr.ExpressionLimits.MAX_CALL_DEPTH - 1));
        assertThat(deep.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(deep.state()).containsEntry("d", (long) dev.victor.workflow.expr.ExpressionLimits.MAX_CALL_DEPTH - 1);

        RunResult tooDeep = compile(map(), NodeServices.none(), transform("deep", program)).invoke(Map.of("n", 5000));
        assertThat(tooDeep.status()).isEqualTo(RunStatus.FAILED);
        assertThat(tooDeep.error().message()).contains("deep", "ExpressionLimits.MAX_CALL_DEPTH");
    }

    @Test
    void anEndlessWhileLoopFailsTheNodeNamingTheStepLimit() {
        RunResult result = compile(map(), NodeServices.none(), transform("spin", "i = 0\nwhile True:\n    i += 1"))
                .invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().message()).contains("spin", "ExpressionLimits.MAX_STEPS");
    }

    @Test
    void theDefaultNodeTimeoutStopsTransformsAndConditions() {
        String busy = "for i in range(300):\n    x = sorted(l)";
        RunResult transform = compile(map("default_node_timeout", 0.001), NodeServices.none(), transform("busy", busy))
                .invoke(Map.of("l", shuffled()));
        assertThat(transform.status()).isEqualTo(RunStatus.FAILED);
        assertThat(transform.error().message()).contains("transform node 'busy' timed out after 1ms",
                "default_node_timeout");

        RunResult condition = compile(map("default_node_timeout", 0.001), NodeServices.none(),
                map("id", "check", "type", "condition",
                        "condition", "len([sorted(l) for i in range(300)]) > 0",
                        "branches", map("true", "end", "false", "end"))).invoke(Map.of("l", shuffled()));
        assertThat(condition.status()).isEqualTo(RunStatus.FAILED);
        assertThat(condition.error().message()).contains("condition 'check' timed out after 1ms");
    }

    @Test
    void theDefaultNodeTimeoutAppliesToComputeNodesReadFromAFile() {
        NodeServices services = NodeServices.builder()
                .handler("sleep", call -> {
                    Thread.sleep(5_000);
                    return NodeOutput.of("woke");
                })
                .build();
        for (Map<String, Object> limits : List.of(map("default_node_timeout", 0.1),
                map("execution", map("default_node_timeout_seconds", 0.1)))) {
            long began = System.nanoTime();
            RunResult result = compile(limits, services, map("id", "slow", "type", "compute", "handler", "sleep"))
                    .invoke(Map.of());

            assertThat(result.status()).isEqualTo(RunStatus.FAILED);
            assertThat(result.error().message()).contains("compute node 'slow' timed out after 100ms");
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(3));
        }
        RunResult own = compile(map("default_node_timeout", 30), services,
                map("id", "slow", "type", "compute", "handler", "sleep", "timeout", 0.1)).invoke(Map.of());
        assertThat(own.error().message()).contains("timed out after 100ms");
    }

    @Test
    void anEvaluationThatWouldBuildTooMuchFailsNamingTheLimit() {
        for (String program : List.of("l = ['\\u0100' * 9999999 for i in range(100)]",
                "l = [('x' * 9000000) + 'y' for i in range(10)]",
                "l = [('x' * 5000000).upper() for i in range(20)]")) {
            RunResult result = compile(map(), NodeServices.none(), transform("hog", program)).invoke(Map.of());

            assertThat(result.status()).as(program).isEqualTo(RunStatus.FAILED);
            assertThat(result.error().nodeId()).isEqualTo("hog");
            assertThat(result.error().message()).as(program).contains("transform node 'hog'",
                    "ExpressionLimits.MAX_ALLOCATED");
        }
    }

    @Test
    void aStateThatWouldHoldTooMuchFailsTheWritingNodeNamingTheLimit() {
        // each step stays within what one evaluation may allocate; together they would not
        // (9,000,000 characters each: under MAX_BUILT_SIZE, the most one value may be)
        RunResult piled = compile(map("max_retries", 2), NodeServices.none(),
                transform("a", "a = 'x' * 9000000"), transform("b", "b = 'x' * 9000000"),
                transform("c", "c = 'x' * 9000000"), transform("d", "d = 'x' * 9000000"),
                transform("e", "e = 'x' * 9000000"), transform("f", "f = 'x' * 9000000")).invoke(Map.of());
        assertThat(piled.status()).isEqualTo(RunStatus.FAILED);
        assertThat(piled.error().nodeId()).as("%s", piled.error()).isEqualTo("f");
        assertThat(piled.error().message()).contains("transform node 'f'", "MAX_STATE_CELLS", "'f'");
        assertThat(piled.nodeHistory()).as("the refused write leaves the state as it was").containsExactly("a", "b", "c", "d", "e");
        assertThat(piled.state()).containsKeys("a", "b", "c", "d", "e").doesNotContainKey("f");

        // a loop that grows one key: its cells are counted once per key, not once per write
        RunResult loop = compile(map("max_iterations", 100), NodeServices.none(),
                map("id", "grow", "type", "transform", "transform",
                        "n = ctx.get('n', 0) + 1\nrows = ctx.get('rows', []) + [['cell'] * 100000]"),
                map("id", "again", "type", "condition", "condition", "n < 30",
                        "branches", map("true", "grow", "false", "end"))).invoke(Map.of());
        assertThat(loop.status()).as("%s", loop.error()).isEqualTo(RunStatus.COMPLETED);

        // and a state handed in that is already too big is refused before the run starts
        CompiledGraph graph = compile(map(), NodeServices.none(), transform("t", "y = 1"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> graph.invoke(Map.of("big", "q".repeat(50_000_001))))
                .hasMessageContaining("MAX_STATE_CELLS");
    }

    @Test
    void aValueTooDeepOrContainingItselfFailsTheNodeNamingTheDepthLimit() {
        for (String program : List.of("x = []\nfor i in range(3000):\n    x = [x]",
                "x = {}\nfor i in range(500):\n    x = {'a': x}",
                "l = []\nl.append(l)",
                "l = [[]]\nl[0].append(l)")) {
            RunResult result = compile(map("max_retries", 2), NodeServices.none(), transform("deep", program))
                    .invoke(Map.of());

            assertThat(result.status()).as(program).isEqualTo(RunStatus.FAILED);
            assertThat(result.error().nodeId()).isEqualTo("deep");
            assertThat(result.error().message()).as(program).contains("transform node 'deep'", "200 levels",
                    "Frozen.MAX_DEPTH");
        }
        List<Object> deep = new ArrayList<>();
        List<Object> inner = deep;
        for (int i = 0; i < 5000; i++) {
            List<Object> next = new ArrayList<>();
            inner.add(next);
            inner = next;
        }
        CompiledGraph graph = compile(map(), NodeServices.none(), transform("t", "y = 1"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> graph.invoke(Map.of("deep", deep)))
                .hasMessageContaining("Frozen.MAX_DEPTH");
    }

    @Test
    void anErrorInsideANodeFailsTheRunNamingTheNodeAndTheCause() {
        for (Error error : List.of(new OutOfMemoryError("Java heap space"), new StackOverflowError())) {
            CompiledGraph graph = GraphBuilder.named("g")
                    .node("hog", state -> {
                        throw error;
                    })
                    .entry("hog").build();

            RunResult result = graph.invoke(Map.of(), RunConfig.defaults());

            assertThat(result.status()).isEqualTo(RunStatus.FAILED);
            assertThat(result.error().nodeId()).isEqualTo("hog");
            assertThat(result.error().message()).contains("node 'hog'", error.getClass().getSimpleName());
        }
    }

    @Test
    void aFailedRunCountsTheNodesThatRanIncludingTheOneThatFailed() {
        for (int before = 0; before < 3; before++) {
            List<Map<String, Object>> nodes = new ArrayList<>();
            for (int i = 0; i < before; i++) {
                nodes.add(transform("ok" + i, "x = " + i));
            }
            nodes.add(transform("bad", "x = 1 / 0"));
            @SuppressWarnings("unchecked")
            Map<String, Object>[] array = nodes.toArray(new Map[0]);
            RunResult result = compile(map(), NodeServices.none(), array).invoke(Map.of());

            assertThat(result.status()).isEqualTo(RunStatus.FAILED);
            assertThat(result.error().nodeId()).isEqualTo("bad");
            assertThat(result.iterations()).as("nodes that ran: %d before the failing one", before)
                    .isEqualTo(before + 1);
        }
    }
}
