package dev.victor.workflow.db.internal;

import dev.victor.workflow.db.StoredWorkflow;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The table of workflows: one row per name, with a version that grows by one on every update.
 * Only the table's name (checked by {@link SqlNames}) is part of the SQL text; every value is a
 * bound parameter.
 */
public final class WorkflowTable {

    /** The formats a row may have, each the scheme of the plugin that compiles it. */
    public static final Set<String> FORMATS = Set.of("yaml", "json");
    /** Longest name, as the column allows. */
    public static final int MAX_NAME_LENGTH = 255;

    private final Database database;
    private final String table;
    private final String selectVersion;
    private final String selectRow;
    private final String update;
    private final String insert;
    private final String list;

    /** A row with its text. */
    public record Row(StoredWorkflow info, String definition) {
    }

    WorkflowTable(Database database) {
        this.database = database;
        this.table = SqlNames.table(database.settings().table(), "workflow table");
        this.selectVersion = "SELECT version FROM " + table + " WHERE name = ?";
        this.selectRow = "SELECT version, format, definition, updated_at FROM " + table + " WHERE name = ?";
        this.update = "UPDATE " + table + " SET version = version + 1, format = ?, definition = ?, updated_at = ?"
                + " WHERE name = ?";
        this.insert = "INSERT INTO " + table + " (name, version, format, definition, updated_at) VALUES (?, 1, ?, ?, ?)";
        this.list = "SELECT name, version, format, updated_at FROM " + table + " ORDER BY name";
    }

    public String table() {
        return table;
    }

    String createSql() {
        return "CREATE TABLE IF NOT EXISTS " + table + " ("
                + "name VARCHAR(" + MAX_NAME_LENGTH + ") NOT NULL PRIMARY KEY, "
                + "version BIGINT NOT NULL, "
                + "format VARCHAR(16) NOT NULL, "
                + "definition TEXT NOT NULL, "
                + "updated_at TIMESTAMP WITH TIME ZONE NOT NULL)";
    }

    /**
     * Checks a workflow name for storing: 1 to 255 characters, no {@code /} (it separates the
     * datasource in {@code db://DATASOURCE/NAME}), no control characters, no blanks at either end.
     *
     * @throws IllegalArgumentException saying which rule it breaks
     */
    public static String checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A workflow name is required");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("The workflow name " + SqlNames.quote(name) + " is longer than "
                    + MAX_NAME_LENGTH + " characters");
        }
        if (name.indexOf('/') >= 0) {
            throw new IllegalArgumentException("The workflow name " + SqlNames.quote(name)
                    + " contains '/', which separates the datasource in db://DATASOURCE/NAME");
        }
        if (!name.strip().equals(name)) {
            throw new IllegalArgumentException("The workflow name " + SqlNames.quote(name)
                    + " begins or ends with white space");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new IllegalArgumentException("The workflow name " + SqlNames.quote(name)
                        + " contains a control character");
            }
        }
        return name;
    }

    /** The format, lower-cased, if it is one a row may have. */
    public static String checkFormat(String format) {
        String lower = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
        if (lower.equals("yml")) {
            lower = "yaml";
        }
        if (!FORMATS.contains(lower)) {
            throw new IllegalArgumentException("Unknown workflow format " + SqlNames.quote(format)
                    + ": yaml or json");
        }
        return lower;
    }

    /** The row's version, the one cheap query a cache check needs. */
    public OptionalLong version(String name) throws SQLException {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(selectVersion)) {
                statement.setString(1, name);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }

    /** The row with its text. */
    public Optional<Row> read(String name) throws SQLException {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(selectRow)) {
                statement.setString(1, name);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    StoredWorkflow info = new StoredWorkflow(database.name(), name, rows.getLong(1), rows.getString(2),
                            Database.instant(rows.getObject(4, OffsetDateTime.class)));
                    return Optional.of(new Row(info, rows.getString(3)));
                }
            }
        });
    }

    /**
     * Stores a workflow: a new row at version 1, or the next version of the existing row, in one
     * transaction.
     *
     * @return the stored row's name, new version, format and time
     * @throws IllegalArgumentException when the name or format is not acceptable
     */
    public StoredWorkflow put(String name, String format, String definition, Instant now) throws SQLException {
        checkName(name);
        String checkedFormat = checkFormat(format);
        if (definition == null) {
            throw new IllegalArgumentException("No workflow text given for " + SqlNames.quote(name));
        }
        if (definition.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException("The text of workflow " + SqlNames.quote(name)
                    + " contains a NUL character, which PostgreSQL cannot store and no workflow needs");
        }
        OffsetDateTime time = Database.timestamp(now);
        return database.write(connection -> {
            for (int attempt = 0; ; attempt++) {
                try (PreparedStatement statement = connection.prepareStatement(update)) {
                    statement.setString(1, checkedFormat);
                    statement.setString(2, definition);
                    statement.setObject(3, time);
                    statement.setString(4, name);
                    if (statement.executeUpdate() == 0) {
                        try (PreparedStatement inserting = connection.prepareStatement(insert)) {
                            inserting.setString(1, name);
                            inserting.setString(2, checkedFormat);
                            inserting.setString(3, definition);
                            inserting.setObject(4, time);
                            inserting.executeUpdate();
                        }
                    }
                } catch (SQLException e) {
                    // Another writer inserted the same new name first: update its row instead. On
                    // PostgreSQL the failed statement spoils the transaction, so start it again.
                    if (attempt > 0 || !Database.isDuplicateKey(e)) {
                        throw e;
                    }
                    connection.rollback();
                    continue;
                }
                try (PreparedStatement statement = connection.prepareStatement(selectVersion)) {
                    statement.setString(1, name);
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        return new StoredWorkflow(database.name(), name, rows.getLong(1), checkedFormat,
                                time.toInstant());
                    }
                }
            }
        });
    }

    /** Every row, by name, without the texts. */
    public List<StoredWorkflow> list() throws SQLException {
        return database.read(connection -> {
            List<StoredWorkflow> all = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(list);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    all.add(new StoredWorkflow(database.name(), rows.getString(1), rows.getLong(2), rows.getString(3),
                            Database.instant(rows.getObject(4, OffsetDateTime.class))));
                }
            }
            return all;
        });
    }
}
