package dev.victor.workflow.engine;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.HitlSignal;
import dev.victor.workflow.api.Interrupt;
import dev.victor.workflow.api.NoSuchThreadException;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunEvent;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.model.HitlFallback;
import dev.victor.workflow.model.NodeDefinition;
import dev.victor.workflow.spi.Checkpoint;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static dev.victor.workflow.engine.Defs.agent;
import static dev.victor.workflow.engine.Defs.hitl;
import static dev.victor.workflow.engine.Defs.state;
import static dev.victor.workflow.engine.Defs.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HitlTest {
    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(NOW);

        void advance(Duration by) {
            now.updateAndGet(instant -> instant.plus(by));
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    private final ManualClock clock = new ManualClock();
    private final InMemoryCheckpointStore store = new InMemoryCheckpointStore();

    private CompiledGraph review(HitlFallback fallback, Object defaultValue) {
        NodeDefinition[] nodes = {
                agent("draft", "writer", "Write about {topic}", "approve"),
                hitl("approve", "Approve the draft about {topic}? Score: {draft.status}", List.of("topic", "missing"),
                        defaultValue, Duration.ofMinutes(5), fallback, "publish"),
                agent("publish", "publisher", "Publish", null)
        };
        return new DefinitionCompiler(EngineOptions.defaults().clock(clock).defaultStore(store))
                .compile(workflow("review", nodes));
    }

    private RunResult interrupted(CompiledGraph graph, String thread) {
        RunResult first = graph.invoke(state("topic", "owls"), RunConfig.withThreadId(thread));
        assertThat(first.status()).isEqualTo(RunStatus.INTERRUPTED);
        return first;
    }

    @Test
    void reachingAHitlNodeInterruptsWithARenderedRequestAndACheckpoint() {
        RunResult result = interrupted(review(HitlFallback.ABORT, null), "t1");

        Interrupt interrupt = result.interrupt();
        assertThat(interrupt.nodeId()).isEqualTo("approve");
        assertThat(interrupt.type()).isEqualTo("approval");
        assertThat(interrupt.prompt()).isEqualTo("Approve the draft about owls? Score: placeholder");
        assertThat(interrupt.choices()).containsExactly("approve", "reject");
        assertThat(interrupt.context()).containsEntry("topic", "owls").containsEntry("missing", null);
        assertThat(interrupt.fallback()).isEqualTo("abort");
        assertThat(interrupt.deadline()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(result.error()).isNull();
        assertThat(result.nodeHistory()).containsExactly("draft");
        assertThat(result.iterations()).isEqualTo(1);

        Checkpoint checkpoint = store.load("t1").orElseThrow();
        assertThat(checkpoint.nextNode()).isEqualTo("approve");
        assertThat(checkpoint.workflow()).isEqualTo("review");
        assertThat(checkpoint.pending()).isEqualTo(interrupt);
        assertThat(checkpoint.state()).containsEntry("topic", "owls").containsKey("draft");
        assertThat(checkpoint.history()).containsExactly("draft");
        assertThat(checkpoint.savedAt()).isEqualTo(NOW);
    }

    @Test
    void streamingAnInterruptEndsWithInterruptedThenRunFinished() {
        List<RunEvent> events = review(HitlFallback.ABORT, null).stream(state("topic", "owls")).toList();

        assertThat(events.get(events.size() - 2)).isInstanceOf(RunEvent.Interrupted.class);
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(RunEvent.RunFinished.class,
                finished -> assertThat(finished.result().status()).isEqualTo(RunStatus.INTERRUPTED));
    }

    @Test
    void resumeWithApprovalContinuesAfterTheHitlNode() {
        CompiledGraph graph = review(HitlFallback.ABORT, null);
        interrupted(graph, "t2");

        RunResult result = graph.resume("t2", true);

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.threadId()).isEqualTo("t2");
        assertThat(result.state()).containsEntry("_hitl_response", true).containsEntry("approve", true)
                .containsKey("publish");
        assertThat(result.nodeHistory()).containsExactly("draft", "approve", "publish");
        assertThat(result.iterations()).isEqualTo(3);
        assertThat(store.load("t2")).isEmpty();
        assertThatThrownBy(() -> graph.resume("t2", true)).isInstanceOf(NoSuchThreadException.class)
                .hasMessageContaining("'t2'");
    }

    @Test
    void aRejectionWithFallbackAbortFailsTheRun() {
        CompiledGraph graph = review(HitlFallback.ABORT, null);
        interrupted(graph, "t3");

        RunResult result = graph.resume("t3", Map.of("approved", false, "reason", "too short"));

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().nodeId()).isEqualTo("approve");
        assertThat(result.error().message()).contains("rejected by reviewer", "too short");
        assertThat(result.state()).doesNotContainKey("publish");
        assertThat(store.load("t3")).isEmpty();

        interrupted(graph, "t3b");
        assertThat(graph.resume("t3b", false).error().message()).contains("rejected by reviewer");
    }

    @Test
    void aMapResponseWritesItsEntriesIntoTheState() {
        CompiledGraph graph = review(HitlFallback.CONTINUE, null);
        interrupted(graph, "t4");

        RunResult result = graph.resume("t4", Map.of("escalation_choice", "Skip", "approved", false));

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.state()).containsEntry("escalation_choice", "Skip").containsEntry("approved", false)
                .containsEntry("_hitl_response", Map.of("escalation_choice", "Skip", "approved", false));
    }

    @Test
    void expiredWithContinueUsesTheDefaultValue() {
        CompiledGraph graph = review(HitlFallback.CONTINUE, "auto-approved");
        interrupted(graph, "t5");

        RunResult result = graph.resume("t5", HitlSignal.EXPIRED);

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.state()).containsEntry("_hitl_response", "auto-approved")
                .containsEntry("approve", "auto-approved");
    }

    @Test
    void expiredWithSkipGoesOnWithoutAResponse() {
        CompiledGraph graph = review(HitlFallback.SKIP, "unused");
        interrupted(graph, "t6");

        RunResult result = graph.resume("t6", HitlSignal.EXPIRED);

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.state()).doesNotContainKeys("_hitl_response", "approve").containsKey("publish");
        assertThat(result.nodeHistory()).containsExactly("draft", "approve", "publish");
    }

    @Test
    void expiredWithAbortFailsTheRun() {
        CompiledGraph graph = review(HitlFallback.ABORT, null);
        interrupted(graph, "t7");

        RunResult result = graph.resume("t7", HitlSignal.EXPIRED);

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().message()).contains("no response before the deadline");
    }

    @Test
    void expiredWithRetryInterruptsAgainWithANewDeadline() {
        CompiledGraph graph = review(HitlFallback.RETRY, null);
        interrupted(graph, "t8");
        clock.advance(Duration.ofMinutes(10));

        RunResult again = graph.resume("t8", HitlSignal.EXPIRED);

        assertThat(again.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(again.interrupt().deadline()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(again.nodeHistory()).containsExactly("draft");
        assertThat(store.load("t8")).isPresent();

        RunResult done = graph.resume("t8", true);
        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.state()).containsEntry("approve", true);
    }

    @Test
    void aResponseAfterTheDeadlineAppliesTheFallback() {
        CompiledGraph graph = review(HitlFallback.ABORT, null);
        interrupted(graph, "t9");
        clock.advance(Duration.ofMinutes(6));

        RunResult result = graph.resume("t9", true);

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().message()).contains("no response before the deadline");

        CompiledGraph lenient = review(HitlFallback.CONTINUE, "default");
        interrupted(lenient, "t10");
        clock.advance(Duration.ofMinutes(6));
        assertThat(lenient.resume("t10", "late answer").state()).containsEntry("approve", "default");
    }

    @Test
    void resumingAnUnknownThreadThrows() {
        CompiledGraph graph = review(HitlFallback.ABORT, null);

        assertThatThrownBy(() -> graph.resume("nobody", true))
                .isInstanceOf(NoSuchThreadException.class)
                .hasMessageContaining("'nobody'")
                .satisfies(thrown -> assertThat(((NoSuchThreadException) thrown).threadId()).isEqualTo("nobody"));
    }

    @Test
    void aNewRunOnTheSameThreadReplacesTheOldCheckpointWhenItEnds() {
        CompiledGraph graph = review(HitlFallback.ABORT, null);
        interrupted(graph, "t11");
        CompiledGraph plain = new DefinitionCompiler(EngineOptions.defaults().defaultStore(store))
                .compile(workflow("review", agent("only", "x", "g", null)));

        assertThat(plain.invoke(Map.of(), RunConfig.withThreadId("t11")).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(store.load("t11")).isEmpty();
    }

    @Test
    void theConfigsCheckpointStoreIsUsed() {
        InMemoryCheckpointStore own = new InMemoryCheckpointStore();
        CompiledGraph graph = review(HitlFallback.ABORT, null);

        graph.invoke(state("topic", "x"), RunConfig.withThreadId("test-thread-123").checkpointStore(own));

        assertThat(own.threadIds()).containsExactly("test-thread-123");
        assertThat(store.size()).isZero();
        assertThat(graph.resume("test-thread-123", true, RunConfig.defaults().checkpointStore(own)).status())
                .isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void hitlInsideAParallelNodeFailsClearly() {
        CompiledGraph graph = new DefinitionCompiler().compile(workflow("w",
                Defs.parallel("fan", dev.victor.workflow.model.JoinStrategy.ALL, null, null, "ask"),
                hitl("ask", "?", List.of(), null, null, HitlFallback.ABORT, null)));

        assertThat(graph.warnings()).anySatisfy(w -> assertThat(w.message()).contains("cannot wait for a human"));
        RunResult result = graph.invoke(Map.of());
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().message()).contains("cannot wait for a human inside parallel node 'fan'");
    }

    @Test
    void theCheckpointOutlivesTheAnswerUntilTheResumedRunEnds() throws Exception {
        java.util.concurrent.CountDownLatch publishing = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        NodeDefinition[] nodes = {
                hitl("approve", "Approve?", List.of(), null, Duration.ofMinutes(5), HitlFallback.ABORT, "publish"),
                Defs.handler("publish", "publish", Map.of(), null)
        };
        dev.victor.workflow.spi.NodeServices services = dev.victor.workflow.spi.NodeServices.builder()
                .handler("publish", call -> {
                    publishing.countDown();
                    release.await();
                    return dev.victor.workflow.spi.NodeOutput.of("published");
                }).build();
        CompiledGraph graph = new DefinitionCompiler(EngineOptions.defaults().clock(clock).defaultStore(store)
                .services(services)).compile(workflow("slow", nodes));
        assertThat(graph.invoke(Map.of(), RunConfig.withThreadId("t-slow")).status()).isEqualTo(RunStatus.INTERRUPTED);

        java.util.concurrent.CompletableFuture<RunResult> resumed =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> graph.resume("t-slow", true));
        assertThat(publishing.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        // a process that died now would leave the claimed checkpoint, with its answer, and nothing to run twice
        Checkpoint claimed = store.load("t-slow").orElseThrow();
        assertThat(claimed.nextNode()).isEqualTo("approve");
        assertThat(claimed.status()).isEqualTo(dev.victor.workflow.spi.CheckpointStatus.RESUMED);
        assertThat(claimed.response()).isEqualTo(true);
        assertThatThrownBy(() -> graph.resume("t-slow", true))
                .isInstanceOf(dev.victor.workflow.api.AlreadyResumedException.class)
                .hasMessageContaining("was resumed already");

        release.countDown();
        assertThat(resumed.get(10, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(store.load("t-slow")).isEmpty();
        assertThatThrownBy(() -> graph.resume("t-slow", true)).isInstanceOf(NoSuchThreadException.class);
        assertThat(store.history("t-slow")).extracting(Checkpoint::step, Checkpoint::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, dev.victor.workflow.spi.CheckpointStatus.WAITING),
                org.assertj.core.groups.Tuple.tuple(2, dev.victor.workflow.spi.CheckpointStatus.RESUMED),
                org.assertj.core.groups.Tuple.tuple(3, dev.victor.workflow.spi.CheckpointStatus.COMPLETED));
    }

    @Test
    void theCheckpointRemembersWhereTheWorkflowCameFrom() {
        CompiledGraph graph = review(HitlFallback.ABORT, null);
        graph.invoke(state("topic", "owls"), RunConfig.withThreadId("t-origin").origin("yaml://flows/review.yaml"));

        assertThat(store.load("t-origin")).get().extracting(Checkpoint::origin).isEqualTo("yaml://flows/review.yaml");
    }
}
