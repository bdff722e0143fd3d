package dev.victor.workflow.api;

import java.util.List;

/**
 * The source exists, or may exist, but could not be read: an I/O failure, a timeout, a server
 * error. Distinct from invalid content, so that a registry may serve a last good compile.
 */
public class WorkflowSourceUnavailableException extends WorkflowException {
    private static final long serialVersionUID = 1L;
    private final String sourceName;

    public WorkflowSourceUnavailableException(String sourceName, String message, Throwable cause) {
        super(message, List.of(), cause);
        this.sourceName = sourceName;
    }

    public String sourceName() {
        return sourceName;
    }
}
