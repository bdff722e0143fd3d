package dev.victor.workflow.db;

import dev.victor.workflow.api.Interrupt;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.spi.Checkpoint;
import dev.victor.workflow.spi.CheckpointStore;
import dev.victor.workflow.spi.ListableCheckpointStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JDBC checkpoint store, the same against every database. */
abstract class CheckpointStoreContract {

    abstract DataSourceSettings settings(String name);

    DataSourceSettings settings;
    WorkflowDatabase db;
    CheckpointStore store;

    @BeforeEach
    void setUp() {
        settings = settings("default");
        db = WorkflowDatabase.builder().dataSource(settings).build();
        store = db.checkpointStore();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    static Map<String, Object> state() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("passed", true);
        nested.put("scores", List.of(1, 2L, 3.5, -0.0));
        nested.put("none", null);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("text", "h\u00e9llo \"quoted\" \\ \n\t \u0000 \ud83d\ude00 '); DROP TABLE x; --");
        state.put("int", 42);
        state.put("long", Long.MAX_VALUE);
        state.put("big", new BigInteger("123456789012345678901234567890"));
        state.put("short", (short) 7);
        state.put("byte", (byte) -3);
        state.put("double", 0.1);
        state.put("float", 1.5f);
        state.put("nan", Double.NaN);
        state.put("inf", Double.NEGATIVE_INFINITY);
        state.put("huge", 1e308);
        state.put("yes", true);
        state.put("nothing", null);
        state.put("empty map", Map.of());
        state.put("empty list", List.of());
        state.put("verification", nested);
        state.put("rows", List.of(Map.of("a", 1), List.of("x", List.of()), "z"));
        return state;
    }

