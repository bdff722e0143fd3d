package dev.victor.workflow.engine;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.IterationCounting;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunEvent;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.model.Constraints;
import dev.victor.workflow.model.JoinStrategy;
import dev.victor.workflow.model.Limits;
import dev.victor.workflow.model.NodeDefinition;
import dev.victor.workflow.spi.NodeOutput;
import dev.victor.workflow.spi.NodeServices;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.victor.workflow.engine.Defs.agent;
import static dev.victor.workflow.engine.Defs.handler;
import static dev.victor.workflow.engine.Defs.parallel;
import static dev.victor.workflow.engine.Defs.state;
import static dev.victor.workflow.engine.Defs.tools;
import static dev.victor.workflow.engine.Defs.workflow;
import static org.assertj.core.api.Assertions.assertThat;

class ParallelTest {

    private static CompiledGraph compile(NodeServices services, NodeDefinition... nodes) {
        return new DefinitionCompiler(EngineOptions.defaults().services(services)).compile(workflow("par", nodes));
    }

    private static NodeServices writers() {
        return NodeServices.builder()
                .handler("a", call -> NodeOutput.of("A", Map.of("shared", "from-a", "list", List.of(1),
                        "map", Map.of("x", 1, "both", Map.of("p", 1)))))
                .handler("b", call -> NodeOutput.of("B", Map.of("shared", "from-b", "list", List.of(2),
                        "map", Map.of("y", 2, "both", Map.of("q", 2)))))
                .handler("same", call -> NodeOutput.of("S", Map.of("agreed", 1)))
                .handler("same2", call -> NodeOutput.of("S2", Map.of("agreed", 1.0)))
                .handler("fail", call -> {
                    throw new IllegalStateException("child broke");
                })
                .handler("slow", call -> {
                    Thread.sleep(3_000);
                    return NodeOutput.of("slow");
                })
                .build();
    }

