package dev.victor.workflow.engine;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.GraphView;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphBuilderTest {

    private static Map<String, ?> increment(Map<String, Object> state) {
        return Map.of("k", (Integer) state.get("k") + 1);
    }

    private static CompiledGraph linear(int length) {
        GraphBuilder builder = GraphBuilder.named("linear");
        for (int i = 0; i < length; i++) {
            builder.node("n" + i, GraphBuilderTest::increment);
            if (i > 0) {
                builder.edge("n" + (i - 1), "n" + i);
            }
        }
        return builder.entry("n0").build();
    }

    @Test
    void linearGraphRunsEveryNodeInOrder() {
        RunResult result = linear(10).invoke(Map.of("k", 0));

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.state()).containsEntry("k", 10);
        assertThat(result.iterations()).isEqualTo(10);
        assertThat(result.nodeHistory()).containsExactly("n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9");
        assertThat(result.error()).isNull();
        assertThat(result.threadId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(result.duration()).isPositive();
    }

    @Test
    void threadIdsAreRandomAndGivenIdsAreKept() {
        CompiledGraph graph = linear(1);
        assertThat(graph.invoke(Map.of("k", 0)).threadId()).isNotEqualTo(graph.invoke(Map.of("k", 0)).threadId());
        assertThat(graph.invoke(Map.of("k", 0), RunConfig.withThreadId("t-1")).threadId()).isEqualTo("t-1");
    }

    @Test
    void cycleWithRouterRunsUntilTheRouterEnds() {
        CompiledGraph graph = GraphBuilder.named("cycle")
                .node("a", GraphBuilderTest::increment)
                .node("b", state -> Map.of("seen", true))
                .edge("a", "b")
                .conditionalEdges("b", state -> (Integer) state.get("k") < 3 ? "again" : "done",
                        Map.of("again", "a", "done", GraphView.END))
                .entry("a")
                .build();

        RunResult result = graph.invoke(Map.of("k", 0));

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.state()).containsEntry("k", 3).containsEntry("seen", true);
        assertThat(result.nodeHistory()).containsExactly("a", "b", "a", "b", "a", "b");
        assertThat(result.iterations()).isEqualTo(6);
    }

    @Test
    void routerSeesTheNodesOwnWrites() {
        CompiledGraph graph = GraphBuilder.named("g")
                .node("decide", state -> Map.of("choice", "right"))
                .node("left", state -> Map.of("went", "left"))
                .node("right", state -> Map.of("went", "right"))
                .conditionalEdges("decide", state -> (String) state.get("choice"),
                        Map.of("left", "left", "right", "right"))
                .entry("decide")
                .build();

        RunResult result = graph.invoke(Map.of());

        assertThat(result.state()).containsEntry("went", "right");
        assertThat(result.nodeHistory()).containsExactly("decide", "right");
    }

    @Test
    void routerWithoutMapRoutesByNodeId() {
        CompiledGraph graph = GraphBuilder.named("g")
                .node("start", state -> null)
                .node("target", state -> Map.of("reached", true))
                .conditionalEdges("start", state -> "target")
                .entry("start")
                .build();

        assertThat(graph.invoke(Map.of()).state()).containsEntry("reached", true);
    }

    @Test
    void unmatchedRouterLabelTakesTheDefault() {
        CompiledGraph graph = GraphBuilder.named("g")
                .node("start", state -> null)
                .node("fallback", state -> Map.of("fell", true))
                .conditionalEdges("start", state -> "unknown", Map.of("x", GraphView.END), "fallback")
                .entry("start")
                .build();

        RunResult result = graph.invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.state()).containsEntry("fell", true);
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void unmatchedRouterLabelWithoutDefaultFailsTheRun() {
        Map<String, String> branches = new java.util.LinkedHashMap<>();
        branches.put("a", "x");
        branches.put("b", "x");
        CompiledGraph graph = GraphBuilder.named("g")
                .node("start", state -> null)
                .node("x", state -> Map.of("ran", true))
                .conditionalEdges("start", state -> "unknown", branches)
                .entry("start")
                .build();

        RunResult result = graph.invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.state()).doesNotContainKey("ran");
        assertThat(result.error().nodeId()).isEqualTo("start");
        assertThat(result.error().message()).contains("'unknown'", "matches no branch", "a, b", "no default");
    }

    @Test
    void aRouterAnsweringNullTakesTheDefaultOrFailsNamingTheLabel() {
        CompiledGraph withDefault = GraphBuilder.named("g")
                .node("start", state -> null)
                .node("fallback", state -> Map.of("fell", true))
                .conditionalEdges("start", state -> null, Map.of("x", GraphView.END), "fallback")
                .entry("start")
                .build();
        assertThat(withDefault.invoke(Map.of()).state()).containsEntry("fell", true);

        RunResult failed = GraphBuilder.named("g")
                .node("start", state -> null)
                .conditionalEdges("start", state -> null, Map.of("x", GraphView.END))
                .entry("start")
                .build()
                .invoke(Map.of());
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error().message()).contains("the router of node 'start' gave 'null', which matches no branch");
    }

    @Test
    void updatesOfEveryKindOfMapAreWrittenWithTheirOwnKeysInTheirOrder() {
        java.util.TreeMap<String, Object> caseless = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseless.put("KEY", "upper");
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("gone", null);
        Map<String, Object> ordered = new java.util.LinkedHashMap<>();
        ordered.put("z", 1);
        ordered.put("y", 2);
        ordered.put("x", 3);
        // one node answers with maps of one entry under changing keys, and with other maps in between
        List<Map<String, ?>> answers = List.of(Map.of("key", "lower"), Map.of("key", "again"), caseless,
                Map.of("other", 1), Map.of("key", "last"), withNull, ordered, Map.of("a", 1, "b", 2));
        AtomicInteger turn = new AtomicInteger();
        CompiledGraph graph = GraphBuilder.named("g")
                .node("write", state -> answers.get(turn.getAndIncrement()))
                .conditionalEdges("write", state -> turn.get() < answers.size() ? "again" : "done",
                        Map.of("again", "write", "done", GraphView.END))
                .entry("write")
                .build();

        for (int run = 0; run < 3; run++) {
            turn.set(0);
            RunResult result = graph.invoke(Map.of("gone", "here"));

            assertThat(result.status()).as("%s", result.error()).isEqualTo(RunStatus.COMPLETED);
            assertThat(new ArrayList<>(result.state().keySet()))
                    .startsWith("gone", "key", "KEY", "other", "z", "y", "x")
                    .containsExactlyInAnyOrder("gone", "key", "KEY", "other", "z", "y", "x", "a", "b");
            assertThat(result.state()).containsEntry("key", "last").containsEntry("KEY", "upper")
                    .containsEntry("other", 1).containsEntry("gone", null).containsEntry("x", 3);
        }
    }

    @Test
    void buildReportsEveryProblem() {
        GraphBuilder builder = GraphBuilder.named("broken")
                .node("a", state -> null)
                .node("a", state -> null)
                .node("b", state -> null)
                .edge("a", "nowhere")
                .edge("ghost", "b")
                .conditionalEdges("b", state -> "x", Map.of("x", "missing"));

        assertThatThrownBy(builder::build)
                .isInstanceOf(InvalidWorkflowException.class)
                .satisfies(thrown -> {
                    List<String> messages = ((InvalidWorkflowException) thrown).errors().stream()
                            .map(Problem::message).toList();
                    assertThat(messages).anySatisfy(m -> assertThat(m).contains("duplicate node id 'a'"));
                    assertThat(messages).anySatisfy(m -> assertThat(m).contains("'nowhere'", "does not exist"));
                    assertThat(messages).anySatisfy(m -> assertThat(m).contains("'ghost'", "does not exist"));
                    assertThat(messages).anySatisfy(m -> assertThat(m).contains("'missing'", "does not exist"));
                    assertThat(messages).anySatisfy(m -> assertThat(m).contains("no entry node"));
                });
    }

    @Test
    void unknownEntryAndDoubleEdgesAreErrors() {
        assertThatThrownBy(() -> GraphBuilder.named("g").node("a", s -> null).entry("b").build())
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining("entry node 'b' does not exist");
        assertThatThrownBy(() -> GraphBuilder.named("g").node("a", s -> null).node("b", s -> null)
                .node("c", s -> null).edge("a", "b").edge("a", "c").entry("a").build())
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining("already goes to 'b'");
    }

    @Test
    void failingNodeEndsTheRunWithItsError() {
        IllegalStateException boom = new IllegalStateException("boom");
        CompiledGraph graph = GraphBuilder.named("g")
                .node("ok", state -> Map.of("a", 1))
                .node("bad", state -> {
                    throw boom;
                })
                .node("never", state -> Map.of("never", true))
                .edge("ok", "bad").edge("bad", "never")
                .entry("ok")
                .build();

        RunResult result = graph.invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().nodeId()).isEqualTo("bad");
        assertThat(result.error().message()).contains("'bad'", "IllegalStateException", "boom");
        assertThat(result.error().type()).isEqualTo(IllegalStateException.class.getName());
        assertThat(result.error().cause()).isSameAs(boom);
        assertThat(result.nodeHistory()).containsExactly("ok");
        assertThat(result.state()).containsEntry("a", 1).doesNotContainKey("never");
    }

    @Test
    void retriesAFailingNode() {
        AtomicInteger attempts = new AtomicInteger();
        CompiledGraph graph = GraphBuilder.named("g")
                .node("flaky", state -> {
                    if (attempts.incrementAndGet() < 3) {
                        throw new IllegalStateException("not yet");
                    }
                    return Map.of("done", true);
                })
                .entry("flaky")
                .maxRetries(2)
                .build();

        RunResult result = graph.invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(attempts).hasValue(3);
        assertThat(result.iterations()).isEqualTo(1);

        attempts.set(-10);
        RunResult failed = graph.invoke(Map.of());
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(attempts).hasValue(-7);
    }

    @Test
    void maxIterationsStopsACycleAndNamesThePath() {
        CompiledGraph graph = GraphBuilder.named("loop")
                .node("ping", state -> null)
                .node("pong", state -> null)
                .edge("ping", "pong").edge("pong", "ping")
                .entry("ping")
                .maxIterations(5)
                .build();

        RunResult result = graph.invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.LIMIT_EXCEEDED);
        assertThat(result.iterations()).isEqualTo(5);
        assertThat(result.nodeHistory()).hasSize(5);
        assertThat(result.error().type()).isEqualTo("limit");
        assertThat(result.error().message()).contains("max_iterations (5)", "ping -> pong -> ping -> pong -> ping -> pong");
        assertThat(result.error().nodeId()).isEqualTo("pong");
    }

    @Test
    void runConfigOverridesMaxIterationsAndTheOptionsGiveTheDefault() {
        CompiledGraph endless = GraphBuilder.named("loop")
                .options(EngineOptions.defaults().defaultMaxIterations(7))
                .node("a", state -> null).edge("a", "a").entry("a").build();

        assertThat(endless.invoke(Map.of()).iterations()).isEqualTo(7);
        assertThat(endless.invoke(Map.of(), RunConfig.defaults().maxIterations(3)).iterations()).isEqualTo(3);
        assertThat(GraphBuilder.named("loop").node("a", state -> null).edge("a", "a").entry("a").build()
                .invoke(Map.of()).iterations()).isEqualTo(25);
    }

    @Test
    void theCallersMapIsNeverModifiedAndTheResultIsReadOnly() {
        Map<String, Object> input = new HashMap<>();
        List<Object> items = new ArrayList<>(List.of(1, 2));
        input.put("k", 0);
        input.put("items", items);
        RunResult result = linear(3).invoke(input);

        assertThat(input).containsEntry("k", 0).hasSize(2);
        assertThat(items).containsExactly(1, 2);
        assertThat(result.state()).containsEntry("k", 3);
        assertThatThrownBy(() -> result.state().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        List<Object> copied = (List<Object>) result.state().get("items");
        assertThatThrownBy(() -> copied.add(3)).isInstanceOf(UnsupportedOperationException.class);

        items.add(99);
        assertThat(copied).containsExactly(1, 2);
    }

    @Test
    void nodesSeeAReadOnlyStateWithFrozenValues() {
        CompiledGraph graph = GraphBuilder.named("g")
                .node("mutator", state -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> nested = (Map<String, Object>) state.get("config");
                    nested.put("hacked", true);
                    return null;
                })
                .entry("mutator")
                .build();

        RunResult result = graph.invoke(Map.of("config", Map.of("a", 1)));

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().type()).isEqualTo(UnsupportedOperationException.class.getName());

        CompiledGraph direct = GraphBuilder.named("g")
                .node("writer", state -> {
                    state.put("x", 1);
                    return null;
                })
                .entry("writer").build();
        assertThat(direct.invoke(Map.of()).status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void valuesReturnedByANodeAreCopiedWhenWritten() {
        List<Object> kept = new ArrayList<>();
        CompiledGraph graph = GraphBuilder.named("g")
                .node("a", state -> Map.of("list", kept))
                .node("b", state -> {
                    kept.add("late");
                    return null;
                })
                .edge("a", "b").entry("a").build();

        RunResult result = graph.invoke(Map.of());

        assertThat((List<?>) result.state().get("list")).isEmpty();
    }

    @Test
    void oneGraphRunsSafelyFromManyThreads() throws Exception {
        CompiledGraph graph = GraphBuilder.named("shared")
                .node("a", GraphBuilderTest::increment)
                .node("b", state -> Map.of("tag", state.get("id") + "-" + state.get("k")))
                .edge("a", "b")
                .conditionalEdges("b", state -> (Integer) state.get("k") < 5 ? "again" : "done",
                        Map.of("again", "a", "done", GraphView.END))
                .entry("a")
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 200; i++) {
                    String id = thread + "/" + i;
                    RunResult result = graph.invoke(Map.of("k", 0, "id", id), RunConfig.withThreadId(id));
                    if (!result.isCompleted() || !result.threadId().equals(id)
                            || !Integer.valueOf(5).equals(result.state().get("k"))
                            || !(id + "-5").equals(result.state().get("tag"))
                            || result.nodeHistory().size() != 10) {
                        problems.add(id + ": " + result);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : futures) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(problems).isEmpty();
    }
}
