package dev.victor.workflow.distribution.it;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a command line through the framework's Gogo command processor, as the shell does. */
final class Gogo {

    /** What a command printed, and the exception it ended with (null when it succeeded). */
    record Outcome(String output, Throwable failure) {

        /** The exit status the command carries (0 when it succeeded). */
        int status() {
            if (failure == null) {
                return 0;
            }
            try {
                return (int) failure.getClass().getMethod("status").invoke(failure);
            } catch (ReflectiveOperationException e) {
                return -1;
            }
        }
    }

    private Gogo() {
    }

    static Outcome run(CommandProcessor processor, String commandLine) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        try (CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, out)) {
            Throwable failure = null;
            try {
                Object result = session.execute(commandLine);
                if (result != null) {
                    out.println(session.format(result, 0));
                }
            } catch (Exception e) {
                failure = e;
            }
            out.flush();
            return new Outcome(buffer.toString(StandardCharsets.UTF_8), failure);
        }
    }
}
