package dev.victor.workflow.launcher;

/**
 * Ctrl-C (SIGINT) for the interactive shell. The JDK's only way to handle a signal is
 * {@code sun.misc.Signal} (module {@code jdk.unsupported}); without it, or where the signal cannot
 * be handled, Ctrl-C keeps its default (the runtime stops, its shutdown hook closing the framework).
 */
final class Signals {
    private Signals() {
    }

    static void onInterrupt(Runnable action) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> action.run());
        } catch (IllegalArgumentException | LinkageError e) {
            // no SIGINT here (or it is reserved): Ctrl-C stops the runtime
        }
    }
}
