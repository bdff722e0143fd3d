package dev.victor.workflow.db.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pool on a real H2 database in memory. */
class ConnectionPoolTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    final String url = "jdbc:h2:mem:pool" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    final AtomicInteger opened = new AtomicInteger();
    ConnectionPool pool;

    ConnectionPool pool(int size, Duration timeout) {
        pool = new ConnectionPool(() -> {
            opened.incrementAndGet();
            return DriverManager.getConnection(url, "sa", "");
        }, "datasource 'test' (" + url + ")", "victor-db-test", size, timeout);
        return pool;
    }

    @AfterEach
    void close() {
        if (pool != null) {
            pool.close();
        }
    }

    static long session(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT SESSION_ID()")) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void returnedConnectionsAreLentAgain() throws SQLException {
        ConnectionPool pool = pool(2, Duration.ofSeconds(1));
        long first;
        try (ConnectionPool.Lease lease = pool.borrow()) {
            first = session(lease.connection());
        }
        try (ConnectionPool.Lease lease = pool.borrow()) {
            assertThat(session(lease.connection())).isEqualTo(first);
        }
        assertThat(opened).hasValue(1);
    }

    @Test
    void atMostSizeAreLentAndTheNextWaitsThenFailsNamingTheDatasource() throws SQLException {
        ConnectionPool pool = pool(2, Duration.ofMillis(300));
        ConnectionPool.Lease a = pool.borrow();
        ConnectionPool.Lease b = pool.borrow();
        long sessionOfA = session(a.connection());
        assertThatThrownBy(pool::borrow).isInstanceOf(SQLTransientConnectionException.class)
                .hasMessageContaining("All 2 connections of datasource 'test'")
                .hasMessageContaining("none was returned within 300 ms");
        a.close();
        a.close(); // a second close gives nothing back twice
        try (ConnectionPool.Lease c = pool.borrow()) {
            assertThat(session(c.connection())).isEqualTo(sessionOfA);
        }
        b.close();
        assertThat(pool.open()).isEqualTo(2);
    }

    @Test
    void aBrokenConnectionIsReplaced() throws SQLException {
        ConnectionPool pool = pool(1, Duration.ofSeconds(2));
        long first;
        try (ConnectionPool.Lease lease = pool.borrow()) {
            first = session(lease.connection());
            lease.broken();
        }
        try (ConnectionPool.Lease lease = pool.borrow()) {
            assertThat(session(lease.connection())).isNotEqualTo(first);
        }
        assertThat(opened).hasValue(2);
    }

    @Test
    void anOpenTransactionIsRolledBackWhenTheConnectionComesBack() throws SQLException {
        ConnectionPool pool = pool(1, Duration.ofSeconds(1));
        try (ConnectionPool.Lease lease = pool.borrow(); Statement statement = lease.connection().createStatement()) {
            statement.execute("CREATE TABLE t (x INT)");
        }
        try (ConnectionPool.Lease lease = pool.borrow(); Statement statement = lease.connection().createStatement()) {
            lease.connection().setAutoCommit(false);
            statement.execute("INSERT INTO t VALUES (1)");
        }
        try (ConnectionPool.Lease lease = pool.borrow(); Statement statement = lease.connection().createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM t")) {
            assertThat(lease.connection().getAutoCommit()).isTrue();
            count.next();
            assertThat(count.getInt(1)).isZero();
        }
    }

    @Test
    void aFailedStartFailsAtOnceWithTheReasonAndTheNextBorrowTriesAgain() throws SQLException {
        AtomicInteger attempts = new AtomicInteger();
        pool = new ConnectionPool(() -> {
            if (attempts.incrementAndGet() <= 3) {
                throw new SQLException("down", "08001");
            }
            return DriverManager.getConnection(url, "sa", "");
        }, "datasource 'test'", "victor-db-test", 1, Duration.ofSeconds(30));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(pool::borrow).isInstanceOf(SQLException.class).hasMessage("down");
        }
        try (ConnectionPool.Lease lease = pool.borrow()) {
            assertThat(lease.connection().isValid(1)).isTrue();
        }
    }

    @Test
    void closingLetsLentConnectionsFinishThenClosesThem() throws SQLException {
        ConnectionPool pool = pool(2, Duration.ofSeconds(1));
        ConnectionPool.Lease lent = pool.borrow();
        pool.close();
        assertThatThrownBy(pool::borrow).hasMessageContaining("closed").hasMessageContaining("datasource 'test'");
        assertThat(session(lent.connection())).as("the lent connection still works").isPositive();
        Connection connection = lent.connection();
        lent.close();
        assertThat(pool.open()).isZero();
        assertThat(connection.isClosed()).isTrue();
        try (Connection check = DriverManager.getConnection(url, "sa", "");
             Statement statement = check.createStatement();
             ResultSet sessions = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            sessions.next();
            assertThat(sessions.getInt(1)).as("only this check's session is left").isEqualTo(1);
        }
    }

    @Test
    void theDataSourceHikariCpIsGivenShowsNoPassword() throws SQLException {
        String secret = "Sup3r-Secret";
        dev.victor.workflow.db.DataSourceSettings settings = dev.victor.workflow.db.DataSourceSettings.of("vault",
                url + ";PASSWORD=" + secret, "sa", secret);
        try (Database database = new Database(settings, () -> DriverManager.getConnection(url, "sa", ""))) {
            SourceDataSource dataSource = new SourceDataSource(() -> DriverManager.getConnection(url, "sa", ""),
                    database.describe());
            assertThat(dataSource.toString()).contains("datasource 'vault'", "PASSWORD=***").doesNotContain(secret);
            try (Connection connection = dataSource.getConnection()) {
                assertThat(connection.toString()).doesNotContain(secret);
            }
            assertThatThrownBy(() -> dataSource.getConnection("other", secret)).hasMessageNotContaining(secret);
        }
    }
}
