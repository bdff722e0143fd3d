package dev.victor.workflow.api;

/** How a run ended. */
public enum RunStatus {
    /** The run reached the end of a path. */
    COMPLETED,
    /** A node failed; {@link RunResult#error()} says which and why. */
    FAILED,
    /** The run stopped at a human-in-the-loop node and waits for {@code resume}. */
    INTERRUPTED,
    /** The run executed more nodes than {@code max_iterations} allows. */
    LIMIT_EXCEEDED,
    /** The workflow's time budget ran out. */
    TIMED_OUT,
    /** The caller cancelled the run (a closed stream, a cancelled future, an interrupt). */
    CANCELLED;

    /** True for {@link #INTERRUPTED}: the run can be resumed. */
    public boolean isResumable() {
        return this == INTERRUPTED;
    }
}