    /** What {@link #state()} reads back as: integers as Long, floats as Double. */
    static Map<String, Object> stateAsRead() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("passed", true);
        nested.put("scores", List.of(1L, 2L, 3.5, -0.0));
        nested.put("none", null);
        Map<String, Object> state = new LinkedHashMap<>(state());
        state.put("int", 42L);
        state.put("short", 7L);
        state.put("byte", -3L);
        state.put("float", 1.5);
        state.put("verification", nested);
        state.put("rows", List.of(Map.of("a", 1L), List.of("x", List.of()), "z"));
        return state;
    }

    static Interrupt interrupt() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("draft", "text");
        context.put("count", 3);
        return new Interrupt("approve", "choice", "Approve {draft}?", List.of("yes", "no", 3), context, "no",
                "continue", Instant.parse("2030-01-02T03:04:05.123456789Z"));
    }

    static Checkpoint checkpoint(String thread, Map<String, Object> state, Interrupt pending) {
        return new Checkpoint(thread, "review", "approve", state, pending, 4, List.of("start", "draft", "check"),
                Instant.parse("2026-05-06T07:08:09.123456789Z"), "db://review");
    }

    @Test
    void listsItsThreadsOldestFirstUpToTheLimit() {
        ListableCheckpointStore listable = (ListableCheckpointStore) store;
        assertThat(listable.threadIds(10)).isEmpty();
        Checkpoint template = checkpoint("x", Map.of(), interrupt());
        for (String[] thread : new String[][] {{"t-b", "2026-05-06T07:08:11Z"}, {"t-a", "2026-05-06T07:08:10Z"},
                {"t-c", "2026-05-06T07:08:12Z"}}) {
            store.save(new Checkpoint(thread[0], template.workflow(), template.nextNode(), template.state(),
                    template.pending(), template.iterations(), template.history(), Instant.parse(thread[1]),
                    template.origin()));
        }

        assertThat(listable.threadIds(10)).containsExactly("t-a", "t-b", "t-c");
        assertThat(listable.threadIds(2)).containsExactly("t-a", "t-b");
        assertThat(listable.threadIds(0)).isEmpty();
        store.delete("t-b");
        assertThat(listable.threadIds(10)).containsExactly("t-a", "t-c");
    }

    @Test
    void savesAndLoadsEverythingARunNeeds() {
        store.save(checkpoint("t-1", state(), interrupt()));
        Checkpoint loaded = store.load("t-1").orElseThrow();
        assertThat(loaded.threadId()).isEqualTo("t-1");
        assertThat(loaded.workflow()).isEqualTo("review");
        assertThat(loaded.nextNode()).isEqualTo("approve");
        assertThat(loaded.origin()).isEqualTo("db://review");
        assertThat(loaded.iterations()).isEqualTo(4);
        assertThat(loaded.history()).containsExactly("start", "draft", "check");
        assertThat(loaded.savedAt()).isEqualTo(Instant.parse("2026-05-06T07:08:09.123456Z"));
        assertThat(loaded.state()).containsExactlyEntriesOf(stateAsRead());
        assertThat(loaded.state().get("big")).isInstanceOf(BigInteger.class);
        assertThat(loaded.state().get("long")).isInstanceOf(Long.class);
        assertThat((Double) loaded.state().get("nan")).isNaN();

        Interrupt pending = loaded.pending();
        assertThat(pending.nodeId()).isEqualTo("approve");
        assertThat(pending.type()).isEqualTo("choice");
        assertThat(pending.prompt()).isEqualTo("Approve {draft}?");
        assertThat(pending.choices()).containsExactly("yes", "no", 3L);
        assertThat(pending.context()).containsExactly(Map.entry("draft", "text"), Map.entry("count", 3L));
        assertThat(pending.defaultValue()).isEqualTo("no");
        assertThat(pending.fallback()).isEqualTo("continue");
        assertThat(pending.deadline()).as("kept exactly, from the JSON").isEqualTo(interrupt().deadline());
    }

    @Test
    void aCheckpointWithoutPendingRequestOrWorkflow() {
        store.save(new Checkpoint("t-2", null, null, Map.of(), null, 0, List.of(), null, null));
        Checkpoint loaded = store.load("t-2").orElseThrow();
        assertThat(loaded.pending()).isNull();
        assertThat(loaded.workflow()).isNull();
        assertThat(loaded.nextNode()).isNull();
        assertThat(loaded.state()).isEmpty();
        assertThat(loaded.savedAt()).as("the store's clock when the checkpoint has no time").isNotNull();
    }

    @Test
    void aSaveReplacesTheThreadsCheckpoint() {
        store.save(checkpoint("t-3", Map.of("step", 1), interrupt()));
        store.save(checkpoint("t-3", Map.of("step", 2), null));
        Checkpoint loaded = store.load("t-3").orElseThrow();
        assertThat(loaded.state()).containsExactly(Map.entry("step", 2L));
        assertThat(loaded.pending()).isNull();
    }

    @Test
    void loadAndDeleteOfUnknownThreads() {
        assertThat(store.load("nobody")).isEmpty();
        assertThat(store.delete("nobody")).isFalse();
        store.save(checkpoint("t-4", Map.of(), interrupt()));
        assertThat(store.delete("t-4")).isTrue();
        assertThat(store.delete("t-4")).isFalse();
        assertThat(store.load("t-4")).isEmpty();
        assertThat(store.load("t-4' OR '1'='1")).isEmpty();
    }

    @Test
    void valuesJsonCannotHoldAreRefusedNamingKeyAndTypeAndNothingIsWritten() {
        store.save(checkpoint("t-5", Map.of("step", 1), interrupt()));
        record Report(String title) {
        }
        Map<String, Object> selfContaining = new LinkedHashMap<>();
        selfContaining.put("me", selfContaining);
        Map<Object, Object> numberKeys = new LinkedHashMap<>();
        numberKeys.put(1, "one");
        List<Object[]> cases = List.of(
                new Object[] {"report", new Report("x"), "state.report", Report.class.getName()},
                new Object[] {"tags", Set.of("a"), "state.tags", "Set"},
                new Object[] {"amount", new BigDecimal("1.10"), "state.amount", "java.math.BigDecimal"},
                new Object[] {"when", Instant.EPOCH, "state.when", "java.time.Instant"},
                new Object[] {"array", new int[] {1}, "state.array", "[I"},
                new Object[] {"deep", List.of(Map.of("ok", 1), Map.of("bad", new Object())), "state.deep[1].bad",
                        "java.lang.Object"},
                new Object[] {"keys", numberKeys, "state.keys", "java.lang.Integer"},
                new Object[] {"odd key", Map.of("a b", new StringBuilder()), "state[\"odd key\"][\"a b\"]",
                        "java.lang.StringBuilder"},
                new Object[] {"loop", selfContaining, "state.loop.me.me", "nested more than"});
        for (Object[] c : cases) {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("fine", "value");
            state.put((String) c[0], c[1]);
            assertThatThrownBy(() -> store.save(checkpoint("t-5", state, interrupt())))
                    .as((String) c[0])
                    .isInstanceOf(WorkflowException.class)
                    .hasMessageContaining("thread 't-5'")
                    .hasMessageContaining((String) c[2])
                    .hasMessageContaining((String) c[3])
                    .hasMessageContaining("nothing was written");
            assertThatThrownBy(() -> store.save(checkpoint("t-new", state, null)))
                    .isInstanceOf(WorkflowException.class);
        }
        assertThat(store.load("t-5").orElseThrow().state()).containsExactly(Map.entry("step", 1L));
        assertThat(store.load("t-new")).isEmpty();

        Interrupt badContext = new Interrupt("approve", "input", "?", List.of(), Map.of("when", Instant.EPOCH), null,
                "abort", null);
        assertThatThrownBy(() -> store.save(checkpoint("t-5", Map.of(), badContext)))
                .hasMessageContaining("pending.context.when")
                .hasMessageContaining("java.time.Instant");
        assertThat(store.load("t-5").orElseThrow().state()).containsExactly(Map.entry("step", 1L));
    }

    @Test
    void threadIdsLongerThanTheColumnAreRefused() {
        assertThatThrownBy(() -> store.save(checkpoint("t".repeat(256), Map.of(), null)))
                .isInstanceOf(WorkflowException.class)
                .hasMessageContaining("1 to 255 characters");
        store.save(checkpoint("t".repeat(255), Map.of(), null));
        assertThat(store.load("t".repeat(255))).isPresent();
    }

    @Test
    void ofConcurrentDeletesExactlyOneWins() throws Exception {
        store.save(checkpoint("t-6", Map.of(), interrupt()));
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                tasks.add(() -> store.delete("t-6"));
            }
            int won = 0;
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                won += result.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentSavesOfNewThreadsAllLand() throws Exception {
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < threads * 4; i++) {
                int n = i;
                tasks.add(() -> {
                    store.save(checkpoint("c-" + (n % 8), Map.of("n", n), interrupt()));
                    return null;
                });
            }
            for (Future<Void> result : pool.invokeAll(tasks)) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < 8; i++) {
            assertThat(store.load("c-" + i)).isPresent();
            assertThat(store.history("c-" + i)).as("each save a step of its own")
                    .extracting(Checkpoint::step).containsExactly(1, 2, 3);
            assertThat(store.load("c-" + i).orElseThrow().step()).isEqualTo(3);
        }
    }

    @Test
    void aCorruptRowIsAClearError() throws Exception {
        store.save(checkpoint("t-7", Map.of(), interrupt()));
        try (Connection connection = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE " + settings.checkpointTable() + " SET state_json = ? WHERE thread_id = ?")) {
            update.setString(1, "{\"broken\": ");
            update.setString(2, "t-7");
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        assertThatThrownBy(() -> store.load("t-7"))
                .isInstanceOf(WorkflowException.class)
                .hasMessageContaining("checkpoint of thread 't-7'")
                .hasMessageContaining(settings.checkpointTable())
                .hasMessageContaining("cannot be read");
    }

    @Test
    void aNewStoreOnTheSameDatabaseSeesTheCheckpoint() {
        store.save(checkpoint("t-8", state(), interrupt()));
        db.close();
        try (WorkflowDatabase again = WorkflowDatabase.builder().dataSource(settings).build()) {
            Optional<Checkpoint> loaded = again.checkpointStore().load("t-8");
            assertThat(loaded).isPresent();
            assertThat(loaded.get().state()).containsExactlyEntriesOf(stateAsRead());
        }
    }

    @Test
    void measureCheckpointWrites() {
        Map<String, Object> state = state();
        Interrupt pending = interrupt();
        int rounds = 200;
        for (int i = 0; i < 20; i++) {
            store.save(checkpoint("warm-" + i, state, pending));
            store.load("warm-" + i);
        }
        long[] saves = new long[rounds];
        long[] loads = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            store.save(checkpoint("m-" + (i % 10), state, pending));
            saves[i] = System.nanoTime() - start;
            start = System.nanoTime();
            store.load("m-" + (i % 10));
            loads[i] = System.nanoTime() - start;
        }
        Arrays.sort(saves);
        Arrays.sort(loads);
        System.out.printf("checkpoint on %s: save median %d us (p90 %d us), load median %d us, %d-byte state JSON%n",
                getClass().getSimpleName(), saves[rounds / 2] / 1000, saves[rounds * 9 / 10] / 1000,
                loads[rounds / 2] / 1000, dev.victor.workflow.db.internal.JsonValues.write(state, "state").length());
        long start = System.nanoTime();
        store.load("m-1").orElseThrow();
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
        assertThat(store.delete("m-1")).isTrue();
        assertThat(ChronoUnit.MICROS).isNotNull();
    }
}
