package dev.victor.workflow.api;

/**
 * A resume that came too late: another resume (in this process or another one sharing the
 * store), or the deadline's fallback, answered the pause first, or the run has moved on to a
 * later pause than the one the answer names. The thread and its checkpoints are left as they were.
 * A {@link NoSuchThreadException}: the thread has no pause pending for this answer.
 */
public class AlreadyResumedException extends NoSuchThreadException {
    private static final long serialVersionUID = 1L;
    private final String pauseId;

    /**
     * @param threadId the thread
     * @param pauseId  the pause the refused answer was for, or {@code null} when it named none
     */
    public AlreadyResumedException(String threadId, String pauseId, String message) {
        super(threadId, message);
        this.pauseId = pauseId;
    }

    /** The pause the refused answer was for; {@code null} when the resume named none. */
    public String pauseId() {
        return pauseId;
    }
}
