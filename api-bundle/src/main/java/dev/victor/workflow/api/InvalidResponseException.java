package dev.victor.workflow.api;

/**
 * {@code resume} was given an answer that the human-in-the-loop node does not accept (an approval
 * that is not a boolean, a choice that is not listed, an empty input). Nothing happened: the
 * thread still waits at that node, its checkpoint untouched, and may be resumed with a good answer.
 */
public class InvalidResponseException extends WorkflowException {
    private static final long serialVersionUID = 1L;
    private final String threadId;
    private final String nodeId;

    public InvalidResponseException(String threadId, String nodeId, String message) {
        super(message);
        this.threadId = threadId;
        this.nodeId = nodeId;
    }

    public String threadId() {
        return threadId;
    }

    /** The node that waits for the answer. */
    public String nodeId() {
        return nodeId;
    }
}
