package dev.victor.workflow.distribution.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interactive shell of {@code bin/victor} on a pseudo-terminal (util-linux {@code script}), as
 * a person types into it: JLine's line editing, the history kept across sessions in a file, Tab
 * completion of commands, options and file paths, and Ctrl-C (the terminal's interrupt character)
 * cancelling the running command while the shell stays.
 */
class TerminalShellIT {
    private static final long WAIT_SECONDS = 60;
    /** The up key, as a terminal in application mode (which JLine sets) sends it. */
    private static final String UP = "\033OA";
    private static final String CTRL_C = "\003";
    private static final String CTRL_U = "\025";

    @TempDir
    Path dir;

    private final List<Process> shells = new ArrayList<>();
    private Process shell;
    private OutputStream keyboard;
    private StringBuffer screen;

    @AfterEach
    void close() throws InterruptedException {
        for (Process process : shells) {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
            }
        }
    }

    /** Opens bin/victor on a terminal of 200 columns, its history in the test's directory. */
    private void open() throws IOException {
        Path history = dir.resolve("history");
        ProcessBuilder builder = new ProcessBuilder("script", "-qfec",
                "stty cols 200 rows 50; exec '" + Victor.home().resolve("bin/victor") + "'", "/dev/null")
                .directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("VICTOR_JAVA_OPTS", "-Dvictor.shell.history=" + history);
        builder.environment().put("TERM", "xterm");
        shell = builder.start();
        shells.add(shell);
        keyboard = shell.getOutputStream();
        StringBuffer output = new StringBuffer();
        screen = output;
        Process process = shell;
        Thread reader = new Thread(() -> copy(process.getInputStream(), output), "terminal output");
        reader.setDaemon(true);
        reader.start();
        awaitScreen("victor> ", 1);
    }

    private static void copy(InputStream in, StringBuffer output) {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the terminal closed
        }
    }

    private void press(String keys) throws IOException {
        keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    /** Waits (a guard against a hang, not a measurement) until the screen shows {@code text} {@code times} times. */
    private void awaitScreen(String text, int times) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (count(screen.toString(), text) < times) {
            assertThat(System.nanoTime()).as("waiting for %s x%d; the terminal shows:%n%s", text, times, tail())
                    .isLessThan(deadline);
            assertThat(shell.isAlive()).as("the shell is still running; the terminal shows:%n%s", tail()).isTrue();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    private String tail() {
        String all = screen.toString();
        return all.substring(Math.max(0, all.length() - 3000));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private void exit() throws IOException, InterruptedException {
        leave("exit\r");
    }

    private void leave(String keys) throws IOException, InterruptedException {
        press(keys);
        assertThat(shell.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as(tail()).isTrue();
        assertThat(shell.exitValue()).as(tail()).isZero();
    }

    @Test
    void theHistoryIsKeptAcrossSessions() throws Exception {
        open();
        press("cache\r");
        awaitScreen("hit rate:", 1);
        leave("\004"); // Ctrl-D: the end of the input, which the history does not keep
        assertThat(Files.readString(dir.resolve("history"))).contains("cache");

        open();
        assertThat(screen.toString()).doesNotContain("hit rate:");
        press(UP + "\r"); // the previous session's last command, run again
        awaitScreen("hit rate:", 1);
        exit();
    }

    @Test
    void tabCompletesCommandsOptionsAndFilePaths() throws Exception {
        Path flows = Files.createDirectories(dir.resolve("flows"));
        Files.writeString(flows.resolve("greeting-flow.yaml"), """
                workflows:
                  greet:
                    nodes:
                      - id: hello
                        type: transform
                        transform: "greeting = 'hi'"
                        next: []
                """);
        open();
        press("sche\t\r"); // schemes
        awaitScreen("SCHEME", 1);

        press("run --dry\t"); // --dry-run
        awaitScreen("--dry-run", 1);
        press(CTRL_U);

        press("validate flows/greet\t\r"); // flows/greeting-flow.yaml
        awaitScreen("flows/greeting-flow.yaml is valid", 1);
        exit();
    }

    @Test
    void ctrlCCancelsTheRunningCommandAndTheShellStays() throws Exception {
        Files.writeString(dir.resolve("spin.yaml"), Victor.SPIN_WORKFLOW);
        open();
        press("run spin.yaml\r");
        awaitScreen("started spin", 1);
        press(CTRL_C);
        awaitScreen("finished CANCELLED", 1);
        press("echo still-here\r");
        awaitScreen("still-here", 2);
        int prompts = count(screen.toString(), "victor> ");
        press("echo dropped");
        awaitScreen("echo dropped", 1);
        press(CTRL_C); // at the prompt: the line is dropped, the shell stays
        awaitScreen("victor> ", prompts + 1);
        press("echo after-ctrl-c\r");
        awaitScreen("after-ctrl-c", 2);
        assertThat(screen.toString()).doesNotContain("\ndropped");
        exit();
    }
}
