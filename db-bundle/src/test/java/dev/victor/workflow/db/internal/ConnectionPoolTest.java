package dev.victor.workflow.db.internal;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionPoolTest {

    /** A connection that only knows whether it is closed and valid, and counts validations. */
    static final class Fake {
        final AtomicBoolean closed = new AtomicBoolean();
        final AtomicBoolean valid = new AtomicBoolean(true);
        final AtomicInteger validations = new AtomicInteger();
        final AtomicBoolean autoCommit = new AtomicBoolean(true);
        final AtomicInteger rollbacks = new AtomicInteger();
        final Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "close" -> {
                        closed.set(true);
                        yield null;
                    }
                    case "isClosed" -> closed.get();
                    case "isValid" -> {
                        validations.incrementAndGet();
                        yield valid.get();
                    }
                    case "getAutoCommit" -> autoCommit.get();
                    case "setAutoCommit" -> {
                        autoCommit.set((Boolean) args[0]);
                        yield null;
                    }
                    case "rollback" -> {
                        rollbacks.incrementAndGet();
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    final List<Fake> opened = new ArrayList<>();
    final AtomicLong now = new AtomicLong();

    ConnectionPool pool(int size, Duration timeout) {
        return new ConnectionPool(() -> {
            Fake fake = new Fake();
            opened.add(fake);
            return fake.connection;
        }, size, timeout, now::get);
    }

    @Test
    void returnedConnectionsAreLentAgain() throws SQLException {
        ConnectionPool pool = pool(2, Duration.ofSeconds(1));
        Connection first;
        try (ConnectionPool.Lease lease = pool.borrow()) {
            first = lease.connection();
        }
        try (ConnectionPool.Lease lease = pool.borrow()) {
            assertThat(lease.connection()).isSameAs(first);
        }
        assertThat(pool.opened()).isEqualTo(1);
        assertThat(pool.idle()).isEqualTo(1);
    }

    @Test
    void atMostSizeAreLentAndTheNextWaitsThenFails() throws SQLException {
        ConnectionPool pool = pool(2, Duration.ofMillis(50));
        ConnectionPool.Lease a = pool.borrow();
        ConnectionPool.Lease b = pool.borrow();
        assertThatThrownBy(pool::borrow).isInstanceOf(SQLTransientConnectionException.class)
                .hasMessageContaining("All 2 connections are in use");
        a.close();
        a.close(); // a second close gives nothing back twice
        try (ConnectionPool.Lease c = pool.borrow()) {
            assertThat(c.connection()).isSameAs(a.connection());
        }
        b.close();
        assertThat(pool.opened()).isEqualTo(2);
    }

    @Test
    void brokenClosedAndInvalidConnectionsAreReplaced() throws SQLException {
        ConnectionPool pool = pool(1, Duration.ofSeconds(1));
        try (ConnectionPool.Lease lease = pool.borrow()) {
            lease.broken();
        }
        assertThat(opened.get(0).closed).isTrue();
        assertThat(pool.idle()).isZero();

        try (ConnectionPool.Lease lease = pool.borrow()) {
            assertThat(lease.connection()).isSameAs(opened.get(1).connection);
        }
        opened.get(1).closed.set(true);
        try (ConnectionPool.Lease lease = pool.borrow()) {
            assertThat(lease.connection()).isSameAs(opened.get(2).connection);
        }
        // idle for longer than the validation threshold, and no longer valid
        opened.get(2).valid.set(false);
        now.addAndGet(ConnectionPool.VALIDATE_AFTER_NANOS);
        try (ConnectionPool.Lease lease = pool.borrow()) {
            assertThat(lease.connection()).isSameAs(opened.get(3).connection);
        }
        assertThat(opened.get(2).validations).hasValue(1);
        assertThat(opened.get(2).closed).isTrue();
        // recently used connections are not validated
        try (ConnectionPool.Lease lease = pool.borrow()) {
            assertThat(lease.connection()).isSameAs(opened.get(3).connection);
        }
        assertThat(opened.get(3).validations).hasValue(0);
    }

    @Test
    void anOpenTransactionIsRolledBackWhenTheConnectionComesBack() throws SQLException {
        ConnectionPool pool = pool(1, Duration.ofSeconds(1));
        try (ConnectionPool.Lease lease = pool.borrow()) {
            lease.connection().setAutoCommit(false);
        }
        assertThat(opened.get(0).rollbacks).hasValue(1);
        assertThat(opened.get(0).autoCommit).isTrue();
    }

    @Test
    void aFailedOpenGivesThePermitBack() throws SQLException {
        AtomicInteger attempts = new AtomicInteger();
        ConnectionPool pool = new ConnectionPool(() -> {
            if (attempts.incrementAndGet() <= 3) {
                throw new SQLException("down", "08001");
            }
            return new Fake().connection;
        }, 1, Duration.ofMillis(50));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(pool::borrow).hasMessage("down");
        }
        try (ConnectionPool.Lease lease = pool.borrow()) {
            assertThat(lease.connection()).isNotNull();
        }
    }

    @Test
    void closingClosesIdleConnectionsAndLentOnesWhenReturned() throws SQLException {
        ConnectionPool pool = pool(2, Duration.ofSeconds(1));
        ConnectionPool.Lease lent = pool.borrow();
        pool.borrow().close();
        pool.close();
        assertThat(opened.get(1).closed).isTrue();
        assertThat(opened.get(0).closed).isFalse();
        lent.close();
        assertThat(opened.get(0).closed).isTrue();
        assertThatThrownBy(pool::borrow).hasMessageContaining("closed");
    }
}
