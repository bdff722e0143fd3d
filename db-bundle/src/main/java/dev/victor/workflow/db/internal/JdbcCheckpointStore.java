package dev.victor.workflow.db.internal;

import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.spi.Checkpoint;
import dev.victor.workflow.spi.ListableCheckpointStore;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Checkpoints in SQL tables (see {@link CheckpointTable}), so that a run waiting for a human
 * survives a restart, and each thread's history. Each save is one transaction that replaces the
 * thread's current checkpoint and appends it to the history: thread id, workflow, next node, the
 * state as JSON, the pending request as JSON (its deadline also in a column of its own, for
 * queries), the iterations, the path, the time, the status, the pause id, the definition's
 * fingerprint and the compiler. The JSON is written completely before the transaction starts, so
 * a value that JSON cannot hold (see {@link JsonValues}) is an error naming its key and type, and
 * nothing is written.
 *
 * <p>A {@link #claim} is a versioned update of the current checkpoint, so of several resumes of a
 * pause, in any number of processes sharing the database, exactly one wins. The histories of
 * finished threads are pruned after the retention (checked on a run's end, at most once an
 * hour). Thread-safe.
 */
public final class JdbcCheckpointStore implements ListableCheckpointStore {

    /** How long finished threads' histories are kept unless configured otherwise. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    private static final Duration PRUNE_INTERVAL = Duration.ofHours(1);

    private final Supplier<Database> database;
    private final Clock clock;
    private final Duration retention;
    private final AtomicReference<Instant> nextPrune = new AtomicReference<>(Instant.MIN);

    /**
     * A store on the database the supplier gives (looked up on every call, so a reconfigured
     * datasource is used at once).
     *
     * @param retention how long a finished thread's history is kept; zero keeps it for ever
     */
    public JdbcCheckpointStore(Supplier<Database> database, Clock clock, Duration retention) {
        this.database = database;
        this.clock = clock;
        if (retention == null || retention.isNegative()) {
            throw new IllegalArgumentException("The retention of finished threads must be 0 (keep) or more, was "
                    + retention);
        }
        this.retention = retention;
    }

    public JdbcCheckpointStore(Supplier<Database> database, Clock clock) {
        this(database, clock, DEFAULT_RETENTION);
    }

    public JdbcCheckpointStore(Database database) {
        this(() -> database, Clock.systemUTC());
    }

    @Override
    public void save(Checkpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        String threadId = checkThreadId(checkpoint.threadId());
        CheckpointTable.Row row = row(checkpoint, true);
        Database db = database.get();
        try {
            db.checkpoints().save(row);
        } catch (SQLException e) {
            throw failure("Cannot save the checkpoint of thread '" + threadId + "'", db, e);
        }
    }

    /** The row of a checkpoint; {@code strict}: a state JSON cannot hold is an error, else it is left out. */
    private CheckpointTable.Row row(Checkpoint checkpoint, boolean strict) {
        return CheckpointRow.of(checkpoint, checkpoint.savedAt() != null ? checkpoint.savedAt() : clock.instant(), strict);
    }

    @Override
    public Optional<Checkpoint> load(String threadId) {
        Objects.requireNonNull(threadId, "threadId");
        Database db = database.get();
        try {
            return db.checkpoints().load(threadId).map(row -> checkpoint(row, db));
        } catch (SQLException e) {
            throw failure("Cannot load the checkpoint of thread '" + threadId + "'", db, e);
        }
    }

    @Override
    public boolean claim(String threadId, String pauseId, Object response, Instant at) {
        Objects.requireNonNull(threadId, "threadId");
        String responseJson;
        try {
            responseJson = JsonValues.write(response, "response");
        } catch (JsonValues.NotJsonException e) {
            throw new WorkflowException("Cannot resume thread '" + threadId + "': " + e.getMessage()
                    + "; the thread still waits", e);
        }
        Database db = database.get();
        try {
            return db.checkpoints().claim(threadId, pauseId, responseJson, at != null ? at : clock.instant());
        } catch (SQLException e) {
            throw failure("Cannot claim the pause of thread '" + threadId + "'", db, e);
        }
    }

    /**
     * Records the end. A final state that JSON cannot hold is left out of the history (the end is
     * recorded all the same).
     */
    @Override
    public boolean finish(Checkpoint last) {
        Objects.requireNonNull(last, "last");
        Database db = database.get();
        boolean had;
        try {
            had = db.checkpoints().finish(row(last, false));
        } catch (SQLException e) {
            throw failure("Cannot record the end of thread '" + last.threadId() + "'", db, e);
        }
        if (had) {
            pruneWhenDue();
        }
        return had;
    }

    private void pruneWhenDue() {
        Instant now = clock.instant();
        Instant due = nextPrune.get();
        if (retention.isZero() || now.isBefore(due) || !nextPrune.compareAndSet(due, now.plus(PRUNE_INTERVAL))) {
            return;
        }
        prune(now.minus(retention));
    }

    @Override
    public List<Checkpoint> history(String threadId) {
        Objects.requireNonNull(threadId, "threadId");
        Database db = database.get();
        try {
            List<Checkpoint> all = new ArrayList<>();
            for (CheckpointTable.Row row : db.checkpoints().history(threadId)) {
                all.add(checkpoint(row, db));
            }
            if (all.isEmpty()) {
                // a checkpoint written before the table had a history
                db.checkpoints().load(threadId).ifPresent(row -> all.add(checkpoint(row, db)));
            }
            return List.copyOf(all);
        } catch (SQLException e) {
            throw failure("Cannot read the history of thread '" + threadId + "'", db, e);
        }
    }

    @Override
    public Optional<Checkpoint> checkpoint(String threadId, int step) {
        Objects.requireNonNull(threadId, "threadId");
        Database db = database.get();
        try {
            return db.checkpoints().step(threadId, step).map(row -> checkpoint(row, db));
        } catch (SQLException e) {
            throw failure("Cannot read step " + step + " of thread '" + threadId + "'", db, e);
        }
    }

    @Override
    public int prune(Instant finishedBefore) {
        Database db = database.get();
        try {
            return db.checkpoints().prune(finishedBefore);
        } catch (SQLException e) {
            throw failure("Cannot prune the history of finished threads", db, e);
        }
    }

    /** Forgets the thread: its current checkpoint and its history. */
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

    /** The threads with a current checkpoint, oldest first. */
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

    private static Checkpoint checkpoint(CheckpointTable.Row row, Database db) {
        try {
            return CheckpointRow.read(row);
        } catch (IllegalArgumentException | ClassCastException | NullPointerException | DateTimeParseException e) {
            throw new WorkflowException("The checkpoint of thread '" + row.threadId() + "' (step " + row.step()
                    + ") in table " + db.checkpoints().table() + " of " + db.describe() + " cannot be read: "
                    + e.getMessage(), e);
        }
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
}
