package dev.victor.workflow.launcher;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Lines from a terminal, read by JLine: line editing, a history kept in a file across sessions
 * (the up and down keys, Ctrl-R to search it), and Tab completion ({@link ShellCompleter}).
 * Ctrl-C at the prompt drops the line; while a command runs it runs the interrupt action.
 */
final class TerminalInput implements LineInput {

    private final Terminal terminal;
    private final LineReader reader;

    private TerminalInput(Terminal terminal, LineReader reader) {
        this.terminal = terminal;
        this.reader = reader;
    }

    /**
     * A reader on the process's terminal.
     *
     * @param history     the history file (its directory is created when missing)
     * @param historySize the lines it keeps
     */
    static TerminalInput open(ShellCompleter completer, Path history, int historySize) {
        Terminal terminal;
        try {
            terminal = TerminalBuilder.builder().system(true).nativeSignals(true).name("victor").build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal", e);
        }
        DefaultParser parser = new DefaultParser();
        // a backslash is Gogo's own business: JLine keeps it as typed
        parser.setEscapeChars(new char[0]);
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("victor").completer(completer)
                .parser(parser)
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.HISTORY_SIZE, historySize)
                .variable(LineReader.HISTORY_FILE_SIZE, historySize)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.INSERT_BRACKET, false)
                .build();
        return new TerminalInput(terminal, reader);
    }

    /** Whether the process reads from a terminal and writes to one. */
    static boolean available() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // JDK 22 and newer have a console even when redirected: it says whether it is a terminal
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public String readLine(String prompt) throws Cancelled {
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            throw new Cancelled();
        } catch (EndOfFileException e) {
            return null;
        }
    }

    @Override
    public void printAbove(String message) {
        reader.printAbove(message);
    }

    @Override
    public void onInterrupt(Runnable action) {
        terminal.handle(Terminal.Signal.INT, signal -> action.run());
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            terminal.writer().println("victor: cannot save the shell's history: " + e.getMessage());
        }
        try {
            terminal.close();
        } catch (IOException e) {
            // the process ends next
        }
    }
}
