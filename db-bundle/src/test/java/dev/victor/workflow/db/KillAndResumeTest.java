package dev.victor.workflow.db;

import dev.victor.workflow.db.internal.JsonValues;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end across processes: a runtime stops at a human-in-the-loop node, is killed with SIGKILL
 * (no shutdown hook, no flush), and a new runtime resumes the thread from the database and ends
 * with the state of a run that was never interrupted. The workflow (transform, hitl, transform,
 * condition, transform) is read from the database in both processes.
 */
class KillAndResumeTest {

    @TempDir
    Path directory;

    @Test
    void h2File() throws Exception {
        killAndResume(TestDatabases.h2File("default", directory));
    }

    @Test
    void postgres() throws Exception {
        killAndResume(TestDatabases.postgres("default"));
    }

    private void killAndResume(DataSourceSettings settings) throws Exception {
        Map<String, Object> expected;
        try (WorkflowDatabase db = WorkflowDatabase.builder().dataSource(settings).build()) {
            DefaultWorkflowCompilerRegistry registry = EndToEndTest.registry();
            db.registerWith(registry::register);
            db.put("approval", "yaml", EndToEndTest.workflowText());
            expected = EndToEndTest.withoutRestart(registry.compile("db://approval"));
        }

        Process first = start(settings, "start", JsonValues.write(EndToEndTest.input(), "input"));
        BufferedReader firstOut = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
        String line = readLine(first, firstOut, "INTERRUPTED ");
        String threadId = line.substring("INTERRUPTED ".length());
        assertThat(first.isAlive()).as("the first runtime waits, as a server would").isTrue();
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

        Process second = start(settings, "resume", threadId, JsonValues.write(EndToEndTest.response(), "response"));
        BufferedReader secondOut = new BufferedReader(new InputStreamReader(second.getInputStream(), StandardCharsets.UTF_8));
        String status = readLine(second, secondOut, "STATUS ");
        String state = readLine(second, secondOut, "STATE ");
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(status).isEqualTo("STATUS COMPLETED");
        assertThat(second.exitValue()).isZero();
        assertThat(JsonValues.read(state.substring("STATE ".length()))).isEqualTo(EndToEndTest.asJson(expected));

        try (WorkflowDatabase db = WorkflowDatabase.builder().dataSource(settings).build()) {
            assertThat(db.checkpointStore().load(threadId)).as("the finished run's checkpoint is gone").isEmpty();
        }
    }

    private Process start(DataSourceSettings settings, String... arguments) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), ResumeMain.class.getName(),
                settings.url(), settings.user(), settings.password(), settings.table(), settings.checkpointTable()));
        command.addAll(List.of(arguments));
        Path errors = Files.createTempFile(directory, arguments[0], ".err");
        return new ProcessBuilder(command).redirectError(errors.toFile()).start();
    }

    /** The next line starting with the prefix, waiting at most a minute. */
    private String readLine(Process process, BufferedReader out, String prefix) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String line = out.readLine();
            if (line == null) {
                throw new AssertionError("the process ended (" + (process.isAlive() ? "?" : process.exitValue())
                        + ") before printing '" + prefix + "'; it printed: " + seen + errorsOf());
            }
            if (line.startsWith(prefix)) {
                return line;
            }
            seen.append(line).append('\n');
        }
        process.destroyForcibly();
        throw new AssertionError("no '" + prefix + "' within a minute; printed: " + seen);
    }

    private String errorsOf() throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".err")).toList()) {
                all.append("\n--- ").append(file.getFileName()).append(":\n").append(Files.readString(file));
            }
        }
        return all.toString();
    }
}
