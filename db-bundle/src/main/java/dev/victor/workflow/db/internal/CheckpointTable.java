package dev.victor.workflow.db.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tables of checkpoints. The checkpoint table holds each thread's current checkpoint: the
 * pause it waits at ({@code waiting}), or the claimed one while a resume runs ({@code resumed}).
 * The history table (the checkpoint table's name with {@code _history}) keeps every checkpoint of
 * every thread, numbered by step: pauses, answers and ends. Only the tables' names (checked by
 * {@link SqlNames}) are part of the SQL text; every value is a bound parameter.
 *
 * <p>A claim is a versioned update: {@code UPDATE ... SET status = 'resumed' WHERE thread_id = ?
 * AND pause_id = ? AND status = 'waiting'}, the pause id (random, new for every pause) being the
 * version. The database's row lock makes a second claim wait for the first to commit and then
 * match no row, in H2 and PostgreSQL, in one process or several.
 */
public final class CheckpointTable {

    /** Longest thread id, as the column allows. */
    public static final int MAX_THREAD_ID_LENGTH = 255;

    /** The columns of an appended history row, the step last (computed from the thread's history). */
    private static final String APPENDED = "workflow, next_node, state_json, pending_json, iterations, history_json,"
            + " saved_at, origin, status, pause_id, fingerprint, compiler, response_json, deadline, thread_id, step";

    private static final String COLUMNS = "workflow, next_node, state_json, pending_json, iterations, history_json,"
            + " saved_at, origin, step, status, pause_id, fingerprint, compiler, response_json";

    private final Database database;
    private final String table;
    private final String historyTable;
    private final String update;
    private final String insert;
    private final String select;
    private final String append;
    private final String syncStep;
    private final String claim;
    private final String claimLegacy;
    private final String copyClaimed;
    private final String deleteCurrent;
    private final String deleteHistory;
    private final String selectHistory;
    private final String selectStep;
    private final String prune;
    private final String list;

    /**
     * A checkpoint as stored: the JSON columns as text; {@code deadline} is also in the pending
     * request's JSON, in a column of its own for queries.
     */
    public record Row(String threadId, String workflow, String nextNode, String stateJson, String pendingJson,
                      Instant deadline, int iterations, String historyJson, Instant savedAt, String origin,
                      int step, String status, String pauseId, String fingerprint, String compiler,
                      String responseJson) {
    }

    /** A current checkpoint without its JSON, for listings. */
    public record Summary(String threadId, String workflow, String nextNode, Instant deadline, int iterations,
                          Instant savedAt, String status, int step) {
    }

    CheckpointTable(Database database) {
        this.database = database;
        this.table = SqlNames.table(database.settings().checkpointTable(), "checkpoint table");
        this.historyTable = SqlNames.table(table + "_history", "checkpoint history table");
        String lastStep = "(SELECT COALESCE(MAX(step), 0) + 1 FROM " + historyTable + " WHERE thread_id = ?)";
        this.update = "UPDATE " + table + " SET workflow = ?, next_node = ?, state_json = ?, pending_json = ?,"
                + " iterations = ?, history_json = ?, saved_at = ?, origin = ?, step = " + lastStep + ", status = ?,"
                + " pause_id = ?, fingerprint = ?, compiler = ?, response_json = ?, deadline = ? WHERE thread_id = ?";
        this.insert = "INSERT INTO " + table + " (" + COLUMNS + ", deadline, thread_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, " + lastStep + ", ?, ?, ?, ?, ?, ?, ?)";
        this.syncStep = "UPDATE " + table + " SET step = (SELECT MAX(step) FROM " + historyTable
                + " WHERE thread_id = ?) WHERE thread_id = ?";
        this.select = "SELECT " + COLUMNS + ", deadline FROM " + table + " WHERE thread_id = ?";
        this.append = "INSERT INTO " + historyTable + " (" + APPENDED + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, COALESCE(MAX(step), 0) + 1 FROM " + historyTable + " WHERE thread_id = ?";
        String claimSet = "UPDATE " + table + " SET status = 'resumed', step = step + 1, response_json = ?, saved_at = ?"
                + " WHERE thread_id = ? AND status = 'waiting' AND ";
        this.claim = claimSet + "pause_id = ?";
        this.claimLegacy = claimSet + "pause_id IS NULL";
        this.copyClaimed = "INSERT INTO " + historyTable + " (" + COLUMNS + ", deadline, thread_id) SELECT " + COLUMNS
                + ", deadline, thread_id FROM " + table + " WHERE thread_id = ?";
        this.deleteCurrent = "DELETE FROM " + table + " WHERE thread_id = ?";
        this.deleteHistory = "DELETE FROM " + historyTable + " WHERE thread_id = ?";
        this.selectHistory = "SELECT " + COLUMNS + ", deadline FROM " + historyTable + " WHERE thread_id = ? ORDER BY step";
        this.selectStep = "SELECT " + COLUMNS + ", deadline FROM " + historyTable + " WHERE thread_id = ? AND step = ?";
        this.prune = "DELETE FROM " + historyTable + " WHERE thread_id IN (SELECT thread_id FROM " + historyTable
                + " GROUP BY thread_id HAVING MAX(saved_at) < ?) AND thread_id NOT IN (SELECT thread_id FROM " + table + ")";
        this.list = "SELECT thread_id, workflow, next_node, deadline, iterations, saved_at, status, step FROM " + table
                + " ORDER BY saved_at, thread_id";
    }

