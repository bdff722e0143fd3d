package dev.victor.workflow.db.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A small bounded pool of JDBC connections. At most {@code size} connections are lent at once
 * (further callers wait up to the timeout); returned connections are kept and lent again, newest
 * first. A connection that has been idle for a while is checked with {@link Connection#isValid}
 * before it is lent again; one that is closed, invalid or marked broken is thrown away and a new
 * one opened. Thread-safe.
 *
 * <p>Why not a pooling library: HikariCP, the obvious choice, needs SLF4J at run time, which this
 * project's logging rule keeps out of the Felix distribution, and the bundle's needs are light (a
 * few short statements per compile or checkpoint).
 */
public final class ConnectionPool implements AutoCloseable {

    /** Idle connections older than this are validated before they are lent. */
    static final long VALIDATE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final ConnectionSource source;
    private final int size;
    private final Duration timeout;
    private final LongSupplier nanoTime;
    private final Semaphore permits;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private boolean closed;
    private long opened;

    private record Idle(Connection connection, long since) {
    }

    public ConnectionPool(ConnectionSource source, int size, Duration timeout) {
        this(source, size, timeout, System::nanoTime);
    }

    ConnectionPool(ConnectionSource source, int size, Duration timeout, LongSupplier nanoTime) {
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, was " + size);
        }
        this.source = source;
        this.size = size;
        this.timeout = timeout;
        this.nanoTime = nanoTime;
        this.permits = new Semaphore(size, true);
    }

    /** A connection lent from the pool; closing the lease gives it back. */
    public final class Lease implements AutoCloseable {
        private final Connection connection;
        private boolean broken;
        private boolean returned;

        private Lease(Connection connection) {
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
            giveBack(connection, broken);
        }
    }

    /**
     * Lends a connection in auto-commit mode.
     *
     * @throws SQLTransientConnectionException when none becomes free within the timeout
     * @throws SQLException                    when a new connection cannot be opened
     */
    public Lease borrow() throws SQLException {
        try {
            if (!permits.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new SQLTransientConnectionException("All " + size + " connections are in use; none was returned within "
                        + timeout.toMillis() + " ms", "08001");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("Interrupted while waiting for a connection", "08001", e);
        }
        try {
            return new Lease(take());
        } catch (SQLException | RuntimeException | Error e) {
            permits.release();
            throw e;
        }
    }

    private Connection take() throws SQLException {
        while (true) {
            Idle candidate;
            synchronized (this) {
                if (closed) {
                    throw new SQLException("The connection pool is closed", "08003");
                }
                candidate = idle.pollFirst();
            }
            if (candidate == null) {
                Connection connection = source.open();
                synchronized (this) {
                    opened++;
                }
                return connection;
            }
            if (usable(candidate)) {
                return candidate.connection();
            }
            quietlyClose(candidate.connection());
        }
    }

    private boolean usable(Idle candidate) {
        try {
            if (candidate.connection().isClosed()) {
                return false;
            }
            if (nanoTime.getAsLong() - candidate.since() >= VALIDATE_AFTER_NANOS) {
                return candidate.connection().isValid(VALIDATION_TIMEOUT_SECONDS);
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private void giveBack(Connection connection, boolean broken) {
        try {
            boolean keep = !broken && !connection.isClosed();
            if (keep && !connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            synchronized (this) {
                if (keep && !closed) {
                    idle.addFirst(new Idle(connection, nanoTime.getAsLong()));
                    return;
                }
            }
            quietlyClose(connection);
        } catch (SQLException e) {
            quietlyClose(connection);
        } finally {
            permits.release();
        }
    }

    /** How many physical connections were opened so far. */
    public synchronized long opened() {
        return opened;
    }

    /** How many connections wait to be lent. */
    public synchronized int idle() {
        return idle.size();
    }

    public int size() {
        return size;
    }

    /** Closes the idle connections; lent ones are closed when they come back. */
    @Override
    public void close() {
        Deque<Idle> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        toClose.forEach(entry -> quietlyClose(entry.connection()));
    }

    private static void quietlyClose(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException ignored) {
            // already unusable
        }
    }
}
