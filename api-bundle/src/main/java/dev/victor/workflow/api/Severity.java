package dev.victor.workflow.api;

/** How serious a {@link Problem} is. */
public enum Severity {
    /** The workflow cannot be compiled or run as written. */
    ERROR,
    /** The workflow runs, but probably not as its author meant. */
    WARNING
}
