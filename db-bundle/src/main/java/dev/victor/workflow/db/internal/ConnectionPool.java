package dev.victor.workflow.db.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * The connections of one datasource: a HikariCP pool of at most {@code size} connections, started
 * on the first {@link #borrow()}. Callers wait up to the timeout for a free connection; HikariCP
 * checks a connection with {@link Connection#isValid} before lending it when it has been idle for
 * more than half a second, replaces connections broken by a connection error (SQL state
 * {@code 08...}) and rolls back a transaction left open when a connection comes back.
 *
 * <p>HikariCP gets its connections from a {@link SourceDataSource} over the {@link ConnectionSource}
 * (the OSGi {@code DataSourceFactory}'s data source, or the driver), so it loads no driver class
 * itself, and every failure to connect it sees (and logs) has the password taken out already.
 *
 * <p>The first start fails at once when no connection can be opened (no driver, a database that
 * cannot be reached, an emptied H2 file); the next borrow tries again. Once started, a caller waits
 * up to the timeout while HikariCP keeps trying to connect.
 *
 * <p>{@link #close()} lets lent connections finish: the pool is shut down when the last one is
 * returned (HikariCP itself would abort them). Thread-safe.
 */
public final class ConnectionPool implements AutoCloseable {

    /** HikariCP's shortest connection timeout. */
    static final Duration SHORTEST_TIMEOUT = Duration.ofMillis(250);

    private final ConnectionSource source;
    private final String description;
    private final String poolName;
    private final int size;
    private final Duration timeout;
    private HikariDataSource hikari;
    private int lent;
    private boolean closed;

    /**
     * @param description the datasource as messages name it (never with the password)
     * @param poolName    HikariCP's name of the pool (its threads and log lines)
     * @param timeout     how long a caller waits for a connection; at least {@link #SHORTEST_TIMEOUT}
     */
    public ConnectionPool(ConnectionSource source, String description, String poolName, int size, Duration timeout) {
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, was " + size);
        }
        this.source = source;
        this.description = description;
        this.poolName = poolName;
        this.size = size;
        this.timeout = timeout.compareTo(SHORTEST_TIMEOUT) < 0 ? SHORTEST_TIMEOUT : timeout;
    }

    /** A connection lent from the pool; closing the lease gives it back. */
    public final class Lease implements AutoCloseable {
        private final HikariDataSource owner;
        private final Connection connection;
        private boolean broken;
        private boolean returned;

        private Lease(HikariDataSource owner, Connection connection) {
            this.owner = owner;
            this.connection = connection;
        }

        public Connection connection() {
            return connection;
        }

        /** The connection is not to be lent again (a connection error happened on it). */
        public void broken() {
            broken = true;
        }

        @Override
        public void close() {
            if (returned) {
                return;
            }
            returned = true;
            try {
                if (broken) {
                    owner.evictConnection(connection);
                } else {
                    connection.close();
                }
            } catch (SQLException | RuntimeException ignored) {
                // HikariCP drops a connection it cannot reset
            } finally {
                giveBack();
            }
        }
    }

    /**
     * Lends a connection in auto-commit mode.
     *
     * @throws SQLTransientConnectionException when none becomes free within the timeout
     * @throws SQLException                    when no connection can be opened
     */
    public Lease borrow() throws SQLException {
        HikariDataSource pool = take();
        try {
            return new Lease(pool, pool.getConnection());
        } catch (SQLException e) {
            giveBack();
            throw timeoutOrCause(e);
        } catch (RuntimeException | Error e) {
            giveBack();
            throw e;
        }
    }

    private synchronized HikariDataSource take() throws SQLException {
        if (closed) {
            throw new SQLException("The connection pool of " + description + " is closed", "08003");
        }
        if (hikari == null) {
            hikari = start();
        }
        lent++;
        return hikari;
    }

    private HikariDataSource start() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setDataSource(new SourceDataSource(source, description));
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(timeout.toMillis());
        config.setValidationTimeout(Math.min(timeout.toMillis(), 2_000));
        config.setInitializationFailTimeout(1);
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            if (e.getCause() instanceof SQLException cause) {
                throw cause;
            }
            throw new SQLException("cannot connect to " + description + ": " + e.getMessage(), "08001", e);
        }
    }

    /** HikariCP's timeout names the pool; ours names the datasource, and the failure to connect when there was one. */
    private SQLException timeoutOrCause(SQLException e) {
        if (!(e instanceof SQLTransientConnectionException)) {
            return e;
        }
        if (e.getNextException() != null) {
            return e.getNextException();
        }
        return new SQLTransientConnectionException("All " + size + " connections of " + description
                + " are in use; none was returned within " + timeout.toMillis() + " ms (pool.timeout.seconds)",
                "08001");
    }

    private void giveBack() {
        HikariDataSource toClose = null;
        synchronized (this) {
            lent--;
            if (closed && lent == 0) {
                toClose = hikari;
                hikari = null;
            }
        }
        if (toClose != null) {
            toClose.close();
        }
    }

    /** How many connections are open now (lent or idle). */
    public synchronized int open() {
        return hikari == null ? 0 : hikari.getHikariPoolMXBean().getTotalConnections();
    }

    public int size() {
        return size;
    }

    /** Closes the pool now, or when the last lent connection comes back. */
    @Override
    public void close() {
        HikariDataSource toClose = null;
        synchronized (this) {
            closed = true;
            if (lent == 0) {
                toClose = hikari;
                hikari = null;
            }
        }
        if (toClose != null) {
            toClose.close();
        }
    }
}
