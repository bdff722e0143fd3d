package dev.victor.workflow.engine;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunEvent;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.model.Limits;
import dev.victor.workflow.spi.NodeOutput;
import dev.victor.workflow.spi.NodeServices;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static dev.victor.workflow.engine.Defs.handler;
import static dev.victor.workflow.engine.Defs.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunControlTest {

    private static CompiledGraph counting(AtomicInteger runs, int length) {
        GraphBuilder builder = GraphBuilder.named("count");
        for (int i = 0; i < length; i++) {
            builder.node("n" + i, state -> {
                runs.incrementAndGet();
                return Map.of("k", (Integer) state.getOrDefault("k", 0) + 1);
            });
            if (i > 0) {
                builder.edge("n" + (i - 1), "n" + i);
            }
        }
        return builder.entry("n0").build();
    }

    private static NodeServices sleepingHandler(long millis) {
        return NodeServices.builder()
                .handler("sleep", call -> {
                    Thread.sleep(millis);
                    return NodeOutput.of("woke");
                })
                .handler("quick", call -> NodeOutput.of("quick"))
                .build();
    }

    @Test
    void workflowTimeoutEndsTheRunAsTimedOut() throws InterruptedException {
        CountDownLatch abandoned = new CountDownLatch(1);
        AtomicBoolean started = new AtomicBoolean();
        NodeServices services = NodeServices.builder()
                .handler("sleep", call -> {
                    started.set(true);
                    try {
                        Thread.sleep(10_000);
                    } catch (InterruptedException cancelled) {
                        abandoned.countDown();
                        throw cancelled;
                    }
                    return NodeOutput.of("woke");
                })
                .handler("quick", call -> NodeOutput.of("quick"))
                .build();
        CompiledGraph graph = new DefinitionCompiler(EngineOptions.defaults().services(services))
                .compile(workflow("slow", new Limits(null, Duration.ofMillis(200), null, null),
                        handler("first", "quick", Map.of(), "slow"),
                        handler("slow", "sleep", Map.of(), "after"),
                        handler("after", "quick", Map.of(), null)));

        RunResult result = graph.invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.TIMED_OUT);
        assertThat(result.error().message()).contains("timed out after 200ms", "'slow'");
        assertThat(result.nodeHistory()).containsExactly("first");
        assertThat(result.state()).containsEntry("first", "quick").doesNotContainKey("after");
        boolean interrupted = abandoned.await(5, TimeUnit.SECONDS);
        assertThat(interrupted || !started.get()).as("the overrunning handler is interrupted (or never started)")
                .isTrue();
    }

    @Test
    void runConfigTimeoutAppliesToBuilderNodes() {
        CompiledGraph graph = GraphBuilder.named("g")
                .node("sleepy", state -> {
                    Thread.sleep(5_000);
                    return null;
                })
                .entry("sleepy").build();

        RunResult result = graph.invoke(Map.of(), RunConfig.defaults().timeout(Duration.ofMillis(100)));

        assertThat(result.status()).isEqualTo(RunStatus.TIMED_OUT);
    }

    @Test
    void theDeadlineIsCheckedBeforeEachNode() {
        AtomicInteger runs = new AtomicInteger();
        CompiledGraph graph = GraphBuilder.named("g")
                .node("busy", state -> {
                    runs.incrementAndGet();
                    long until = System.nanoTime() + 30_000_000L;
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    return null;
                })
                .edge("busy", "busy").entry("busy").maxIterations(1000).timeout(Duration.ofMillis(100)).build();

        RunResult result = graph.invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.TIMED_OUT);
        assertThat(runs.get()).isBetween(1, 10);
    }

    @Test
    void aNodeThatOverrunsItsOwnTimeoutFails() {
        CompiledGraph graph = new DefinitionCompiler(EngineOptions.defaults().services(sleepingHandler(5_000)))
                .compile(workflow("w", handler("slow", "sleep", Duration.ofMillis(100), null)));

        RunResult result = graph.invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().nodeId()).isEqualTo("slow");
        assertThat(result.error().message()).contains("compute node 'slow'", "timed out after 100ms");
        assertThat(result.error().type()).isEqualTo("timeout");
    }

    @Test
    void theWorkflowsDefaultNodeTimeoutApplies() {
        CompiledGraph graph = new DefinitionCompiler(EngineOptions.defaults().services(sleepingHandler(5_000)))
                .compile(workflow("w", new Limits(null, null, Duration.ofMillis(100), null),
                        handler("slow", "sleep", (Duration) null, null)));

        RunResult result = graph.invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().message()).contains("timed out after 100ms");
    }

    @Test
    void maxRetriesOfTheWorkflowRetriesComputeNodes() {
        AtomicInteger attempts = new AtomicInteger();
        NodeServices services = NodeServices.builder()
                .handler("flaky", call -> {
                    if (attempts.incrementAndGet() < 3) {
                        throw new IllegalStateException("attempt " + attempts.get());
                    }
                    return NodeOutput.of("ok");
                })
                .build();
        CompiledGraph graph = new DefinitionCompiler(EngineOptions.defaults().services(services))
                .compile(workflow("w", new Limits(null, null, null, 2), handler("flaky", "flaky", Map.of(), null)));

        List<RunEvent> events;
        try (Stream<RunEvent> stream = graph.stream(Map.of())) {
            events = stream.toList();
        }

        List<RunEvent.NodeFailed> failures = events.stream()
                .filter(RunEvent.NodeFailed.class::isInstance).map(RunEvent.NodeFailed.class::cast).toList();
        assertThat(failures).hasSize(2).allMatch(RunEvent.NodeFailed::willRetry);
        assertThat(failures.get(0).message()).contains("attempt 1");
        RunResult result = ((RunEvent.RunFinished) events.get(events.size() - 1)).result();
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.state()).containsEntry("flaky", "ok");
    }

    @Test
    void streamIsLazyAndEndsWithTheResult() {
        AtomicInteger runs = new AtomicInteger();
        CompiledGraph graph = counting(runs, 3);

        Stream<RunEvent> stream = graph.stream(Map.of("k", 0));
        assertThat(runs).hasValue(0);

        Iterator<RunEvent> events = stream.iterator();
        assertThat(events.next()).isInstanceOf(RunEvent.RunStarted.class);
        assertThat(runs).hasValue(0);
        RunEvent.NodeStarted started = (RunEvent.NodeStarted) events.next();
        assertThat(started.nodeId()).isEqualTo("n0");
        assertThat(started.iteration()).isEqualTo(1);
        assertThat(runs).hasValue(0);
        RunEvent.NodeCompleted completed = (RunEvent.NodeCompleted) events.next();
        assertThat(runs).hasValue(1);
        assertThat(completed.updates()).containsExactly(Map.entry("k", 1));

        List<RunEvent> rest = new java.util.ArrayList<>();
        events.forEachRemaining(rest::add);
        stream.close();
        assertThat(rest.get(rest.size() - 1)).isInstanceOf(RunEvent.RunFinished.class);
        assertThat(rest.stream().filter(RunEvent::isTerminal)).hasSize(1);
        RunResult result = ((RunEvent.RunFinished) rest.get(rest.size() - 1)).result();
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.state()).containsEntry("k", 3);
        assertThat(rest).filteredOn(RunEvent.NodeCompleted.class::isInstance).hasSize(2);
    }

    @Test
    void closingAStreamEarlyCancelsTheRun() {
        AtomicInteger runs = new AtomicInteger();
        CompiledGraph graph = counting(runs, 5);

        try (Stream<RunEvent> stream = graph.stream(Map.of("k", 0))) {
            Iterator<RunEvent> events = stream.iterator();
            while (!(events.next() instanceof RunEvent.NodeCompleted)) {
                // pull until the first node is done
            }
        }

        assertThat(runs).hasValue(1);
    }

    @Test
    void aFailedRunStreamsNodeFailedThenTheTerminalEvent() {
        CompiledGraph graph = GraphBuilder.named("g")
                .node("bad", state -> {
                    throw new IllegalArgumentException("nope");
                }).entry("bad").build();

        List<RunEvent> events = graph.stream(Map.of()).toList();

        assertThat(events).hasSize(4);
        assertThat(events.get(2)).isInstanceOfSatisfying(RunEvent.NodeFailed.class, failed -> {
            assertThat(failed.willRetry()).isFalse();
            assertThat(failed.message()).contains("nope");
        });
        assertThat(events.get(3)).isInstanceOfSatisfying(RunEvent.RunFinished.class,
                finished -> assertThat(finished.result().status()).isEqualTo(RunStatus.FAILED));
    }

    @Test
    void invokeAsyncRunsOnTheExecutorAndCompletes() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        RunResult result = counting(runs, 4).invokeAsync(Map.of("k", 0)).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.state()).containsEntry("k", 4);
    }

    @Test
    void cancellingTheFutureCancelsTheRun() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean laterNodeRan = new AtomicBoolean();
        CompiledGraph graph = GraphBuilder.named("g")
                .node("block", state -> {
                    inside.countDown();
                    try {
                        Thread.sleep(10_000);
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                        throw e;
                    }
                    return null;
                })
                .node("later", state -> {
                    laterNodeRan.set(true);
                    return null;
                })
                .edge("block", "later").entry("block").build();

        CompletableFuture<RunResult> future = graph.invokeAsync(Map.of()).toCompletableFuture();
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(future.cancel(true)).isTrue();

        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!interrupted.get() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        Thread.sleep(100);
        assertThat(interrupted).isTrue();
        assertThat(laterNodeRan).isFalse();
        assertThat(future).isCancelled();
    }

    @Test
    void anInterruptedCallerGetsACancelledRun() {
        AtomicInteger runs = new AtomicInteger();
        CompiledGraph graph = GraphBuilder.named("g")
                .node("a", state -> {
                    runs.incrementAndGet();
                    Thread.currentThread().interrupt();
                    return null;
                })
                .node("b", state -> {
                    runs.incrementAndGet();
                    return null;
                })
                .edge("a", "b").entry("a").build();

        RunResult result = graph.invoke(Map.of());
        boolean stillInterrupted = Thread.interrupted();

        assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(result.error().type()).isEqualTo("cancelled");
        assertThat(runs).hasValue(1);
        assertThat(result.nodeHistory()).containsExactly("a");
        assertThat(stillInterrupted).isTrue();
    }

    @Test
    void streamEventsCarryTheUpdatesOfEachNode() {
        CompiledGraph graph = GraphBuilder.named("g")
                .node("a", state -> Map.of("x", 1, "y", List.of(1, 2)))
                .entry("a").build();

        List<RunEvent> events = graph.stream(Map.of(), RunConfig.withThreadId("s-1")).toList();

        assertThat(events.get(0)).isEqualTo(new RunEvent.RunStarted("s-1", "g", "a", false));
        RunEvent.NodeCompleted completed = (RunEvent.NodeCompleted) events.get(2);
        assertThat(completed.updates()).containsEntry("x", 1).containsEntry("y", List.of(1, 2));
        assertThatThrownBy(() -> completed.updates().put("z", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theIterationBudgetIsTheCallersThenTheWorkflowsThenTheDeployments() {
        CompiledGraph unlimited = GraphBuilder.named("loop").node("spin", state -> Map.of())
                .edge("spin", "spin").entry("spin").build();
        CompiledGraph ownLimit = GraphBuilder.named("loop").node("spin", state -> Map.of())
                .edge("spin", "spin").entry("spin").maxIterations(5).build();
        RunConfig deployment = RunConfig.defaults().defaultMaxIterations(3);

        assertThat(unlimited.invoke(Map.of(), deployment).iterations()).isEqualTo(3);
        assertThat(ownLimit.invoke(Map.of(), deployment).iterations()).isEqualTo(5);
        assertThat(ownLimit.invoke(Map.of(), deployment.maxIterations(2)).iterations()).isEqualTo(2);
        RunResult engineDefault = unlimited.invoke(Map.of());
        assertThat(engineDefault.status()).isEqualTo(RunStatus.LIMIT_EXCEEDED);
        assertThat(engineDefault.iterations()).isEqualTo(Limits.DEFAULT_MAX_ITERATIONS);
    }
}
