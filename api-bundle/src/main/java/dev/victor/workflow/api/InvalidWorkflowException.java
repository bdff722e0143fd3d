package dev.victor.workflow.api;

import java.util.List;

/** The source was found and read, but what it says is not a valid workflow. */
public class InvalidWorkflowException extends WorkflowException {
    private static final long serialVersionUID = 1L;

    public InvalidWorkflowException(String message, List<Problem> problems) {
        super(message, problems);
    }

    public InvalidWorkflowException(String message, List<Problem> problems, Throwable cause) {
        super(message, problems, cause);
    }
}
