package dev.victor.workflow.kernel;

import dev.victor.workflow.api.AlreadyResumedException;
import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.DefinitionChangedException;
import dev.victor.workflow.api.HitlSignal;
import dev.victor.workflow.api.ResumeOptions;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.engine.InMemoryCheckpointStore;
import dev.victor.workflow.format.SourcePositions;
import dev.victor.workflow.spi.Checkpoint;
import dev.victor.workflow.spi.CheckpointStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** History, exactly-once resume, pause ids, forks and pinned definitions, with the in-memory store. */
class ThreadHistoryTest {
    private final InMemoryCheckpointStore store = new InMemoryCheckpointStore();
    private final WorkflowKernel kernel = WorkflowKernel.defaults();

    private static Map<String, Object> node(Object... pairs) {
        Map<String, Object> node = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            node.put((String) pairs[i], pairs[i + 1]);
        }
        return node;
    }

    /** draft, approve (a yes/no pause), name (a free-text pause), publish. */
    static Map<String, Object> tree(String publish, Object timeout) {
        Map<String, Object> approve = node("id", "approve", "type", "hitl", "hitl_type", "approval",
                "prompt", "Ship {title}?", "next", "name");
        if (timeout != null) {
            approve.put("timeout", timeout);
            approve.put("fallback", "continue");
            approve.put("default_value", false);
        }
        List<Object> nodes = List.of(
                node("id", "draft", "type", "transform", "transform", "title = 'Release ' + str(version)", "next", "approve"),
                approve,
                node("id", "name", "type", "hitl", "hitl_type", "input", "prompt", "Name it", "next", "publish"),
                node("id", "publish", "type", "transform", "transform", publish));
        return Map.of("workflows", Map.of("release", Map.of("nodes", nodes)));
    }

    private CompiledGraph compile(String publish) {
        return kernel.compile(tree(publish, null), SourcePositions.none(), "release.yaml", null, true);
    }

    private RunConfig config(String thread) {
        return RunConfig.withThreadId(thread).checkpointStore(store);
    }

    private RunResult paused(CompiledGraph graph, String thread) {
        RunResult result = graph.invoke(Map.of("version", 3), config(thread));
        assertThat(result.status()).isEqualTo(RunStatus.INTERRUPTED);
        return result;
    }

    @Test
    void everyPauseAnswerAndEndIsKeptInTheHistory() {
        CompiledGraph graph = compile("status = 'published ' + label");
        RunResult first = paused(graph, "t1");
        String approveId = first.interrupt().id();
        assertThat(approveId).isNotBlank();
        RunResult second = graph.resume("t1", true, config("t1"));
        assertThat(second.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(second.interrupt().id()).isNotBlank().isNotEqualTo(approveId);
        RunResult done = graph.resume("t1", Map.of("label", "v3"), config("t1"));
        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);

        List<Checkpoint> history = graph.history("t1", config("t1"));
        assertThat(history).extracting(Checkpoint::step, Checkpoint::nextNode, Checkpoint::status).containsExactly(
                tuple(1, "approve", CheckpointStatus.WAITING),
                tuple(2, "approve", CheckpointStatus.RESUMED),
                tuple(3, "name", CheckpointStatus.WAITING),
                tuple(4, "name", CheckpointStatus.RESUMED),
                tuple(5, null, CheckpointStatus.COMPLETED));
        assertThat(history.get(1).response()).isEqualTo(true);
        assertThat(history.get(0).state()).containsEntry("title", "Release 3").doesNotContainKey("approved");
        assertThat(history.get(2).state()).containsEntry("approve", true);
        assertThat(history.get(4).state()).containsEntry("status", "published v3");
        assertThat(history).allSatisfy(checkpoint -> {
            assertThat(checkpoint.fingerprint()).isEqualTo(graph.fingerprint()).startsWith("sha256:");
            assertThat(checkpoint.compiler()).startsWith("victor-engine ");
            assertThat(checkpoint.savedAt()).isNotNull();
        });
        assertThat(store.checkpoint("t1", 3)).get().extracting(Checkpoint::pauseId).isEqualTo(second.interrupt().id());
        assertThat(store.load("t1")).isEmpty();
    }

    @Test
    void ofManyResumesRacingForOnePauseExactlyOneContinues() throws Exception {
        CompiledGraph graph = compile("status = 'published'");
        String pause = paused(graph, "race").interrupt().id();
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Object>> outcomes = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                boolean answer = i % 2 == 0;
                Callable<Object> resume = () -> {
                    go.await();
                    try {
                        return graph.resume("race", answer, config("race"), ResumeOptions.none().pauseId(pause));
                    } catch (AlreadyResumedException refused) {
                        return refused;
                    }
                };
                outcomes.add(pool.submit(resume));
            }
            go.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results).filteredOn(RunResult.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(AlreadyResumedException.class::isInstance).hasSize(racers - 1)
                    .allSatisfy(refused -> assertThat(((Exception) refused).getMessage()).contains("resumed already"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.history("race")).extracting(Checkpoint::status).startsWith(CheckpointStatus.WAITING,
                CheckpointStatus.RESUMED).containsOnlyOnce(CheckpointStatus.RESUMED).hasSize(3);
    }

    @Test
    void aResumeRacingTheDeadlineFallbackLosesOrWinsButNeverBoth() {
        CompiledGraph graph = kernel.compile(tree("status = 'published'", 60), SourcePositions.none(), "r.yaml", null, true);
        RunResult first = paused(graph, "late");
        assertThat(first.interrupt().deadline()).isAfter(Instant.now());
        RunResult expired = graph.resume("late", HitlSignal.EXPIRED, config("late"));
        assertThat(expired.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(expired.interrupt().nodeId()).isEqualTo("name");
        assertThat(expired.state()).containsEntry("approve", false);

        assertThatThrownBy(() -> graph.resume("late", true,
                config("late"), ResumeOptions.none().pauseId(first.interrupt().id())))
                .isInstanceOf(AlreadyResumedException.class)
                .hasMessageContaining("no longer waits at pause '" + first.interrupt().id() + "'")
                .hasMessageContaining("it waits at pause '" + expired.interrupt().id() + "' (node 'name'");
        assertThat(store.history("late")).hasSize(3);
        assertThat(store.history("late").get(1).response()).asString().contains("expired");
    }

    @Test
    void anAnswerNamingThePendingPauseIsTakenAndALateOneIsRefused() {
        CompiledGraph graph = compile("status = 'published'");
        String approve = paused(graph, "t2").interrupt().id();
        assertThatThrownBy(() -> graph.resume("t2", true, config("t2"), ResumeOptions.none().pauseId("nope")))
                .isInstanceOf(AlreadyResumedException.class).hasMessageContaining("the answer was not applied");
        assertThat(store.load("t2").orElseThrow().status()).isEqualTo(CheckpointStatus.WAITING);
        RunResult next = graph.resume("t2", true, config("t2"), ResumeOptions.none().pauseId(approve));
        assertThat(next.interrupt().nodeId()).isEqualTo("name");
        assertThatThrownBy(() -> graph.resume("t2", false, config("t2"), ResumeOptions.none().pauseId(approve)))
                .isInstanceOf(AlreadyResumedException.class);
        assertThat(store.history("t2")).hasSize(3);
    }

    @Test
    void aForkStartsANewThreadAtAPastPauseAndLeavesTheOriginalAsItWas() {
        CompiledGraph graph = compile("status = 'published ' + label");
        paused(graph, "orig");
        graph.resume("orig", true, config("orig"));
        List<Checkpoint> before = store.history("orig");

        RunResult fork = graph.fork("orig", 1, Map.of("title", "Hotfix"), config("copy"));
        assertThat(fork.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(fork.threadId()).isEqualTo("copy");
        assertThat(fork.interrupt().nodeId()).isEqualTo("approve");
        assertThat(fork.interrupt().prompt()).isEqualTo("Ship Hotfix?");
        assertThat(fork.warnings()).anySatisfy(w -> assertThat(w).contains("forked from step 1 of thread 'orig'"));
        assertThat(store.history("orig")).isEqualTo(before);

        RunResult rejected = graph.resume("copy", false, config("copy"));
        assertThat(rejected.status()).isEqualTo(RunStatus.FAILED);
        assertThat(store.load("orig").orElseThrow().nextNode()).isEqualTo("name");

        RunResult generated = graph.fork("orig", 3, null, RunConfig.defaults().checkpointStore(store));
        assertThat(generated.threadId()).isNotEqualTo("orig");
        assertThat(generated.interrupt().nodeId()).isEqualTo("name");

        assertThatThrownBy(() -> graph.fork("orig", 9, null, config("x")))
                .hasMessageContaining("has no step 9; its steps: 1 (waiting), 2 (resumed), 3 (waiting)");
        assertThatThrownBy(() -> graph.fork("orig", 1, null, config("copy")))
                .hasMessageContaining("has a checkpoint of its own");
        assertThatThrownBy(() -> graph.fork("copy", 3, null, config("y")))
                .hasMessageContaining("run's end (failed)");
    }

    @Test
    void aChangedWorkflowIsResumedOnlyWhenAskedToMigrate() {
        CompiledGraph old = compile("status = 'published'");
        paused(old, "pin");
        CompiledGraph changed = compile("status = 'shipped'");
        assertThat(changed.fingerprint()).isNotEqualTo(old.fingerprint());
        assertThat(compile("status = 'published'").fingerprint()).isEqualTo(old.fingerprint());

        assertThatThrownBy(() -> changed.resume("pin", true, config("pin")))
                .isInstanceOf(DefinitionChangedException.class)
                .hasMessageContaining(old.fingerprint()).hasMessageContaining(changed.fingerprint())
                .hasMessageContaining("--migrate");
        assertThat(store.load("pin").orElseThrow().status()).isEqualTo(CheckpointStatus.WAITING);

        RunResult migrated = changed.resume("pin", true, config("pin"), ResumeOptions.none().migrate(true));
        assertThat(migrated.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(migrated.warnings()).anySatisfy(w -> assertThat(w).startsWith("migrated: ")
                .contains(old.fingerprint()).contains("continued at node 'approve'"));
        RunResult done = changed.resume("pin", "x", config("pin"));
        assertThat(done.state()).containsEntry("status", "shipped");
    }

    @Test
    void aMigrationNeedsThePausedNodeInTheNewDefinition() {
        CompiledGraph old = compile("status = 'published'");
        paused(old, "gone");
        Map<String, Object> tree = Map.of("workflows", Map.of("release", Map.of("nodes", List.of(
                node("id", "draft", "type", "transform", "transform", "title = 'x'")))));
        CompiledGraph without = kernel.compile(tree, SourcePositions.none(), "release.yaml", null, true);
        assertThatThrownBy(() -> without.resume("gone", true, config("gone"), ResumeOptions.none().migrate(true)))
                .isInstanceOf(DefinitionChangedException.class)
                .hasMessageContaining("its paused node 'approve' is no longer in workflow 'release'");
        assertThat(store.load("gone").orElseThrow().status()).isEqualTo(CheckpointStatus.WAITING);
    }

    @Test
    void finishedThreadsArePrunedAfterTheirAgeAndWaitingOnesAreKept() {
        CompiledGraph graph = compile("status = 'published'");
        paused(graph, "done");
        graph.resume("done", true, config("done"));
        graph.resume("done", "n", config("done"));
        paused(graph, "waits");
        assertThat(store.prune(Instant.now().minusSeconds(3600))).isZero();
        assertThat(store.prune(Instant.now().plusSeconds(1))).isEqualTo(5);
        assertThat(store.history("done")).isEmpty();
        assertThat(store.history("waits")).hasSize(1);
    }
}
