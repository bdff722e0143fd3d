package dev.victor.workflow.distribution.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interactive shell of {@code bin/victor}, typed into through a pipe: Ctrl-C (SIGINT, sent as a
 * terminal sends it) cancels the command that runs and leaves the runtime and its shell running,
 * and the shell keeps nothing per command.
 */
class InteractiveShellIT {
    private static final String PROMPT = "victor> ";
    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path dir;

    private Process shell;
    private OutputStream input;
    private final StringBuffer output = new StringBuffer();

    @BeforeEach
    void open() throws IOException {
        shell = new ProcessBuilder(Victor.home().resolve("bin/victor").toString()).directory(dir.toFile())
                .redirectErrorStream(true).start();
        input = shell.getOutputStream();
        Thread reader = new Thread(() -> copy(shell.getInputStream()), "shell output");
        reader.setDaemon(true);
        reader.start();
        awaitOutput(PROMPT);
    }

    @AfterEach
    void close() throws InterruptedException {
        if (shell.isAlive()) {
            shell.destroyForcibly();
            shell.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void copy(InputStream in) {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the shell ended
        }
    }

    private void type(String line) throws IOException {
        input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        input.flush();
    }

    /** Waits (a guard against a hang, not a measurement) until the output holds {@code text} {@code times} times. */
    private void awaitOutput(String text, int times) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (count(output.toString(), text) < times) {
            assertThat(System.nanoTime()).as("waiting for %s x%d; the shell wrote:%n%s", text, times, tail())
                    .isLessThan(deadline);
            assertThat(shell.isAlive()).as("the shell is still running; it wrote:%n%s", tail()).isTrue();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    private void awaitOutput(String text) {
        awaitOutput(text, 1);
    }

    private String tail() {
        String all = output.toString();
        return all.substring(Math.max(0, all.length() - 2000));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private void interrupt() throws IOException, InterruptedException {
        // bin/victor execs java: the process is the runtime, as a terminal's Ctrl-C reaches it
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(shell.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    @Test
    void ctrlCCancelsTheRunningCommandAndTheShellStays() throws Exception {
        Path spin = Files.writeString(dir.resolve("spin.yaml"), Victor.SPIN_WORKFLOW);
        type("run " + spin);
        awaitOutput("started spin");
        interrupt();
        awaitOutput("finished CANCELLED");
        type("schemes");
        type("echo schemes-done");
        awaitOutput("schemes-done\n" + PROMPT);
        // at the prompt: a new line and the prompt again, nothing else. The signal reaches the JVM's
        // handler some time after kill returns: wait for its new line before typing on, so that a
        // late Ctrl-C is not taken for one aimed at the next command
        interrupt();
        awaitOutput("schemes-done\n" + PROMPT + "\n" + PROMPT);
        type("echo still-here");
        awaitOutput("still-here");
        input.close();
        assertThat(shell.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(shell.exitValue()).as(tail()).isZero();
    }

    @Test
    void theShellKeepsNoJobPerCommand() throws Exception {
        int commands = 300;
        for (int i = 0; i < commands; i++) {
            type("echo line-" + i + "-done");
        }
        awaitOutput("line-" + (commands - 1) + "-done");
        Process histogram = new ProcessBuilder("jcmd", Long.toString(shell.pid()), "GC.class_histogram")
                .redirectErrorStream(true).start();
        String text = new String(histogram.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(histogram.waitFor()).as(text).isZero();
        assertThat(live(text, "org.apache.felix.gogo.runtime.CommandSessionImpl$JobImpl"))
                .as("Gogo jobs alive after %d commands", commands).isLessThan(10);
        input.close();
        assertThat(shell.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    /** The instances of a class in a class histogram (0 when it is not listed). */
    private static long live(String histogram, String className) {
        Matcher row = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+" + Pattern.quote(className) + "\\b",
                Pattern.MULTILINE).matcher(histogram);
        return row.find() ? Long.parseLong(row.group(1)) : 0;
    }
}
