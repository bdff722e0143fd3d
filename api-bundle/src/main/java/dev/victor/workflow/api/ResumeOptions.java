package dev.victor.workflow.api;

/**
 * How a resume checks what it answers.
 *
 * @param pauseId the pause the answer is for ({@link Interrupt#id()}); the resume is refused with
 *                {@link AlreadyResumedException} when the thread no longer waits at that pause.
 *                {@code null}: whichever pause is pending
 * @param migrate continue a run whose workflow changed since it paused, when the paused node still
 *                exists; otherwise such a resume is refused with {@link DefinitionChangedException}
 */
public record ResumeOptions(String pauseId, boolean migrate) {
    private static final ResumeOptions NONE = new ResumeOptions(null, false);

    /** No pause named, no migration. */
    public static ResumeOptions none() {
        return NONE;
    }

    public ResumeOptions pauseId(String newPauseId) {
        return new ResumeOptions(newPauseId, migrate);
    }

    public ResumeOptions migrate(boolean newMigrate) {
        return new ResumeOptions(pauseId, newMigrate);
    }
}
