package dev.victor.workflow.db;

import dev.victor.workflow.api.Interrupt;
import dev.victor.workflow.db.internal.Database;
import dev.victor.workflow.db.internal.Databases;
import dev.victor.workflow.db.internal.JdbcCheckpointStore;
import dev.victor.workflow.db.internal.JsonValues;
import dev.victor.workflow.spi.Checkpoint;
import dev.victor.workflow.spi.CheckpointStatus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * What one checkpoint write costs, with history against without: a plain main loop, not a test
 * (run it from the IDE or with {@code java -cp ...}). "Before" is the single-row upsert the store
 * wrote before it kept history (the same SQL and JSON, in one transaction, flushed on H2 files);
 * "now" is {@link JdbcCheckpointStore#save} (the current row and a history row). A cycle is what
 * one pause costs from first write to the end: before a save and a delete, now a save, a claim
 * and the end recorded. The four loops alternate in batches of 200 (3 batches to warm up, 15
 * measured); it prints each loop's median batch in microseconds per operation, on an H2 file and a
 * real PostgreSQL.
 */
public final class CheckpointWriteCost {
    private static final int BATCH = 200;
    private static final int WARM_UP_BATCHES = 3;
    private static final int BATCHES = 15;

    private CheckpointWriteCost() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Files.createTempDirectory("victor-cost");
        measure("H2 file", TestDatabases.h2File("default", directory));
        measure("PostgreSQL", TestDatabases.postgres("default"));
        System.exit(0);
    }

    private static void measure(String name, DataSourceSettings settings) throws Exception {
        Databases databases = new Databases(s -> () -> DriverManager.getConnection(s.url(), s.user(), s.password()));
        databases.put(settings);
        Database db = databases.defaultDatabase();
        JdbcCheckpointStore store = new JdbcCheckpointStore(db);
        store.load("none");
        String oldTable = settings.checkpointTable() + "_old";
        db.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + oldTable + " (thread_id VARCHAR(255) NOT NULL PRIMARY KEY,"
                        + " workflow TEXT, next_node TEXT, state_json TEXT NOT NULL, pending_json TEXT,"
                        + " deadline TIMESTAMP WITH TIME ZONE, iterations INTEGER NOT NULL, history_json TEXT NOT NULL,"
                        + " saved_at TIMESTAMP WITH TIME ZONE NOT NULL, origin TEXT)");
            }
            return null;
        });
        // alternate the four loops in batches and report each one's median batch: the machine is shared
        double[][] batches = new double[4][BATCHES];
        int[] counter = new int[1];
        for (int b = -WARM_UP_BATCHES; b < BATCHES; b++) {
            double[] perOp = new double[4];
            perOp[0] = perOp(BATCH, i -> oldSave(db, oldTable, checkpoint("b" + counter[0]++)));
            perOp[1] = perOp(BATCH, i -> store.save(checkpoint("n" + counter[0]++)));
            perOp[2] = perOp(BATCH, i -> {
                String thread = "bc" + counter[0]++;
                oldSave(db, oldTable, checkpoint(thread));
                oldDelete(db, oldTable, thread);
            });
            perOp[3] = perOp(BATCH, i -> {
                Checkpoint pause = checkpoint("nc" + counter[0]++);
                store.save(pause);
                store.claim(pause.threadId(), pause.pauseId(), true, Instant.now());
                store.finish(new Checkpoint(pause.threadId(), "review", null, pause.state(), null, 3, pause.history(),
                        Instant.now(), "db://review", 0, CheckpointStatus.COMPLETED, null, null, null));
            });
            if (b >= 0) {
                for (int k = 0; k < 4; k++) {
                    batches[k][b] = perOp[k];
                }
            }
        }
        double before = median(batches[0]);
        double now = median(batches[1]);
        double beforeCycle = median(batches[2]);
        double nowCycle = median(batches[3]);
        System.out.printf(Locale.ROOT, "%-12s save: before %6.0f us, now %6.0f us (%+.0f%%);"
                + " pause cycle: before %6.0f us, now %6.0f us (%+.0f%%)%n", name, before, now,
                100 * (now - before) / before, beforeCycle, nowCycle, 100 * (nowCycle - beforeCycle) / beforeCycle);
        databases.close();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private interface Op {
        void run(int i) throws Exception;
    }

    private static double perOp(int n, Op op) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            op.run(i);
        }
        return (System.nanoTime() - start) / 1e3 / n;
    }

    /** A pause with a state of 20 keys (about 1 KB of JSON), as a review workflow would have. */
    private static Checkpoint checkpoint(String threadId) {
        Map<String, Object> state = new LinkedHashMap<>();
        for (int k = 0; k < 20; k++) {
            state.put("key" + k, k % 3 == 0 ? List.of(k, "item " + k, Map.of("nested", k)) : "value number " + k);
        }
        Interrupt pending = new Interrupt("approve", "approval", "Ship the release?", List.of(), Map.of("title", "x"),
                null, "abort", Instant.now().plusSeconds(300), "p-" + threadId);
        return new Checkpoint(threadId, "review", "approve", state, pending, 3, List.of("draft", "check", "score"),
                Instant.now(), "db://review", 0, CheckpointStatus.WAITING, "sha256:0123456789abcdef", "victor-engine dev",
                null);
    }

    /** The write of the store before history: update, else insert, one transaction. */
    private static void oldSave(Database db, String table, Checkpoint checkpoint) throws SQLException {
        String state = JsonValues.write(checkpoint.state(), "state");
        Map<String, Object> pendingMap = new LinkedHashMap<>();
        Interrupt p = checkpoint.pending();
        pendingMap.put("node_id", p.nodeId());
        pendingMap.put("type", p.type());
        pendingMap.put("prompt", p.prompt());
        pendingMap.put("choices", p.choices());
        pendingMap.put("context", p.context());
        pendingMap.put("default_value", p.defaultValue());
        pendingMap.put("fallback", p.fallback());
        pendingMap.put("deadline", p.deadline().toString());
        String pending = JsonValues.write(pendingMap, "pending");
        String history = JsonValues.write(checkpoint.history(), "history");
        db.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET workflow = ?,"
                    + " next_node = ?, state_json = ?, pending_json = ?, deadline = ?, iterations = ?, history_json = ?,"
                    + " saved_at = ?, origin = ? WHERE thread_id = ?")) {
                bind(update, checkpoint, state, pending, history);
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (workflow,"
                    + " next_node, state_json, pending_json, deadline, iterations, history_json, saved_at, origin,"
                    + " thread_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(insert, checkpoint, state, pending, history);
                insert.executeUpdate();
            }
            return null;
        });
    }

    private static void bind(PreparedStatement statement, Checkpoint checkpoint, String state, String pending,
                             String history) throws SQLException {
        statement.setString(1, checkpoint.workflow());
        statement.setString(2, checkpoint.nextNode());
        statement.setString(3, state);
        statement.setString(4, pending);
        statement.setObject(5, time(checkpoint.pending().deadline()));
        statement.setInt(6, checkpoint.iterations());
        statement.setString(7, history);
        statement.setObject(8, time(checkpoint.savedAt()));
        statement.setString(9, checkpoint.origin());
        statement.setString(10, checkpoint.threadId());
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static void oldDelete(Database db, String table, String threadId) throws SQLException {
        db.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE thread_id = ?")) {
                delete.setString(1, threadId);
                return delete.executeUpdate();
            }
        });
    }
}
