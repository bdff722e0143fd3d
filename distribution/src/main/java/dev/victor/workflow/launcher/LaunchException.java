package dev.victor.workflow.launcher;

/** The runtime could not be started, or a command could not be run: a message for the user and an exit status. */
final class LaunchException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    LaunchException(String message, int status) {
        super(message);
        this.status = status;
    }

    LaunchException(String message, Throwable cause) {
        super(message, cause);
        this.status = 1;
    }

    int status() {
        return status;
    }
}
