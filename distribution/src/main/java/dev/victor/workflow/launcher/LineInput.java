package dev.victor.workflow.launcher;

/** Where the interactive shell reads its lines: a terminal with line editing, or plain input. */
interface LineInput extends AutoCloseable {

    /**
     * Reads one line after showing the prompt.
     *
     * @return the line, or {@code null} at the end of the input (Ctrl-D)
     * @throws Cancelled when Ctrl-C was typed at the prompt (the line is dropped)
     */
    String readLine(String prompt) throws Cancelled;

    /** Prints a message without breaking the line being typed (above it, on a terminal). */
    void printAbove(String message);

    /** Sets what Ctrl-C does while a command runs (not while a line is typed). */
    void onInterrupt(Runnable action);

    @Override
    void close();

    /** Ctrl-C at the prompt. */
    final class Cancelled extends Exception {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("cancelled", null, false, false);
        }
    }
}
