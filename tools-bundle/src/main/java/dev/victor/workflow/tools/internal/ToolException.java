package dev.victor.workflow.tools.internal;

/** A tool call that cannot be done: bad arguments, a refused path or address, a limit reached. */
final class ToolException extends Exception {
    private static final long serialVersionUID = 1L;

    ToolException(String message) {
        super(message);
    }

    ToolException(String message, Throwable cause) {
        super(message, cause);
    }
}
