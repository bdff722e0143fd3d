package dev.victor.workflow.db;

import dev.victor.workflow.api.AlreadyResumedException;
import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.HitlSignal;
import dev.victor.workflow.api.ResumeOptions;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.spi.Checkpoint;
import dev.victor.workflow.spi.CheckpointStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several runtimes on one database, each in its own JVM ({@link ResumeMain}): two processes and
 * this one race to answer one pause (this one with the deadline's fallback), and exactly one
 * continues; a process killed with SIGKILL in the middle of a resume loses nothing (the answer is
 * in the history) and nothing runs twice (a later resume is refused). H2 runs in its automatic
 * mixed mode (the first process serves the file to the others), PostgreSQL is the real one.
 */
class MultiProcessResumeTest {

    @TempDir
    Path directory;

    private DataSourceSettings h2Server() {
        DataSourceSettings file = TestDatabases.h2File("default", directory);
        return new DataSourceSettings(file.name(), file.url() + ";AUTO_SERVER=TRUE", file.user(), file.password(),
                file.table(), file.checkpointTable(), file.poolSize(), file.poolTimeout(), file.createSchema());
    }

    @Test
    void h2ResumesRacingInThreeProcessesOneWins() throws Exception {
        race(h2Server());
    }

    @Test
    void postgresResumesRacingInThreeProcessesOneWins() throws Exception {
        race(TestDatabases.postgres("default"));
    }

    @Test
    void h2AResumeKilledMidwayLosesNothingAndRunsNothingTwice() throws Exception {
        killMidResume(h2Server());
    }

    @Test
    void postgresAResumeKilledMidwayLosesNothingAndRunsNothingTwice() throws Exception {
        killMidResume(TestDatabases.postgres("default"));
    }

    private void race(DataSourceSettings settings) throws Exception {
        try (WorkflowDatabase db = WorkflowDatabase.builder().dataSource(settings).build()) {
            DefaultWorkflowCompilerRegistry registry = Registries.userRegistry();
            db.registerWith(registry::register);
            db.put("approval", "yaml", EndToEndTest.workflowText());
            CompiledGraph graph = registry.compile("db://approval");
            RunConfig durable = RunConfig.withThreadId("shared").checkpointStore(db.checkpointStore());
            RunResult paused = graph.invoke(EndToEndTest.input(), durable);
            String pause = paused.interrupt().id();

            Path go = directory.resolve("go");
            String answer = "{\"approved\": true, \"reviewer\": \"ana\"}";
            List<Process> racers = new ArrayList<>();
            List<BufferedReader> outs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Process racer = start(settings, "race", "shared", answer, pause, go.toString());
                racers.add(racer);
                outs.add(reader(racer));
            }
            for (int i = 0; i < 2; i++) {
                readLine(racers.get(i), outs.get(i), "READY");
            }
            Files.createFile(go);
            String mine;
            try {
                RunResult expired = graph.resume("shared", HitlSignal.EXPIRED, durable, ResumeOptions.none().pauseId(pause));
                mine = "STATUS " + expired.status();
            } catch (AlreadyResumedException refused) {
                mine = "ALREADY " + refused.getMessage();
            }
            List<String> outcomes = new ArrayList<>(List.of(mine));
            for (int i = 0; i < 2; i++) {
                outcomes.add(readLine(racers.get(i), outs.get(i), ""));
                assertThat(racers.get(i).waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(outcomes).as(String.join("\n", outcomes)).filteredOn(o -> o.startsWith("STATUS ")).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o.startsWith("ALREADY ")).hasSize(2)
                    .allSatisfy(o -> assertThat(o).contains("thread 'shared'").contains("nothing was changed"));

            List<Checkpoint> history = db.checkpointStore().history("shared");
            assertThat(history).extracting(Checkpoint::status).containsExactly(CheckpointStatus.WAITING,
                    CheckpointStatus.RESUMED, mine.startsWith("STATUS ") ? CheckpointStatus.FAILED
                            : CheckpointStatus.COMPLETED);
        }
    }

    private void killMidResume(DataSourceSettings settings) throws Exception {
        String threadId;
        try (WorkflowDatabase db = WorkflowDatabase.builder().dataSource(settings).build()) {
            DefaultWorkflowCompilerRegistry registry = Registries.userRegistry();
            db.registerWith(registry::register);
            db.put("approval", "yaml", EndToEndTest.workflowText());
            db.put("hold", "yaml", holdText());
            RunResult paused = registry.compile("db://hold").invoke(java.util.Map.of(),
                    RunConfig.defaults().checkpointStore(db.checkpointStore()));
            assertThat(paused.status()).isEqualTo(RunStatus.INTERRUPTED);
            threadId = paused.threadId();
        }

        Process holder = start(settings, "hold", threadId);
        readLine(holder, reader(holder), "HOLDING");
        holder.destroyForcibly();
        assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(holder.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

        Process late = start(settings, "race", threadId, "true", "-", directory.toString());
        BufferedReader lateOut = reader(late);
        readLine(late, lateOut, "READY");
        String outcome = readLine(late, lateOut, "");
        assertThat(late.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(outcome).startsWith("ALREADY ");

        try (WorkflowDatabase db = WorkflowDatabase.builder().dataSource(settings).build()) {
            Checkpoint claimed = db.checkpointStore().load(threadId).orElseThrow();
            assertThat(claimed.status()).isEqualTo(CheckpointStatus.RESUMED);
            assertThat(claimed.response()).as("the answer survives the kill").isEqualTo(true);
            assertThat(db.checkpointStore().history(threadId)).extracting(Checkpoint::status)
                    .containsExactly(CheckpointStatus.WAITING, CheckpointStatus.RESUMED);
        }
    }

    static String holdText() {
        try (InputStream in = MultiProcessResumeTest.class.getResourceAsStream("/workflows/hold.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** The next line starting with the prefix, waiting at most a minute. */
    private String readLine(Process process, BufferedReader out, String prefix) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String line = out.readLine();
            if (line == null) {
                throw new AssertionError("the process ended before printing '" + prefix + "'; it printed: " + seen
                        + errorsOf());
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
