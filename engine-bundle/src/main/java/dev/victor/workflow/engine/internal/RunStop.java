package dev.victor.workflow.engine.internal;

/**
 * Unwinds a run that must stop for a reason that is not the node's fault: the workflow's time
 * budget ran out, or the run was cancelled. Thrown through node code and caught by the run.
 */
public final class RunStop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason { TIMED_OUT, CANCELLED }

    private final Reason reason;

    private RunStop(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    public static RunStop timedOut() {
        return new RunStop(Reason.TIMED_OUT);
    }

    public static RunStop cancelled() {
        return new RunStop(Reason.CANCELLED);
    }

    public Reason reason() {
        return reason;
    }
}
