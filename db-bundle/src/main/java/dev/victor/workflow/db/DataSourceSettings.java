package dev.victor.workflow.db;

import dev.victor.workflow.db.internal.Redaction;
import dev.victor.workflow.db.internal.SqlNames;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * One database: where it is, how to log in, and which tables hold workflows and checkpoints.
 * {@link #toString()} never shows the password (nor a {@code password=} parameter of the URL).
 *
 * @param name            the datasource's name, as in {@code db://NAME/workflow}: letters, digits,
 *                        {@code _ . -}
 * @param url             the JDBC URL, such as {@code jdbc:h2:file:/srv/victor/data/workflows} or
 *                        {@code jdbc:postgresql://db.example/victor}
 * @param user            the user ({@code ""} for none)
 * @param password        the password ({@code ""} for none)
 * @param table           the table of workflows: an SQL identifier, optionally {@code schema.table}
 * @param checkpointTable the table of checkpoints, likewise
 * @param poolSize        the most connections kept open and lent at once (1 to 100)
 * @param poolTimeout     how long a caller waits for a connection when all are lent
 * @param createSchema    whether both tables are created ({@code CREATE TABLE IF NOT EXISTS}) on
 *                        first use
 */
public record DataSourceSettings(String name, String url, String user, String password, String table,
                                 String checkpointTable, int poolSize, Duration poolTimeout, boolean createSchema) {

    public static final String DEFAULT_NAME = "default";
    public static final String DEFAULT_TABLE = "workflows";
    public static final String DEFAULT_CHECKPOINT_TABLE = "checkpoints";
    public static final int DEFAULT_POOL_SIZE = 5;
    public static final Duration DEFAULT_POOL_TIMEOUT = Duration.ofSeconds(10);

    /**
     * @throws IllegalArgumentException when a name is not a valid identifier, the URL is not a JDBC
     *                                  URL or a number is out of range
     */
    public DataSourceSettings {
        SqlNames.datasource(name);
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("The URL of datasource '" + name + "' is not a JDBC URL (jdbc:...): "
                    + Redaction.url(url));
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        SqlNames.table(table, "workflow table");
        SqlNames.table(checkpointTable, "checkpoint table");
        if (poolSize < 1 || poolSize > 100) {
            throw new IllegalArgumentException("The pool size of datasource '" + name + "' must be 1 to 100, was "
                    + poolSize);
        }
        Objects.requireNonNull(poolTimeout, "poolTimeout");
        if (poolTimeout.isNegative()) {
            throw new IllegalArgumentException("The pool timeout of datasource '" + name + "' is negative");
        }
    }

    /** A datasource with the default tables and pool. */
    public static DataSourceSettings of(String name, String url, String user, String password) {
        return new DataSourceSettings(name, url, user, password, DEFAULT_TABLE, DEFAULT_CHECKPOINT_TABLE,
                DEFAULT_POOL_SIZE, DEFAULT_POOL_TIMEOUT, true);
    }

    /**
     * An embedded H2 database in a file ({@code file} without the {@code .mv.db} H2 adds), user
     * {@code sa} without a password, default tables: the set-up that needs no set-up.
     */
    public static DataSourceSettings h2File(String name, Path file) {
        return of(name, "jdbc:h2:file:" + file.toAbsolutePath().normalize(), "sa", "");
    }

    public DataSourceSettings withLogin(String newUser, String newPassword) {
        return new DataSourceSettings(name, url, newUser, newPassword, table, checkpointTable, poolSize, poolTimeout,
                createSchema);
    }

    public DataSourceSettings withTable(String newTable) {
        return new DataSourceSettings(name, url, user, password, newTable, checkpointTable, poolSize, poolTimeout,
                createSchema);
    }

    public DataSourceSettings withCheckpointTable(String newTable) {
        return new DataSourceSettings(name, url, user, password, table, newTable, poolSize, poolTimeout,
                createSchema);
    }

    public DataSourceSettings withPool(int newSize, Duration newTimeout) {
        return new DataSourceSettings(name, url, user, password, table, checkpointTable, newSize, newTimeout,
                createSchema);
    }

    public DataSourceSettings withCreateSchema(boolean create) {
        return new DataSourceSettings(name, url, user, password, table, checkpointTable, poolSize, poolTimeout,
                create);
    }

    /** The URL with the value of any {@code password=} parameter replaced by {@code ***}. */
    public String redactedUrl() {
        return Redaction.url(url);
    }

    @Override
    public String toString() {
        return "DataSourceSettings[name=" + name + ", url=" + redactedUrl() + ", user=" + user + ", password="
                + (password.isEmpty() ? "" : "***") + ", table=" + table + ", checkpointTable=" + checkpointTable
                + ", poolSize=" + poolSize + ", poolTimeout=" + poolTimeout + ", createSchema=" + createSchema + "]";
    }
}
