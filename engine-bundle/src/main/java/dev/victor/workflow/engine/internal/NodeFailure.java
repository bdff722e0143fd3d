package dev.victor.workflow.engine.internal;

/**
 * A node failed for a reason the engine found (a missing handler, a timeout, a rejected
 * review, ...) or wrapped (a handler's exception). The message is complete and names the node.
 */
public final class NodeFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final String kind;
    private final boolean retryable;

    public NodeFailure(String message, String kind, Throwable cause, boolean retryable) {
        super(message, cause, false, false);
        this.kind = kind;
        this.retryable = retryable;
    }

    /** A failure that retrying would not mend (a missing service, a rejection). */
    public static NodeFailure permanent(String message, String kind) {
        return new NodeFailure(message, kind, null, false);
    }

    /** The kind reported in {@code RunError.type}. */
    public String kind() {
        return kind;
    }

    public boolean retryable() {
        return retryable;
    }
}
