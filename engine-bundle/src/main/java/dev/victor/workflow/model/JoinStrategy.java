package dev.victor.workflow.model;

/** How a parallel node finishes. */
public enum JoinStrategy {
    /** Wait for every child; a failed child fails the node. */
    ALL,
    /** Finish on the first child that succeeds; cancel the rest. */
    ANY,
    /** Same as ANY. */
    FIRST,
    /** Wait for every child; merge maps deeply and concatenate lists. */
    MERGE
}
