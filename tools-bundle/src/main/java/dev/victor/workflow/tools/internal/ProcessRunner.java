package dev.victor.workflow.tools.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program (never through a shell) in the workspace with a small environment, standard input
 * closed, standard error merged into the output, at most {@code maxOutputBytes} of output kept (the
 * rest is read and dropped), killed with its descendants after {@code timeout}.
 */
final class ProcessRunner {
    private final Path directory;
    private final Duration timeout;
    private final int maxOutputBytes;

    ProcessRunner(Path directory, Duration timeout, int maxOutputBytes) {
        this.directory = directory;
        this.timeout = timeout;
        this.maxOutputBytes = maxOutputBytes;
    }

    /** {exit_code, output, truncated, timed_out}. */
    Map<String, Object> run(String tool, List<String> command, Map<String, String> environment)
            throws ToolException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        String path = env.get("PATH");
        env.clear();
        env.put("PATH", path == null ? "/usr/local/bin:/usr/bin:/bin" : path);
        env.put("HOME", directory.toString());
        env.put("LANG", "C.UTF-8");
        env.putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ToolException(tool + ": cannot start '" + command.get(0) + "': " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // nothing to close
        }
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        boolean[] truncated = {false};
        Thread reader = new Thread(() -> drain(process.getInputStream(), kept, truncated), tool + "-output");
        reader.setDaemon(true);
        reader.start();
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            kill(process);
            throw interrupted;
        }
        if (!finished) {
            kill(process);
        }
        reader.join(TimeUnit.SECONDS.toMillis(5));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("exit_code", finished ? process.exitValue() : null);
        synchronized (kept) {
            result.put("output", kept.toString(StandardCharsets.UTF_8));
        }
        result.put("truncated", truncated[0]);
        result.put("timed_out", !finished);
        if (!finished) {
            result.put("note", "killed after " + timeout.toSeconds() + " s (timeout.seconds)");
        } else if (truncated[0]) {
            result.put("note", "output cut at " + maxOutputBytes + " bytes (max.output.bytes)");
        }
        return result;
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void drain(InputStream in, ByteArrayOutputStream kept, boolean[] truncated) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                synchronized (kept) {
                    int room = maxOutputBytes - kept.size();
                    if (n > room) {
                        truncated[0] = true;
                    }
                    if (room > 0) {
                        kept.write(buffer, 0, Math.min(room, n));
                    }
                }
            }
        } catch (IOException closed) {
            // the process was killed
        }
    }
}
