package dev.victor.workflow.json.internal;

import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.Severity;

import java.util.List;

/** Builds the located errors this plugin reports itself (the kernel reports the rest). */
final class Problems {
    private Problems() {
    }

    static Problem error(String message, String source, int line, int column) {
        return new Problem(Severity.ERROR, message, source, null, null, null, Math.max(line, 0), Math.max(column, 0));
    }

    static InvalidWorkflowException invalid(String message, String source, int line, int column) {
        return invalid(message, source, line, column, null);
    }

    static InvalidWorkflowException invalid(String message, String source, int line, int column, Throwable cause) {
        return new InvalidWorkflowException(headline(source), List.of(error(message, source, line, column)), cause);
    }

    static String headline(String source) {
        return source == null ? "Invalid workflow JSON" : "Invalid workflow JSON in " + source;
    }
}
