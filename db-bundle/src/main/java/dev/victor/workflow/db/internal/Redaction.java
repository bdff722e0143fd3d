package dev.victor.workflow.db.internal;

import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Keeps passwords out of messages: a {@code password=} parameter of a JDBC URL, and the configured
 * password wherever a driver's message might repeat it.
 */
public final class Redaction {

    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password\\s*=\\s*)[^;&\\s,)\\]'\"]*");
    /** Shorter passwords are not searched for in messages (every "a" would become "***"). */
    private static final int MIN_SEARCHED_LENGTH = 4;

    private Redaction() {
    }

    /** The URL with every {@code password=value} parameter's value replaced by {@code ***}. */
    public static String url(String url) {
        return url == null ? null : URL_PASSWORD.matcher(url).replaceAll("$1***");
    }

    /** The text without the password (and without URL password parameters). */
    public static String text(String text, String password) {
        if (text == null) {
            return null;
        }
        String out = url(text);
        if (password != null && password.length() >= MIN_SEARCHED_LENGTH) {
            out = out.replace(password, "***");
        }
        return out;
    }

    /**
     * A copy of an SQL exception chain (its causes and next exceptions) with the password taken out
     * of every message, keeping the SQL states, error codes and stack traces. A message that held
     * no secret is kept as it is.
     */
    public static SQLException sqlException(SQLException e, String password) {
        return copy(e, password, 0);
    }

    private static SQLException copy(SQLException e, String password, int depth) {
        SQLException copy = new SQLException(text(e.getMessage(), password), e.getSQLState(), e.getErrorCode());
        copy.setStackTrace(e.getStackTrace());
        Throwable cause = e.getCause();
        if (cause != null && depth < 8) {
            copy.initCause(cause instanceof SQLException sql ? copy(sql, password, depth + 1) : other(cause, password));
        }
        SQLException next = e.getNextException();
        if (next != null && next != e && depth < 8) {
            copy.setNextException(copy(next, password, depth + 1));
        }
        return copy;
    }

    private static Throwable other(Throwable cause, String password) {
        String message = cause.getMessage();
        String clean = text(message, password);
        if (message == null || message.equals(clean)) {
            return cause;
        }
        RuntimeException copy = new RuntimeException(cause.getClass().getName() + ": " + clean);
        copy.setStackTrace(cause.getStackTrace());
        return copy;
    }
}
