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

    /**
     * Fails when the text is larger, in bytes of UTF-8, than {@code max} (counting stops a little
     * past the limit, so a huge text costs no more than the limit).
     *
     * @throws InvalidWorkflowException naming the limit
     */
    public static void checkSize(String text, String source, long max) {
        if (text.length() > max || utf8Length(text, max) > max) {
            throw invalid(tooLarge(max), source, 0, 0);
        }
    }

    private static long utf8Length(String text, long stopAfter) {
        long count = 0;
        for (int i = 0; i < text.length() && count <= stopAfter; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                count++;
            } else if (c < 0x800) {
                count += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                count += 4;
                i++;
            } else {
                count += 3;
            }
        }
        return count;
    }

    /** The message for a document over the size limit. */
    public static String tooLarge(long max) {
        String readable = max % (1024 * 1024) == 0 ? max / (1024 * 1024) + " MiB"
                : max % 1024 == 0 ? max / 1024 + " KiB" : max + " bytes";
        return "the document is larger than the limit of " + max + " bytes (" + readable + "); it was not read";
    }
}
