package dev.victor.workflow.db.internal;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * The {@link DataSource} HikariCP opens its connections from: a {@link ConnectionSource}. Its
 * {@code toString} (which HikariCP may log) is the datasource's description, never the password;
 * the source's failures reach HikariCP (and its log) already without it.
 */
final class SourceDataSource implements DataSource {

    private final ConnectionSource source;
    private final String description;
    private volatile int loginTimeout;

    SourceDataSource(ConnectionSource source, String description) {
        this.source = source;
        this.description = description;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return source.open();
    }

    /** HikariCP is given no user: the source logs in with the datasource's own. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("The connections of " + description + " log in with its own user");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // nothing is written
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return description;
    }
}
