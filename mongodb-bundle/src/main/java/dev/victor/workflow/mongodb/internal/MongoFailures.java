package dev.victor.workflow.mongodb.internal;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;

/**
 * Turns the driver's exceptions into the workflow error family, each kind with a message of its
 * own naming the datasource, database and collection (never the password): unreachable, timed
 * out, credentials refused, not authorized, other server errors. The driver's exception is not
 * kept as the cause: its message and those of its causes are not redacted, and would reach logs
 * with the stack trace.
 */
final class MongoFailures {

    /** MongoDB's error code for an operation the user may not run. */
    private static final int UNAUTHORIZED = 13;

    private final MongoSettings settings;

    MongoFailures(MongoSettings settings) {
        this.settings = settings;
    }

    /**
     * @param action what was being done ("read workflow 'x'", "list the workflows", ...)
     * @param source the URI or name the exception is about
     */
    WorkflowException of(String action, String source, MongoException e) {
        String where = settings.where();
        if (e instanceof MongoSecurityException) {
            return new WorkflowException(settings.redact("MongoDB refused the credentials of datasource '"
                    + settings.name() + "' (" + settings.safeConnection() + ") trying to " + action));
        }
        if (e instanceof MongoCommandException command && command.getErrorCode() == UNAUTHORIZED) {
            return new WorkflowException(settings.redact("Not authorized to " + action + " in " + where + ": "
                    + command.getErrorMessage()));
        }
        if (e instanceof MongoTimeoutException || e instanceof MongoSocketReadTimeoutException) {
            return new WorkflowSourceUnavailableException(source, settings.redact("Timed out trying to " + action
                    + " in " + where + " at " + settings.safeConnection() + " (connect timeout "
                    + seconds(settings.connectTimeout().toMillis()) + ", read timeout "
                    + seconds(settings.readTimeout().toMillis()) + ")"), null);
        }
        if (e instanceof MongoSocketException) {
            return new WorkflowSourceUnavailableException(source, settings.redact("Cannot reach MongoDB to " + action
                    + " in " + where + " at " + settings.safeConnection() + ": " + e.getMessage()), null);
        }
        return new WorkflowSourceUnavailableException(source, settings.redact("MongoDB failed to " + action + " in "
                + where + ": " + e.getMessage()), null);
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }
}
