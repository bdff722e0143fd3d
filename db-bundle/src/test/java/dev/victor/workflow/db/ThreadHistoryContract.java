package dev.victor.workflow.db;

import dev.victor.workflow.api.AlreadyResumedException;
import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.DefinitionChangedException;
import dev.victor.workflow.api.ResumeOptions;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.spi.Checkpoint;
import dev.victor.workflow.spi.CheckpointStatus;
import dev.victor.workflow.spi.CheckpointStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
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

/**
 * History, exactly-once resume, pause ids, forks, pinned definitions and retention with the JDBC
 * store, the same against every database; the workflow is read from the database.
 */
abstract class ThreadHistoryContract {

    abstract DataSourceSettings settings(String name);

    DataSourceSettings settings;
    WorkflowDatabase db;
    CheckpointStore store;
    DefaultWorkflowCompilerRegistry registry;

    static String releaseText() {
        try (InputStream in = ThreadHistoryContract.class.getResourceAsStream("/workflows/release.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void setUp() {
        settings = settings("default");
        db = WorkflowDatabase.builder().dataSource(settings).build();
        store = db.checkpointStore();
        registry = Registries.userRegistry();
        db.registerWith(registry::register);
        db.put("release", "yaml", releaseText());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private CompiledGraph graph() {
        return registry.compile("db://release");
    }

    private RunConfig config(String thread) {
        return RunConfig.withThreadId(thread).checkpointStore(store);
    }

    private RunResult paused(String thread) {
        RunResult result = graph().invoke(Map.of("version", 3), config(thread));
        assertThat(result.status()).as(String.valueOf(result.error())).isEqualTo(RunStatus.INTERRUPTED);
        return result;
    }

    @Test
    void everyCheckpointOfAThreadIsKeptWithStepNodeStateTimeAndStatus() {
        RunResult first = paused("t1");
        RunResult second = graph().resume("t1", true, config("t1"));
        RunResult done = graph().resume("t1", "v3", config("t1"));
        assertThat(done.state()).containsEntry("status", "published v3");

        List<Checkpoint> history = store.history("t1");
        assertThat(history).extracting(Checkpoint::step, Checkpoint::nextNode, Checkpoint::status).containsExactly(
                tuple(1, "approve", CheckpointStatus.WAITING),
                tuple(2, "approve", CheckpointStatus.RESUMED),
                tuple(3, "label", CheckpointStatus.WAITING),
                tuple(4, "label", CheckpointStatus.RESUMED),
                tuple(5, null, CheckpointStatus.COMPLETED));
        assertThat(history.get(0).pauseId()).isEqualTo(first.interrupt().id());
        assertThat(history.get(2).pauseId()).isEqualTo(second.interrupt().id());
        assertThat(history.get(1).response()).isEqualTo(true);
        assertThat(history.get(3).response()).isEqualTo("v3");
        assertThat(history.get(0).state()).containsEntry("title", "Release 3").doesNotContainKey("approve");
        assertThat(history.get(4).state()).containsEntry("status", "published v3");
        assertThat(history).allSatisfy(checkpoint -> {
            assertThat(checkpoint.fingerprint()).isEqualTo(graph().fingerprint()).startsWith("sha256:");
            assertThat(checkpoint.compiler()).startsWith("victor-engine ");
            assertThat(checkpoint.origin()).isEqualTo("db://release");
            assertThat(checkpoint.savedAt()).isNotNull();
        });
        assertThat(store.checkpoint("t1", 3)).get().extracting(Checkpoint::nextNode).isEqualTo("label");
        assertThat(store.checkpoint("t1", 6)).isEmpty();
        assertThat(store.load("t1")).isEmpty();
        assertThat(graph().history("t1", config("t1"))).isEqualTo(history);
    }

    @Test
    void ofResumesRacingOnSeveralConnectionsExactlyOneContinuesAndTheOthersChangeNothing() throws Exception {
        String pause = paused("race").interrupt().id();
        int racers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Object> outcomes = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                // each racer its own registry and store, as separate runtimes would have
                WorkflowDatabase own = WorkflowDatabase.builder().dataSource(settings).build();
                DefaultWorkflowCompilerRegistry ownRegistry = Registries.userRegistry();
                own.registerWith(ownRegistry::register);
                CompiledGraph graph = ownRegistry.compile("db://release");
                boolean answer = i % 2 == 0;
                Callable<Object> resume = () -> {
                    try (own) {
                        go.await();
                        return graph.resume("race", answer, RunConfig.withThreadId("race")
                                .checkpointStore(own.checkpointStore()), ResumeOptions.none().pauseId(pause));
                    } catch (AlreadyResumedException refused) {
                        return refused;
                    }
                };
                futures.add(pool.submit(resume));
            }
            go.countDown();
            for (Future<Object> future : futures) {
                outcomes.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<Object> winners = outcomes.stream().filter(RunResult.class::isInstance).toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes).filteredOn(AlreadyResumedException.class::isInstance).hasSize(racers - 1);
        RunResult winner = (RunResult) winners.get(0);
        List<Checkpoint> history = store.history("race");
        assertThat(history).extracting(Checkpoint::status).containsOnlyOnce(CheckpointStatus.RESUMED);
        assertThat(history.get(1).status()).isEqualTo(CheckpointStatus.RESUMED);
        // an approval goes on to the next pause, a rejection ends the run: either way one answer was applied
        boolean approved = (Boolean) history.get(1).response();
        assertThat(winner.status()).isEqualTo(approved ? RunStatus.INTERRUPTED : RunStatus.FAILED);
        assertThat(history).extracting(Checkpoint::status).hasSize(3).endsWith(approved
                ? CheckpointStatus.WAITING : CheckpointStatus.FAILED);
    }

    @Test
    void aLateAnswerToAnEarlierPauseIsRefusedAndChangesNothing() {
        String approve = paused("late").interrupt().id();
        RunResult next = graph().resume("late", true, config("late"), ResumeOptions.none().pauseId(approve));
        assertThat(next.interrupt().nodeId()).isEqualTo("label");
        List<Checkpoint> before = store.history("late");

        assertThatThrownBy(() -> graph().resume("late", "oops", config("late"), ResumeOptions.none().pauseId(approve)))
                .isInstanceOf(AlreadyResumedException.class)
                .hasMessageContaining("no longer waits at pause '" + approve + "'")
                .hasMessageContaining("it waits at pause '" + next.interrupt().id() + "' (node 'label'");
        assertThat(store.history("late")).isEqualTo(before);
        assertThat(store.load("late").orElseThrow().status()).isEqualTo(CheckpointStatus.WAITING);
    }

    @Test
    void aClaimedPauseOfADeadResumeIsNotResumedAgainAndItsAnswerIsKept() {
        String pause = paused("dead").interrupt().id();
        // what a process that dies right after its claim leaves behind
        assertThat(store.claim("dead", pause, true, Instant.now())).isTrue();
        assertThat(store.claim("dead", pause, false, Instant.now())).isFalse();

        assertThatThrownBy(() -> graph().resume("dead", false, config("dead")))
                .isInstanceOf(AlreadyResumedException.class).hasMessageContaining("was resumed already");
        Checkpoint claimed = store.load("dead").orElseThrow();
        assertThat(claimed.status()).isEqualTo(CheckpointStatus.RESUMED);
        assertThat(claimed.response()).isEqualTo(true);
        assertThat(store.history("dead")).extracting(Checkpoint::status)
                .containsExactly(CheckpointStatus.WAITING, CheckpointStatus.RESUMED);

        // the operator's way on: a fork of the claimed step waits at the same question again
        RunResult fork = graph().fork("dead", 2, null, config("dead-2"));
        assertThat(fork.interrupt().nodeId()).isEqualTo("approve");
        assertThat(graph().resume("dead-2", true, config("dead-2")).interrupt().nodeId()).isEqualTo("label");
    }

    @Test
    void aForkStartsANewThreadFromAPastStepAndTheOriginalStaysAsItWas() {
        paused("orig");
        graph().resume("orig", true, config("orig"));
        List<Checkpoint> before = store.history("orig");

        RunResult fork = graph().fork("orig", 1, Map.of("title", "Hotfix"), config("copy"));
        assertThat(fork.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(fork.interrupt().prompt()).isEqualTo("Ship Hotfix?");
        RunResult done = graph().resume("copy", true, config("copy"));
        assertThat(done.interrupt().prompt()).isEqualTo("Name Hotfix");

        assertThat(store.history("orig")).isEqualTo(before);
        assertThat(store.load("orig").orElseThrow().nextNode()).isEqualTo("label");
        assertThat(store.history("copy")).extracting(Checkpoint::step).containsExactly(1, 2, 3);
    }

    @Test
    void aWorkflowChangedSincePausingIsRefusedUnlessMigrated() {
        paused("pin");
        String old = graph().fingerprint();
        db.put("release", "yaml", releaseText().replace("\"published \"", "\"shipped \""));
        CompiledGraph changed = graph();
        assertThat(changed.fingerprint()).isNotEqualTo(old);

        assertThatThrownBy(() -> changed.resume("pin", true, config("pin")))
                .isInstanceOf(DefinitionChangedException.class)
                .hasMessageContaining(old).hasMessageContaining(changed.fingerprint()).hasMessageContaining("--migrate");
        assertThat(store.history("pin")).hasSize(1);

        RunResult migrated = changed.resume("pin", true, config("pin"), ResumeOptions.none().migrate(true));
        assertThat(migrated.warnings()).anySatisfy(w -> assertThat(w).startsWith("migrated: ")
                .contains("continued at node 'approve'"));
        assertThat(changed.resume("pin", "x", config("pin")).state()).containsEntry("status", "shipped x");
    }

    @Test
    void finishedThreadsArePrunedAfterTheirAgeAndWaitingOnesAreKept() {
        paused("done");
        graph().resume("done", true, config("done"));
        graph().resume("done", "n", config("done"));
        paused("waits");
        assertThat(store.prune(Instant.now().minusSeconds(3600))).isZero();
        assertThat(store.prune(Instant.now().plusSeconds(60))).isEqualTo(5);
        assertThat(store.history("done")).isEmpty();
        assertThat(store.history("waits")).hasSize(1);
        assertThat(store.load("waits")).isPresent();
    }

    @Test
    void aCheckpointWrittenBeforeHistoryExistedIsResumedAndStartsTheHistory() throws Exception {
        paused("old");
        // as an earlier version left it: no pause id, no step, no history row
        try (Connection connection = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE " + settings.checkpointTable() + " SET pause_id = NULL, step = 0,"
                    + " fingerprint = NULL, pending_json = REPLACE(pending_json, '\"id\"', '\"old_id\"')");
            statement.executeUpdate("DELETE FROM " + settings.checkpointTable() + "_history");
        }
        assertThat(store.history("old")).hasSize(1);
        RunResult next = graph().resume("old", true, config("old"));
        assertThat(next.interrupt().nodeId()).isEqualTo("label");
        assertThat(store.history("old")).extracting(Checkpoint::step, Checkpoint::status).containsExactly(
                tuple(1, CheckpointStatus.RESUMED), tuple(2, CheckpointStatus.WAITING));
        assertThatThrownBy(() -> graph().resume("old", true, config("old"), ResumeOptions.none().pauseId("x")))
                .isInstanceOf(AlreadyResumedException.class);
    }
}
