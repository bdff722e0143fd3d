package dev.victor.workflow.api;

/** {@code resume} named a thread that has no checkpoint in the store. */
public class NoSuchThreadException extends WorkflowException {
    private static final long serialVersionUID = 1L;
    private final String threadId;

    public NoSuchThreadException(String threadId, String message) {
        super(message);
        this.threadId = threadId;
    }

    public String threadId() {
        return threadId;
    }
}