    @Test
    void allRunsEveryChildMergesInListOrderAndWarnsOnConflicts() {
        CompiledGraph graph = compile(writers(),
                parallel("fan", JoinStrategy.ALL, null, "after", "ca", "cb"),
                handler("ca", "a", Map.of(), null),
                handler("cb", "b", Map.of(), null),
                tools("after", List.of(), Map.of(), Constraints.DEFAULT, true, null));

        List<RunEvent> events = graph.stream(Map.of()).toList();
        RunResult result = ((RunEvent.RunFinished) events.get(events.size() - 1)).result();

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.state()).containsEntry("ca", "A").containsEntry("cb", "B")
                .containsEntry("shared", "from-b").containsEntry("list", List.of(2));
        assertThat(result.nodeHistory()).containsExactly("ca", "cb", "fan", "after");
        assertThat(result.iterations()).isEqualTo(4);
        assertThat(result.warnings()).anySatisfy(warning -> assertThat(warning)
                .contains("'shared'", "'ca'", "'cb'", "'cb' (later in the list) wins"));
        assertThat(events).filteredOn(RunEvent.RunWarning.class::isInstance).isNotEmpty();
        assertThat(events).filteredOn(RunEvent.NodeCompleted.class::isInstance)
                .extracting(event -> ((RunEvent.NodeCompleted) event).nodeId())
                .containsExactly("ca", "cb", "fan", "after");
    }

    @Test
    void equalValuesAreNoConflict() {
        CompiledGraph graph = compile(writers(),
                parallel("fan", JoinStrategy.ALL, null, null, "s1", "s2"),
                handler("s1", "same", Map.of(), null),
                handler("s2", "same2", Map.of(), null));

        RunResult result = graph.invoke(Map.of());

        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void mergeJoinDeepMergesMapsAndConcatenatesLists() {
        CompiledGraph graph = compile(writers(),
                parallel("fan", JoinStrategy.MERGE, null, null, "ca", "cb"),
                handler("ca", "a", Map.of(), null),
                handler("cb", "b", Map.of(), null));

        RunResult result = graph.invoke(Map.of());

        assertThat(result.state()).containsEntry("list", List.of(1, 2))
                .containsEntry("map", Map.of("x", 1, "y", 2, "both", Map.of("p", 1, "q", 2)));
        assertThat(result.warnings()).singleElement().asString().contains("'shared'");
    }

    @Test
    void aFailedChildFailsAnAllJoin() {
        AtomicBoolean afterRan = new AtomicBoolean();
        NodeServices services = NodeServices.builder()
                .handler("fail", call -> {
                    throw new IllegalStateException("child broke");
                })
                .handler("ok", call -> NodeOutput.of("ok"))
                .handler("after", call -> {
                    afterRan.set(true);
                    return NodeOutput.of(null);
                })
                .build();
        CompiledGraph graph = compile(services,
                parallel("fan", JoinStrategy.ALL, null, "after", "good", "bad"),
                handler("good", "ok", Map.of(), null),
                handler("bad", "fail", Map.of(), null),
                handler("after", "after", Map.of(), null));

        RunResult result = graph.invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().nodeId()).isEqualTo("fan");
        assertThat(result.error().message()).contains("child 'bad' failed", "child broke");
        assertThat(result.error().type()).isEqualTo(IllegalStateException.class.getName());
        assertThat(afterRan).isFalse();
        assertThat(result.state()).doesNotContainKey("good");
    }

    @Test
    void anyAndFirstTakeTheFirstSuccessAndCancelTheRest() throws InterruptedException {
        for (JoinStrategy join : List.of(JoinStrategy.ANY, JoinStrategy.FIRST)) {
            CountDownLatch slowStarted = new CountDownLatch(1);
            CountDownLatch cancelled = new CountDownLatch(1);
            NodeServices services = NodeServices.builder()
                    .handler("a", call -> {
                        slowStarted.await(5, TimeUnit.SECONDS);
                        return NodeOutput.of("A");
                    })
                    .handler("fail", call -> {
                        throw new IllegalStateException("child broke");
                    })
                    .handler("slow", call -> {
                        slowStarted.countDown();
                        try {
                            Thread.sleep(10_000);
                        } catch (InterruptedException interrupted) {
                            cancelled.countDown();
                            throw interrupted;
                        }
                        return NodeOutput.of("slow");
                    })
                    .build();
            CompiledGraph graph = compile(services,
                    parallel("race", join, null, null, "broken", "sluggish", "winner"),
                    handler("broken", "fail", Map.of(), null),
                    handler("sluggish", "slow", Map.of(), null),
                    handler("winner", "a", Map.of(), null));

            RunResult result = graph.invoke(Map.of());

            assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(result.state()).containsEntry("winner", "A").doesNotContainKeys("sluggish", "broken");
            assertThat(result.nodeHistory()).containsExactly("winner", "race");
            assertThat(cancelled.await(5, TimeUnit.SECONDS)).as("the slower child is cancelled").isTrue();
        }
    }

    @Test
    void anyFailsWhenEveryChildFails() {
        CompiledGraph graph = compile(writers(),
                parallel("race", JoinStrategy.ANY, null, null, "x", "y"),
                handler("x", "fail", Map.of(), null),
                handler("y", "missing_handler", Map.of(), null));

        RunResult result = graph.invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().message()).contains("every child failed", "child broke",
                "handler 'missing_handler' is not installed");
    }

    @Test
    void childrenRunConcurrently() {
        CountDownLatch both = new CountDownLatch(2);
        NodeServices services = NodeServices.builder()
                .handler("meet", call -> {
                    both.countDown();
                    return NodeOutput.of(both.await(5, TimeUnit.SECONDS));
                })
                .build();
        CompiledGraph graph = compile(services,
                parallel("fan", JoinStrategy.ALL, null, null, "x", "y"),
                handler("x", "meet", Map.of(), null),
                handler("y", "meet", Map.of(), null));

        RunResult result = graph.invoke(Map.of());

        assertThat(result.state()).containsEntry("x", true).containsEntry("y", true);
    }

    @Test
    void nestedParallelNodesRunTheirChildren() {
        CompiledGraph graph = compile(NodeServices.none(),
                parallel("outer", JoinStrategy.ALL, null, null, "a1", "inner"),
                agent("a1", "x", "one", null),
                parallel("inner", JoinStrategy.ALL, null, null, "b1", "b2"),
                agent("b1", "x", "two", null),
                agent("b2", "x", "three", null));

        RunResult result = graph.invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.state()).containsKeys("a1", "b1", "b2");
        assertThat(result.nodeHistory()).containsExactly("a1", "b1", "b2", "inner", "outer");
        assertThat(result.iterations()).isEqualTo(5);
    }

    @Test
    void parallelChildrenCountAgainstMaxIterations() {
        CompiledGraph graph = new DefinitionCompiler(EngineOptions.defaults().defaultMaxIterations(3))
                .compile(workflow("par",
                        parallel("fan", JoinStrategy.ALL, null, null, "a", "b", "c"),
                        agent("a", "x", "g", null), agent("b", "x", "g", null), agent("c", "x", "g", null)));

        RunResult result = graph.invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.LIMIT_EXCEEDED);
        assertThat(result.error().message()).contains("max_iterations (3)", "4 more",
                "'iteration_counting: steps' counts a parallel node once");
    }

    private static CompiledGraph fanOfThreeThenFan(Limits limits, int defaultMaxIterations) {
        NodeServices services = NodeServices.builder().handler("h", call -> NodeOutput.of("done")).build();
        return new DefinitionCompiler(EngineOptions.defaults().services(services)
                .defaultMaxIterations(defaultMaxIterations))
                .compile(workflow("par", limits,
                        parallel("fan", JoinStrategy.ALL, null, "again", "a", "b", "c"),
                        handler("a", "h", Map.of(), null), handler("b", "h", Map.of(), null),
                        handler("c", "h", Map.of(), null),
                        parallel("again", JoinStrategy.ALL, null, null, "d"),
                        handler("d", "h", Map.of(), null)));
    }

    @Test
    void stepsCountAParallelNodeAndItsChildrenOnce() {
        // node executions: fan 4 + again 2 = 6; steps: 2
        CompiledGraph graph = fanOfThreeThenFan(Limits.NONE, 2);

        RunResult byExecutions = graph.invoke(Map.of());
        RunResult bySteps = graph.invoke(Map.of(), RunConfig.defaults().iterationCounting(IterationCounting.STEPS));

        assertThat(byExecutions.status()).isEqualTo(RunStatus.LIMIT_EXCEEDED);
        assertThat(bySteps.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(bySteps.iterations()).isEqualTo(2);
        assertThat(bySteps.nodeHistory()).containsExactly("a", "b", "c", "fan", "d", "again");
        assertThat(bySteps.state()).containsKeys("a", "b", "c", "d");
    }

    @Test
    void stepsStillEndARunAtItsLimit() {
        RunResult result = fanOfThreeThenFan(Limits.NONE, 1)
                .invoke(Map.of(), RunConfig.defaults().iterationCounting(IterationCounting.STEPS));

        assertThat(result.status()).isEqualTo(RunStatus.LIMIT_EXCEEDED);
        assertThat(result.error().nodeId()).isEqualTo("again");
        assertThat(result.error().message()).contains("max_iterations (1) exceeded: 1 steps,",
                "node 'again' would take one more").doesNotContain("counts a parallel node once");
    }

    @Test
    void theWorkflowChoosesHowToCountAndTheCallerOverrides() {
        CompiledGraph graph = fanOfThreeThenFan(new Limits(null, null, null, null, IterationCounting.STEPS), 2);

        assertThat(graph.invoke(Map.of()).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(graph.invoke(Map.of(), RunConfig.defaults().iterationCounting(IterationCounting.NODE_EXECUTIONS))
                .status()).isEqualTo(RunStatus.LIMIT_EXCEEDED);
    }

    @Test
    void aChildCannotChangeWhatItsSiblingSees() {
        Map<String, Object> seen = new ConcurrentHashMap<>();
        CountDownLatch mutated = new CountDownLatch(1);
        NodeServices services = NodeServices.builder()
                .handler("mutate", call -> {
                    try {
                        @SuppressWarnings("unchecked")
                        List<Object> items = (List<Object>) call.state().get("items");
                        items.add("evil");
                        seen.put("mutation", "allowed");
                    } catch (UnsupportedOperationException refused) {
                        seen.put("mutation", "refused");
                    } finally {
                        mutated.countDown();
                    }
                    return NodeOutput.of("tried");
                })
                .handler("read", call -> {
                    mutated.await(5, TimeUnit.SECONDS);
                    seen.put("items", call.state().get("items"));
                    return NodeOutput.of("read");
                })
                .build();
        CompiledGraph graph = compile(services,
                parallel("fan", JoinStrategy.ALL, null, null, "m", "r"),
                handler("m", "mutate", Map.of(), null),
                handler("r", "read", Map.of(), null));

        RunResult result = graph.invoke(state("items", Defs.list("a", "b")));

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(seen).containsEntry("mutation", "refused").containsEntry("items", List.of("a", "b"));
        assertThat(result.state()).containsEntry("items", List.of("a", "b"));
    }

    @Test
    void theParallelTimeoutBoundsTheChildren() {
        CompiledGraph graph = compile(writers(),
                parallel("fan", JoinStrategy.ALL, Duration.ofMillis(150), null, "quick", "sluggish"),
                handler("quick", "a", Map.of(), null),
                handler("sluggish", "slow", Map.of(), null));

        RunResult result = graph.invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().message()).contains("parallel node 'fan' timed out after 150ms", "sluggish");
    }

    @Test
    void builderParallelNodesWork() {
        CompiledGraph graph = GraphBuilder.named("b")
                .node("x", state -> Map.of("x", 1))
                .node("y", state -> Map.of("y", 2))
                .parallel("both", JoinStrategy.ALL, "x", "y")
                .node("sum", state -> Map.of("sum", (Integer) state.get("x") + (Integer) state.get("y")))
                .edge("both", "sum")
                .entry("both")
                .build();

        RunResult result = graph.invoke(Map.of());

        assertThat(result.state()).containsEntry("sum", 3);
        assertThat(result.nodeHistory()).containsExactly("x", "y", "both", "sum");
    }

    @Test
    void edgesIntoAChildAreRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GraphBuilder.named("b")
                        .node("x", state -> null).node("start", state -> null)
                        .parallel("both", JoinStrategy.ALL, "x")
                        .edge("start", "x").edge("x", "start").entry("start").build())
                .isInstanceOf(dev.victor.workflow.api.InvalidWorkflowException.class)
                .hasMessageContaining("child of parallel node 'both'");
    }
}