    public String table() {
        return table;
    }

    public String historyTable() {
        return historyTable;
    }

    String createSql() {
        return "CREATE TABLE IF NOT EXISTS " + table + " ("
                + "thread_id VARCHAR(" + MAX_THREAD_ID_LENGTH + ") NOT NULL PRIMARY KEY, "
                + "workflow TEXT, "
                + "next_node TEXT, "
                + "state_json TEXT NOT NULL, "
                + "pending_json TEXT, "
                + "deadline TIMESTAMP WITH TIME ZONE, "
                + "iterations INTEGER NOT NULL, "
                + "history_json TEXT NOT NULL, "
                + "saved_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                + "origin TEXT)";
    }

    /**
     * Brings a table created by an earlier version up to date and creates the history table (the
     * same SQL on H2 and PostgreSQL, several statements in one).
     */
    String upgradeSql() {
        String add = "ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS ";
        return add + "origin TEXT; "
                + add + "step INTEGER DEFAULT 0 NOT NULL; "
                + add + "status VARCHAR(32) DEFAULT 'waiting' NOT NULL; "
                + add + "pause_id VARCHAR(64); "
                + add + "fingerprint TEXT; "
                + add + "compiler TEXT; "
                + add + "response_json TEXT; "
                + "CREATE TABLE IF NOT EXISTS " + historyTable + " ("
                + "thread_id VARCHAR(" + MAX_THREAD_ID_LENGTH + ") NOT NULL, "
                + "step INTEGER NOT NULL, "
                + "status VARCHAR(32) NOT NULL, "
                + "workflow TEXT, "
                + "next_node TEXT, "
                + "state_json TEXT, "
                + "pending_json TEXT, "
                + "deadline TIMESTAMP WITH TIME ZONE, "
                + "iterations INTEGER NOT NULL, "
                + "history_json TEXT NOT NULL, "
                + "saved_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                + "origin TEXT, "
                + "pause_id VARCHAR(64), "
                + "fingerprint TEXT, "
                + "compiler TEXT, "
                + "response_json TEXT, "
                + "PRIMARY KEY (thread_id, step))";
    }

    /**
     * Writes a pause: the thread's current checkpoint (replacing the one before) and the next step
     * of its history, in one transaction. The current row is written first: its lock (or, for a new
     * thread, its key) orders the writers of one thread's history, so each computes its step after
     * the one before has committed.
     */
    public void save(Row row) throws SQLException {
        database.write(connection -> {
            for (int attempt = 0; ; attempt++) {
                try {
                    try (PreparedStatement statement = connection.prepareStatement(update)) {
                        bind(statement, row);
                        if (statement.executeUpdate() == 0) {
                            try (PreparedStatement insertion = connection.prepareStatement(insert)) {
                                bind(insertion, row);
                                insertion.executeUpdate();
                            }
                        }
                    }
                    append(connection, row);
                    // The update's step was computed from the snapshot its statement started with:
                    // in PostgreSQL's read committed, one that waited for another writer's row lock
                    // still saw the history before that writer's step. Set it from the history now
                    // (a new statement, under the row lock, sees every committed step).
                    try (PreparedStatement statement = connection.prepareStatement(syncStep)) {
                        statement.setString(1, row.threadId());
                        statement.setString(2, row.threadId());
                        statement.executeUpdate();
                    }
                    return null;
                } catch (SQLException e) {
                    // Another save of the same new thread won the insert: go again, after it.
                    if (attempt > 2 || !Database.isDuplicateKey(e)) {
                        throw e;
                    }
                    connection.rollback();
                }
            }
        });
    }

    /** Appends the row to the thread's history as its next step. */
    private void append(Connection connection, Row row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(append)) {
            statement.setString(1, row.workflow());
            statement.setString(2, row.nextNode());
            statement.setString(3, row.stateJson());
            statement.setString(4, row.pendingJson());
            statement.setInt(5, row.iterations());
            statement.setString(6, row.historyJson());
            statement.setObject(7, Database.timestamp(row.savedAt()));
            statement.setString(8, row.origin());
            statement.setString(9, row.status());
            statement.setString(10, row.pauseId());
            statement.setString(11, row.fingerprint());
            statement.setString(12, row.compiler());
            statement.setString(13, row.responseJson());
            deadline(statement, 14, row);
            statement.setString(15, row.threadId());
            statement.setString(16, row.threadId());
            statement.executeUpdate();
        }
    }

    private static void deadline(PreparedStatement statement, int index, Row row) throws SQLException {
        if (row.deadline() == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, Database.timestamp(row.deadline()));
        }
    }

    /**
     * Claims the pause: marks the current checkpoint {@code resumed} with the answer and copies it
     * to the history, in one transaction, only while it is the pause {@code pauseId} and waiting.
     *
     * @return false when another claim won, or the thread waits at another pause or not at all
     */
    public boolean claim(String threadId, String pauseId, String responseJson, Instant at) throws SQLException {
        return database.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(pauseId == null ? claimLegacy : claim)) {
                statement.setString(1, responseJson);
                statement.setObject(2, Database.timestamp(at));
                statement.setString(3, threadId);
                if (pauseId != null) {
                    statement.setString(4, pauseId);
                }
                if (statement.executeUpdate() == 0) {
                    return false;
                }
            }
            updateThread(connection, copyClaimed, threadId);
            return true;
        });
    }

    /**
     * Records a run's end: forgets the thread's current checkpoint and appends the row to its
     * history, in one transaction; nothing when the thread had no current checkpoint.
     *
     * @return whether it had one
     */
    public boolean finish(Row row) throws SQLException {
        return database.write(connection -> {
            if (updateThread(connection, deleteCurrent, row.threadId()) == 0) {
                return false;
            }
            append(connection, row);
            return true;
        });
    }

    /** Runs an update or delete whose one parameter is the thread id: the number of rows it changed. */
    private static int updateThread(Connection connection, String sql, String threadId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, threadId);
            return statement.executeUpdate();
        }
    }

    /** Binds the current checkpoint's columns; its step is the next of the thread's history. */
    private static void bind(PreparedStatement statement, Row row) throws SQLException {
        statement.setString(1, row.workflow());
        statement.setString(2, row.nextNode());
        statement.setString(3, row.stateJson());
        statement.setString(4, row.pendingJson());
        statement.setInt(5, row.iterations());
        statement.setString(6, row.historyJson());
        statement.setObject(7, Database.timestamp(row.savedAt()));
        statement.setString(8, row.origin());
        statement.setString(9, row.threadId());
        statement.setString(10, row.status());
        statement.setString(11, row.pauseId());
        statement.setString(12, row.fingerprint());
        statement.setString(13, row.compiler());
        statement.setString(14, row.responseJson());
        deadline(statement, 15, row);
        statement.setString(16, row.threadId());
    }

    private static Row row(String threadId, ResultSet rows) throws SQLException {
        return new Row(threadId, rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                Database.instant(rows.getObject(15, OffsetDateTime.class)), rows.getInt(5), rows.getString(6),
                Database.instant(rows.getObject(7, OffsetDateTime.class)), rows.getString(8), rows.getInt(9),
                rows.getString(10), rows.getString(11), rows.getString(12), rows.getString(13), rows.getString(14));
    }

    /** The thread's current checkpoint. */
    public Optional<Row> load(String threadId) throws SQLException {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(select)) {
                statement.setString(1, threadId);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(row(threadId, rows)) : Optional.empty();
                }
            }
        });
    }

    /** The thread's history, oldest first. */
    public List<Row> history(String threadId) throws SQLException {
        return database.read(connection -> {
            List<Row> all = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(selectHistory)) {
                statement.setString(1, threadId);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        all.add(row(threadId, rows));
                    }
                }
            }
            return all;
        });
    }

    /** The thread's checkpoint at a step of its history. */
    public Optional<Row> step(String threadId, int step) throws SQLException {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(selectStep)) {
                statement.setString(1, threadId);
                statement.setInt(2, step);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(row(threadId, rows)) : Optional.empty();
                }
            }
        });
    }

    /** Forgets the thread, its current checkpoint and its history; true if it had a current one. */
    public boolean delete(String threadId) throws SQLException {
        return database.write(connection -> {
            boolean current = updateThread(connection, deleteCurrent, threadId) > 0;
            updateThread(connection, deleteHistory, threadId);
            return current;
        });
    }

    /** Deletes the history of threads without a current checkpoint whose last checkpoint is older than the instant. */
    public int prune(Instant before) throws SQLException {
        return database.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(prune)) {
                statement.setObject(1, Database.timestamp(before));
                return statement.executeUpdate();
            }
        });
    }

    /** Every thread with a current checkpoint (waiting, or being resumed), oldest first. */
    public List<Summary> list() throws SQLException {
        return database.read(connection -> {
            List<Summary> all = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(list);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    all.add(new Summary(rows.getString(1), rows.getString(2), rows.getString(3),
                            Database.instant(rows.getObject(4, OffsetDateTime.class)), rows.getInt(5),
                            Database.instant(rows.getObject(6, OffsetDateTime.class)), rows.getString(7),
                            rows.getInt(8)));
                }
            }
            return all;
        });
    }
}
