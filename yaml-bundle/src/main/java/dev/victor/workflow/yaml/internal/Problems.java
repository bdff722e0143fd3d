package dev.victor.workflow.yaml.internal;

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

    /** An {@link InvalidWorkflowException} carrying one located error. */
    static InvalidWorkflowException invalid(String message, String source, int line, int column) {
        return invalid(message, source, line, column, null);
    }

    static InvalidWorkflowException invalid(String message, String source, int line, int column, Throwable cause) {
        Problem problem = error(message, source, line, column);
        return new InvalidWorkflowException(headline(source), List.of(problem), cause);
    }

    static String headline(String source) {
        return source == null ? "Invalid workflow YAML" : "Invalid workflow YAML in " + source;
    }
}
