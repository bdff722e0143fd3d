package dev.victor.workflow.spi;

import dev.victor.workflow.api.RunStatus;

import java.util.Locale;

/** What a checkpoint of a thread's history records. */
public enum CheckpointStatus {
    /** The run paused at a human-in-the-loop node and waits for an answer. */
    WAITING,
    /** The pause was answered (or its deadline's fallback applied): one resume owns the run now. */
    RESUMED,
    /** The run ended: it reached the end. */
    COMPLETED,
    /** The run ended: a node failed. */
    FAILED,
    /** The run ended: too many node executions. */
    LIMIT_EXCEEDED,
    /** The run ended: out of time. */
    TIMED_OUT,
    /** The run ended: cancelled. */
    CANCELLED;

    /** True once the run has ended (nothing can resume it). */
    public boolean isFinal() {
        return this != WAITING && this != RESUMED;
    }

    /** The lower-case name used in tables and JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status named by {@link #label()} (or the constant's name). */
    public static CheckpointStatus of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }

    /** How a run that ended with this status is recorded; {@code INTERRUPTED} is {@link #WAITING}. */
    public static CheckpointStatus of(RunStatus status) {
        return status == RunStatus.INTERRUPTED ? WAITING : valueOf(status.name());
    }
}
