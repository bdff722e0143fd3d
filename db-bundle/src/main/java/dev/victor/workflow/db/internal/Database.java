package dev.victor.workflow.db.internal;

import dev.victor.workflow.db.DataSourceSettings;
import dev.victor.workflow.kernel.source.Sha256;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * One configured database: its settings, its connection pool, its schema and the two tables. Runs
 * work on a lent connection, read-only in auto-commit mode or as one transaction, and turns every
 * {@link SQLException} into one whose messages cannot hold the password.
 *
 * <p>On H2, every committed write is followed by {@code CHECKPOINT}: H2 otherwise writes committed
 * transactions to its file up to a second later, and a process killed in that second would lose
 * them (measured: without it, a checkpoint committed just before {@code kill -9} was lost every
 * time). PostgreSQL is durable at commit and needs nothing.
 */
public final class Database implements AutoCloseable {

    /** Work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSourceSettings settings;
    private final ConnectionPool pool;
    private final WorkflowTable workflows;
    private final CheckpointTable checkpoints;
    private final Object schemaLock = new Object();
    private volatile boolean schemaReady;
    private volatile Boolean flushAfterWrite;
    private final String fingerprint;

    public Database(DataSourceSettings settings, ConnectionSource source) {
        this.settings = settings;
        this.pool = new ConnectionPool(() -> {
            try {
                return source.open();
            } catch (SQLException e) {
                throw Redaction.sqlException(new SQLException("cannot connect: " + e.getMessage(), e.getSQLState(),
                        e.getErrorCode(), e), settings.password());
            }
        }, describe(settings), "victor-db-" + settings.name(), settings.poolSize(), settings.poolTimeout());
        this.workflows = new WorkflowTable(this);
        this.checkpoints = new CheckpointTable(this);
        this.fingerprint = Sha256.hex(settings.url() + "\n" + settings.user() + "\n" + settings.table() + "\n"
                + settings.checkpointTable()).substring(0, 16);
    }


    public DataSourceSettings settings() {
        return settings;
    }

    public String name() {
        return settings.name();
    }

    public WorkflowTable workflows() {
        return workflows;
    }

    public CheckpointTable checkpoints() {
        return checkpoints;
    }

    ConnectionPool pool() {
        return pool;
    }

    /**
     * A short hash of the URL, user and tables (never the password): part of cache keys, so that a
     * datasource pointed at another database does not match the old one's keys.
     */
    public String fingerprint() {
        return fingerprint;
    }

    /** For messages: {@code datasource 'default' (jdbc:h2:file:/x, user sa)}, never the password. */
    public String describe() {
        return describe(settings);
    }

    private static String describe(DataSourceSettings settings) {
        return "datasource '" + settings.name() + "' (" + settings.redactedUrl()
                + (settings.user().isEmpty() ? "" : ", user " + settings.user()) + ")";
    }

    /** Reads in auto-commit mode. */
    public <T> T read(Work<T> work) throws SQLException {
        return run(work, false);
    }

    /** Runs the work as one transaction: committed when it returns, rolled back when it throws. */
    public <T> T write(Work<T> work) throws SQLException {
        return run(work, true);
    }

    private <T> T run(Work<T> work, boolean transaction) throws SQLException {
        ConnectionPool.Lease lease;
        try {
            lease = pool.borrow();
        } catch (SQLException e) {
            throw Redaction.sqlException(e, settings.password());
        }
        try (lease) {
            Connection connection = lease.connection();
            try {
                ensureSchema(connection);
                if (!transaction) {
                    return work.run(connection);
                }
                connection.setAutoCommit(false);
                T result;
                try {
                    result = work.run(connection);
                    connection.commit();
                } catch (SQLException | RuntimeException | Error e) {
                    rollback(connection);
                    throw e;
                }
                connection.setAutoCommit(true);
                flush(connection);
                return result;
            } catch (SQLException e) {
                if (isConnectionError(e, connection)) {
                    lease.broken();
                }
                throw Redaction.sqlException(e, settings.password());
            }
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is dropped by the pool if it is broken
        }
    }

    private static boolean isConnectionError(SQLException e, Connection connection) {
        String state = e.getSQLState();
        if (state != null && state.startsWith("08")) {
            return true;
        }
        try {
            return connection.isClosed();
        } catch (SQLException closed) {
            return true;
        }
    }

    private void flush(Connection connection) throws SQLException {
        Boolean flush = flushAfterWrite;
        if (flush == null) {
            String product = connection.getMetaData().getDatabaseProductName();
            flush = product != null && product.toLowerCase(Locale.ROOT).contains("h2")
                    && !settings.url().startsWith("jdbc:h2:mem:");
            flushAfterWrite = flush;
        }
        if (flush) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT");
            }
        }
    }

    private void ensureSchema(Connection connection) throws SQLException {
        if (schemaReady || !settings.createSchema()) {
            return;
        }
        synchronized (schemaLock) {
            if (schemaReady) {
                return;
            }
            try {
                createTables(connection);
            } catch (SQLException first) {
                // Two processes creating the same table at once can collide (PostgreSQL reports a
                // duplicate type); the other one has created it, so one more try succeeds.
                createTables(connection);
            }
            flush(connection);
            schemaReady = true;
        }
    }

    private void createTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(workflows.createSql());
            statement.execute(checkpoints.createSql());
            statement.execute(checkpoints.upgradeSql());
        }
    }

    /** The time as the database keeps it: UTC, microseconds (PostgreSQL's and H2's precision). */
    static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** True for a unique or primary key violation (SQL state class 23, as both H2 and PostgreSQL report). */
    static boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return describe();
    }
}
