package dev.victor.workflow.model;

/** What a human-in-the-loop node does when nobody answers in time. */
public enum HitlFallback {
    /** Fail the run. */
    ABORT,
    /** Go on with {@code default_value} as the response. */
    CONTINUE,
    /** Go on without a response. */
    SKIP,
    /** Ask again. */
    RETRY
}
