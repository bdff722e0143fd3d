package dev.victor.workflow.kernel.source;

import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.Severity;

import java.util.List;

/** Located errors about a document as a whole (its bytes, its size, where it may be read from). */
public final class DocumentProblems {
    private DocumentProblems() {
    }

    /** An error at a line and column of a source (0 when unknown). */
    public static Problem error(String message, String source, int line, int column) {
        return new Problem(Severity.ERROR, message, source, null, null, null, Math.max(line, 0), Math.max(column, 0));
    }

    /** An {@link InvalidWorkflowException} carrying one located error. */
    public static InvalidWorkflowException invalid(String message, String source, int line, int column) {
        return invalid(message, source, line, column, null);
    }

    public static InvalidWorkflowException invalid(String message, String source, int line, int column,
                                                   Throwable cause) {
        String headline = source == null ? "Invalid workflow document" : "Invalid workflow document " + source;
        return new InvalidWorkflowException(headline, List.of(error(message, source, line, column)), cause);
    }

    /** The message for a document over the size limit. */
    public static String tooLarge(long max) {
        String readable = max % (1024 * 1024) == 0 ? max / (1024 * 1024) + " MiB"
                : max % 1024 == 0 ? max / 1024 + " KiB" : max + " bytes";
        return "the document is larger than the limit of " + max + " bytes (" + readable + "); it was not read";
    }
}
