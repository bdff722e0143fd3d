package dev.victor.workflow.api;

import java.util.List;

/** The source a URI names does not exist (no such file, row or URL). */
public class WorkflowSourceNotFoundException extends WorkflowException {
    private static final long serialVersionUID = 1L;
    private final String sourceName;

    public WorkflowSourceNotFoundException(String sourceName, String message) {
        super(message, List.of());
        this.sourceName = sourceName;
    }

    public WorkflowSourceNotFoundException(String sourceName, String message, Throwable cause) {
        super(message, List.of(), cause);
        this.sourceName = sourceName;
    }

    /** The path, URI or name that was not found. */
    public String sourceName() {
        return sourceName;
    }
}
