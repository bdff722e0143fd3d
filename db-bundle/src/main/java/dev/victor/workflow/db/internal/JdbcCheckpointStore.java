package dev.victor.workflow.db.internal;

import dev.victor.workflow.api.Interrupt;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.spi.Checkpoint;
import dev.victor.workflow.spi.ListableCheckpointStore;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checkpoints in a SQL table, so that a run waiting for a human survives a restart. Each save is
 * one transaction that replaces the thread's row: thread id, workflow, next node, the state as
 * JSON, the pending request as JSON (its deadline also in a column of its own, for queries), the
 * iterations, the history and the time. The JSON is written completely before the transaction
 * starts, so a value that JSON cannot hold (see {@link JsonValues}) is an error naming its key and
 * type, and nothing is written.
 *
 * <p>{@link #delete} reports whether a row was deleted, so when two processes resume one thread
 * only one of them gets it. Thread-safe.
 */
public final class JdbcCheckpointStore implements ListableCheckpointStore {

    private final Supplier<Database> database;
    private final Clock clock;

    /** A store on the database the supplier gives (looked up on every call, so a reconfigured datasource is used at once). */
    public JdbcCheckpointStore(Supplier<Database> database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public JdbcCheckpointStore(Database database) {
        this(() -> database, Clock.systemUTC());
    }

    @Override
    public void save(Checkpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        String threadId = checkThreadId(checkpoint.threadId());
        String stateJson;
        String pendingJson;
        String historyJson;
        try {
            stateJson = JsonValues.write(checkpoint.state(), "state");
            pendingJson = checkpoint.pending() == null ? null : JsonValues.write(toMap(checkpoint.pending()), "pending");
            historyJson = JsonValues.write(checkpoint.history(), "history");
        } catch (JsonValues.NotJsonException e) {
            throw new WorkflowException("Cannot save the checkpoint of thread '" + threadId + "'"
                    + (checkpoint.workflow() == null ? "" : " (workflow '" + checkpoint.workflow() + "')") + ": "
                    + e.getMessage() + "; nothing was written", e);
        }
        Instant savedAt = checkpoint.savedAt() != null ? checkpoint.savedAt() : clock.instant();
        Instant deadline = checkpoint.pending() == null ? null : checkpoint.pending().deadline();
        Database db = database.get();
        try {
            db.checkpoints().save(new CheckpointTable.Row(threadId, checkpoint.workflow(), checkpoint.nextNode(),
                    stateJson, pendingJson, deadline, checkpoint.iterations(), historyJson, savedAt,
                    checkpoint.origin()));
        } catch (SQLException e) {
            throw failure("Cannot save the checkpoint of thread '" + threadId + "'", db, e);
        }
    }

    @Override
    public Optional<Checkpoint> load(String threadId) {
        Objects.requireNonNull(threadId, "threadId");
        Database db = database.get();
        Optional<CheckpointTable.Row> found;
        try {
            found = db.checkpoints().load(threadId);
        } catch (SQLException e) {
            throw failure("Cannot load the checkpoint of thread '" + threadId + "'", db, e);
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CheckpointTable.Row row = found.get();
        try {
            Map<String, Object> state = JsonValues.readObject(row.stateJson());
            Interrupt pending = row.pendingJson() == null ? null : toInterrupt(JsonValues.readObject(row.pendingJson()));
            List<String> history = new ArrayList<>();
            for (Object id : (List<?>) JsonValues.read(row.historyJson())) {
                history.add((String) id);
            }
            return Optional.of(new Checkpoint(threadId, row.workflow(), row.nextNode(), state, pending,
                    row.iterations(), history, row.savedAt(), row.origin()));
        } catch (IllegalArgumentException | ClassCastException | NullPointerException | DateTimeParseException e) {
            throw new WorkflowException("The checkpoint of thread '" + threadId + "' in table "
                    + db.checkpoints().table() + " of " + db.describe() + " cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean delete(String threadId) {
        Objects.requireNonNull(threadId, "threadId");
        Database db = database.get();
        try {
            return db.checkpoints().delete(threadId);
        } catch (SQLException e) {
            throw failure("Cannot delete the checkpoint of thread '" + threadId + "'", db, e);
        }
    }

    /** The stored threads, oldest first. */
    public List<CheckpointTable.Summary> threads() {
        Database db = database.get();
        try {
            return db.checkpoints().list();
        } catch (SQLException e) {
            throw failure("Cannot list the checkpoints", db, e);
        }
    }

    @Override
    public List<String> threadIds(int limit) {
        return threads().stream().limit(Math.max(0, limit)).map(CheckpointTable.Summary::threadId).toList();
    }

    private static String checkThreadId(String threadId) {
        if (threadId.isEmpty() || threadId.length() > CheckpointTable.MAX_THREAD_ID_LENGTH) {
            throw new WorkflowException("Cannot save the checkpoint of thread " + SqlNames.quote(threadId)
                    + ": a thread id has 1 to " + CheckpointTable.MAX_THREAD_ID_LENGTH + " characters");
        }
        return threadId;
    }

    private static WorkflowException failure(String what, Database db, SQLException e) {
        return new WorkflowException(what + " in table " + db.checkpoints().table() + " of " + db.describe() + ": "
                + e.getMessage(), e);
    }

    static Map<String, Object> toMap(Interrupt interrupt) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("node_id", interrupt.nodeId());
        map.put("type", interrupt.type());
        map.put("prompt", interrupt.prompt());
        map.put("choices", interrupt.choices());
        map.put("context", interrupt.context());
        map.put("default_value", interrupt.defaultValue());
        map.put("fallback", interrupt.fallback());
        map.put("deadline", interrupt.deadline() == null ? null : interrupt.deadline().toString());
        return map;
    }

    @SuppressWarnings("unchecked")
    static Interrupt toInterrupt(Map<String, Object> map) {
        Object deadline = map.get("deadline");
        return new Interrupt((String) map.get("node_id"), (String) map.get("type"), (String) map.get("prompt"),
                (List<Object>) map.get("choices"), (Map<String, Object>) map.get("context"), map.get("default_value"),
                (String) map.get("fallback"), deadline == null ? null : Instant.parse((String) deadline));
    }
}
