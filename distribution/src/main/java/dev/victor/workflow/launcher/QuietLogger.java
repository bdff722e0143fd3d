package dev.victor.workflow.launcher;

import org.apache.felix.framework.Logger;

import java.io.PrintStream;

/**
 * The framework's own log, on standard error instead of standard output, so that a command's
 * output is only the command's. Its level is {@code felix.log.level} (1: errors only).
 */
final class QuietLogger extends Logger {
    private final PrintStream err;

    QuietLogger(PrintStream err) {
        this.err = err;
    }

    @Override
    protected void doLogOut(int level, String message, Throwable throwable) {
        String label = switch (level) {
            case LOG_ERROR -> "ERROR";
            case LOG_WARNING -> "WARNING";
            case LOG_INFO -> "INFO";
            default -> "DEBUG";
        };
        err.println("victor: framework " + label + ": " + message);
        if (throwable != null && level <= LOG_WARNING) {
            err.println("  " + throwable);
        }
    }
}
