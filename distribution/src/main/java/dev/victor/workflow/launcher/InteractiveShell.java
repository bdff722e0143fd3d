package dev.victor.workflow.launcher;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The interactive shell: reads a line, runs it in one Gogo session, prints its result, and again.
 *
 * <p>It replaces the Gogo shell bundle's console (that bundle still provides its commands) for two
 * reasons. That console runs each line as a child job of the long-running shell job, and Gogo keeps
 * every child of a job until the job ends, so each command was kept for good (about 50 KB each);
 * here each line is a job of its own, which Gogo forgets when it is done. And Ctrl-C (SIGINT) ended
 * the whole runtime; here it interrupts the command that runs (the runtime and its shell stay), or
 * starts a new line when none runs. {@code exit} or Ctrl-D (end of input) leave the shell. On a
 * terminal, lines are read by JLine ({@link TerminalInput}: editing, history, completion); from a
 * pipe, as plain lines ({@link PlainInput}).
 */
final class InteractiveShell {
    private static final String DEFAULT_PROMPT = "victor> ";

    private final GogoSession session;
    private final BundleContext context;
    private final Path profile;
    private final LineInput input;
    private final PrintStream err;
    private volatile Thread running;
    /** Orders a Ctrl-C against the start and the end of a command. */
    private final Object interruptLock = new Object();

    InteractiveShell(GogoSession session, BundleContext context, Path profile, LineInput input, PrintStream err) {
        this.session = session;
        this.context = context;
        this.profile = profile;
        this.input = input;
        this.err = err;
    }

    /** Runs until the input ends, {@code exit} is typed or the framework stops. */
    void run() {
        session.put(".context", context);
        if (Files.isRegularFile(profile)) {
            session.execute("source '" + profile.toUri() + "'", err);
        }
        input.onInterrupt(this::interrupt);
        while (frameworkRunning()) {
            String line;
            try {
                line = input.readLine(prompt());
            } catch (LineInput.Cancelled e) {
                continue;
            } catch (java.io.UncheckedIOException e) {
                err.println("victor: cannot read the input: " + e.getCause().getMessage());
                return;
            }
            if (line == null) {
                return;
            }
            if (line.isBlank()) {
                continue;
            }
            if (line.strip().equals("exit")) {
                return;
            }
            synchronized (interruptLock) {
                running = Thread.currentThread();
            }
            try {
                session.execute(line, err);
            } finally {
                // under the lock: a Ctrl-C at the command's very end interrupts it or nothing,
                // never the next command
                synchronized (interruptLock) {
                    running = null;
                    Thread.interrupted();
                }
            }
        }
    }

    /** Ctrl-C while a command runs: interrupts it. */
    void interrupt() {
        synchronized (interruptLock) {
            Thread command = running;
            if (command != null && !session.interruptForeground()) {
                command.interrupt();
            }
        }
    }

    boolean commandRunning() {
        return running != null;
    }

    private String prompt() {
        Object prompt = session.get("prompt");
        return prompt instanceof String text ? text : DEFAULT_PROMPT;
    }

    private boolean frameworkRunning() {
        try {
            return (context.getBundle(0).getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
