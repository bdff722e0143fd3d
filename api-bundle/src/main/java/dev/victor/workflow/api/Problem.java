package dev.victor.workflow.api;

import java.util.Objects;

/**
 * One thing wrong with a workflow source, located as precisely as the reader could.
 *
 * @param severity error or warning
 * @param message  what is wrong, in words a workflow author understands
 * @param source   the file, URI or other name of the source; {@code null} when unknown
 * @param workflow the workflow's name; {@code null} when the problem is not inside one
 * @param node     the node id; {@code null} when the problem is not inside a node
 * @param path     the path inside the document tree, such as {@code workflows.build.nodes[2].next};
 *                 {@code null} when unknown
 * @param line     1-based line in the source; 0 when unknown
 * @param column   1-based column in the source; 0 when unknown
 */
public record Problem(Severity severity, String message, String source, String workflow, String node,
                      String path, int line, int column) {

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Problem error(String message) {
        return new Problem(Severity.ERROR, message, null, null, null, null, 0, 0);
    }

    public static Problem warning(String message) {
        return new Problem(Severity.WARNING, message, null, null, null, null, 0, 0);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public Problem withSource(String newSource) {
        return new Problem(severity, message, newSource, workflow, node, path, line, column);
    }

    public Problem withWorkflow(String newWorkflow) {
        return new Problem(severity, message, source, newWorkflow, node, path, line, column);
    }

    public Problem withNode(String newNode) {
        return new Problem(severity, message, source, workflow, newNode, path, line, column);
    }

    public Problem withPath(String newPath) {
        return new Problem(severity, message, source, workflow, node, newPath, line, column);
    }

    public Problem at(int newLine, int newColumn) {
        return new Problem(severity, message, source, workflow, node, path, newLine, newColumn);
    }

    /**
     * One line for people: {@code file.yaml:12:7: error: workflow 'build', node 'check': message}.
     */
    public String format() {
        StringBuilder text = new StringBuilder();
        if (source != null) {
            text.append(source);
            if (line > 0) {
                text.append(':').append(line);
                if (column > 0) {
                    text.append(':').append(column);
                }
            }
            text.append(": ");
        } else if (line > 0) {
            text.append("line ").append(line);
            if (column > 0) {
                text.append(", column ").append(column);
            }
            text.append(": ");
        }
        text.append(severity == Severity.ERROR ? "error: " : "warning: ");
        if (workflow != null) {
            text.append("workflow '").append(workflow).append('\'');
            text.append(node != null ? ", " : ": ");
        }
        if (node != null) {
            text.append("node '").append(node).append("': ");
        }
        return text.append(message).toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
