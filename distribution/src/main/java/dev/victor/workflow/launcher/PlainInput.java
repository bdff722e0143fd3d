package dev.victor.workflow.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;

/**
 * Lines from input that is not a terminal (a pipe, a file): no editing, no history. Ctrl-C (a
 * SIGINT sent to the process) runs the interrupt action; at the prompt it starts a new line.
 */
final class PlainInput implements LineInput {

    private final BufferedReader reader;
    private final PrintStream out;
    private volatile String prompt = "";
    private volatile boolean reading;
    private volatile Runnable interrupt = () -> { };

    PlainInput(InputStream in, PrintStream out) {
        this.reader = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()));
        this.out = out;
        Signals.onInterrupt(this::interrupted);
    }

    private void interrupted() {
        if (reading) {
            out.println();
            out.print(prompt);
            out.flush();
        } else {
            interrupt.run();
        }
    }

    @Override
    public String readLine(String newPrompt) {
        prompt = newPrompt;
        out.print(newPrompt);
        out.flush();
        reading = true;
        try {
            String line = reader.readLine();
            if (line == null) {
                out.println();
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            reading = false;
        }
    }

    @Override
    public void printAbove(String message) {
        out.println();
        out.println(message);
        if (reading) {
            out.print(prompt);
        }
        out.flush();
    }

    @Override
    public void onInterrupt(Runnable action) {
        interrupt = action;
    }

    @Override
    public void close() {
        // standard input stays open: it is the process's
    }
}
