package dev.victor.workflow.db.internal;

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
 * The table of checkpoints: one row per thread, replaced on every save. Only the table's name
 * (checked by {@link SqlNames}) is part of the SQL text; every value is a bound parameter.
 */
public final class CheckpointTable {

    /** Longest thread id, as the column allows. */
    public static final int MAX_THREAD_ID_LENGTH = 255;

    private final Database database;
    private final String table;
    private final String update;
    private final String insert;
    private final String select;
    private final String delete;
    private final String list;

    /** A row as stored: the JSON columns as text. */
    public record Row(String threadId, String workflow, String nextNode, String stateJson, String pendingJson,
                      Instant deadline, int iterations, String historyJson, Instant savedAt, String origin) {
    }

    /** A row without its JSON, for listings. */
    public record Summary(String threadId, String workflow, String nextNode, Instant deadline, int iterations,
                          Instant savedAt) {
    }

    CheckpointTable(Database database) {
        this.database = database;
        this.table = SqlNames.table(database.settings().checkpointTable(), "checkpoint table");
        this.update = "UPDATE " + table + " SET workflow = ?, next_node = ?, state_json = ?, pending_json = ?,"
                + " deadline = ?, iterations = ?, history_json = ?, saved_at = ?, origin = ? WHERE thread_id = ?";
        this.insert = "INSERT INTO " + table + " (workflow, next_node, state_json, pending_json, deadline, iterations,"
                + " history_json, saved_at, origin, thread_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        this.select = "SELECT workflow, next_node, state_json, pending_json, deadline, iterations, history_json,"
                + " saved_at, origin FROM " + table + " WHERE thread_id = ?";
        this.delete = "DELETE FROM " + table + " WHERE thread_id = ?";
        this.list = "SELECT thread_id, workflow, next_node, deadline, iterations, saved_at FROM " + table
                + " ORDER BY saved_at, thread_id";
    }

    public String table() {
        return table;
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

    /** Brings a table created by an earlier version up to date (the same SQL on H2 and PostgreSQL). */
    String upgradeSql() {
        return "ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS origin TEXT";
    }

    /** Writes the row, replacing the thread's previous one, in one transaction. */
    public void save(Row row) throws SQLException {
        database.write(connection -> {
            for (int attempt = 0; ; attempt++) {
                try {
                    try (PreparedStatement statement = connection.prepareStatement(update)) {
                        bind(statement, row);
                        if (statement.executeUpdate() > 0) {
                            return null;
                        }
                    }
                    try (PreparedStatement statement = connection.prepareStatement(insert)) {
                        bind(statement, row);
                        statement.executeUpdate();
                        return null;
                    }
                } catch (SQLException e) {
                    // Another save of the same new thread won the insert: replace its row instead.
                    if (attempt > 0 || !Database.isDuplicateKey(e)) {
                        throw e;
                    }
                    connection.rollback();
                }
            }
        });
    }

    private static void bind(PreparedStatement statement, Row row) throws SQLException {
        statement.setString(1, row.workflow());
        statement.setString(2, row.nextNode());
        statement.setString(3, row.stateJson());
        statement.setString(4, row.pendingJson());
        if (row.deadline() == null) {
            statement.setNull(5, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(5, Database.timestamp(row.deadline()));
        }
        statement.setInt(6, row.iterations());
        statement.setString(7, row.historyJson());
        statement.setObject(8, Database.timestamp(row.savedAt()));
        statement.setString(9, row.origin());
        statement.setString(10, row.threadId());
    }

    public Optional<Row> load(String threadId) throws SQLException {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(select)) {
                statement.setString(1, threadId);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Row(threadId, rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), Database.instant(rows.getObject(5, OffsetDateTime.class)),
                            rows.getInt(6), rows.getString(7), Database.instant(rows.getObject(8, OffsetDateTime.class)),
                            rows.getString(9)));
                }
            }
        });
    }

    /** Deletes the thread's row; true if there was one (so of two concurrent deletes, one wins). */
    public boolean delete(String threadId) throws SQLException {
        return database.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(delete)) {
                statement.setString(1, threadId);
                return statement.executeUpdate() > 0;
            }
        });
    }

    /** Every stored thread, oldest first. */
    public List<Summary> list() throws SQLException {
        return database.read(connection -> {
            List<Summary> all = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(list);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    all.add(new Summary(rows.getString(1), rows.getString(2), rows.getString(3),
                            Database.instant(rows.getObject(4, OffsetDateTime.class)), rows.getInt(5),
                            Database.instant(rows.getObject(6, OffsetDateTime.class))));
                }
            }
            return all;
        });
    }
}
