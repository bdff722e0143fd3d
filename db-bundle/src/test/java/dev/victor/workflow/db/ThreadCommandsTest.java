package dev.victor.workflow.db;

import dev.victor.workflow.db.internal.Databases;
import dev.victor.workflow.db.internal.DbSource;
import dev.victor.workflow.db.internal.JdbcCheckpointStore;
import dev.victor.workflow.db.internal.JsonValues;
import dev.victor.workflow.db.internal.command.DbCommands;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.registry.internal.command.ThreadCommands;
import dev.victor.workflow.registry.internal.command.WorkflowCommands;
import dev.victor.workflow.api.ResumeOptions;
import dev.victor.workflow.spi.NodeServices;
import dev.victor.workflow.yaml.internal.YamlFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands of thread history: pause ids in run and resume output, {@code --pause},
 * {@code --migrate}, {@code workflow:history}, {@code workflow:fork} and the age in
 * {@code workflow:db-threads}, on H2 and PostgreSQL.
 */
class ThreadCommandsTest {

    @TempDir
    Path data;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        return text;
    }

    private static Map<?, ?> lastJson(String text) {
        List<String> lines = text.lines().toList();
        return (Map<?, ?>) JsonValues.read(lines.get(lines.size() - 1));
    }

    @Test
    void h2() throws IOException {
        session(TestDatabases.h2File("default", data.resolve("db")));
    }

    @Test
    void postgres() throws IOException {
        session(TestDatabases.postgres("default"));
    }

    private void session(DataSourceSettings settings) throws IOException {
        Databases databases = new Databases(s -> () -> DriverManager.getConnection(s.url(), s.user(), s.password()));
        databases.put(settings);
        JdbcCheckpointStore store = new JdbcCheckpointStore(databases.defaultDatabase());
        DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.builder()
                .discover(getClass().getClassLoader())
                .nodeServices(NodeServices.builder().checkpointStore(store).build())
                .build();
        registry.register(YamlFormat.NAME, new YamlFormat(), YamlFormat.MEDIA_TYPES, YamlFormat.EXTENSIONS);
        registry.register(new DbSource(databases), "db");
        WorkflowCommands workflow = new WorkflowCommands(registry);
        ThreadCommands threads = new ThreadCommands(registry, workflow);
        DbCommands db = new DbCommands(databases, registry, Clock.systemUTC());
        try {
            Path file = data.resolve("release.yaml");
            Files.writeString(file, ThreadHistoryContract.releaseText());
            assertThat(db.execute("db-put", List.of("release", file.toString()), out)).isZero();
            printed();

            assertThat(workflow.run("db://release", "{\"version\": 3}", null, true, false, out)).isZero();
            String run = printed();
            Map<?, ?> interrupt = (Map<?, ?>) lastJson(run).get("interrupt");
            String thread = (String) lastJson(run).get("threadId");
            String approve = (String) interrupt.get("pause");
            assertThat(approve).isNotBlank();
            assertThat(run).contains("? approve waits for approval: Ship Release 3? (pause " + approve + ")")
                    .contains("waiting at pause " + approve + ": resume with  workflow:resume --pause " + approve
                            + " " + thread + " <response-json>");

            assertThat(db.execute("db-threads", List.of(), out)).isZero();
            assertThat(printed()).containsPattern("NODE +STATUS +DEADLINE +SAVED +AGE\n")
                    .containsPattern(thread + "  release   approve  waiting  \\S+ +\\S+ +\\d+s\n");

            assertThat(workflow.resume(thread, "true", null, null, ResumeOptions.none().pauseId(approve), true, out))
                    .isZero();
            String label = (String) ((Map<?, ?>) lastJson(printed()).get("interrupt")).get("pause");

            assertThat(workflow.resume(thread, "true", null, null, ResumeOptions.none().pauseId(approve), false, out))
                    .isEqualTo(1);
            assertThat(printed()).contains("error: thread '" + thread + "' no longer waits at pause '" + approve + "'")
                    .contains("it waits at pause '" + label + "' (node 'label'");

            assertThat(threads.history(thread, null, false, out)).isZero();
            assertThat(printed()).contains("thread " + thread + " of workflow release (db://release)")
                    .contains("STEP  STATUS   NODE     SAVED").containsPattern("1     waiting  approve  \\S+ +" + approve + "  -")
                    .containsPattern("2     resumed  approve  \\S+ +" + approve + "  true")
                    .containsPattern("3     waiting  label    \\S+ +" + label + "  -");
            assertThat(threads.history(thread, 3, true, out)).isZero();
            Map<?, ?> step3 = lastJson(printed());
            assertThat(step3.get("status")).isEqualTo("waiting");
            assertThat(step3.get("state")).isEqualTo(Map.of("version", 3L, "title", "Release 3", "approve", true, "_hitl_response", true));
            assertThat(step3.get("fingerprint")).asString().startsWith("sha256:");
            assertThat(threads.history(thread, 9, false, out)).isEqualTo(2);
            assertThat(printed()).contains("has no step 9; its steps: 1 to 3");
            assertThat(threads.history("nobody", null, false, out)).isEqualTo(1);

            assertThat(threads.fork(thread, 1, "{\"title\": \"Hotfix\"}", null, null, true, out)).isZero();
            String fork = printed();
            assertThat(fork).contains("Ship Hotfix?").contains("warning: forked from step 1 of thread '" + thread + "'");
            String copy = (String) lastJson(fork).get("threadId");
            assertThat(copy).isNotEqualTo(thread);
            assertThat(threads.fork(thread, 1, "[1]", null, null, false, out)).isEqualTo(2);
            assertThat(printed()).contains("the state patch must be a JSON object");

            Files.writeString(file, ThreadHistoryContract.releaseText().replace("\"published \"", "\"shipped \""));
            assertThat(db.execute("db-put", List.of("release", file.toString()), out)).isZero();
            printed();
            assertThat(workflow.resume(thread, "v3", null, null, false, out)).isEqualTo(1);
            assertThat(printed()).contains("cannot be resumed: workflow 'release' changed since the run paused")
                    .contains("--migrate");
            assertThat(workflow.resume(thread, "v3", null, null, ResumeOptions.none().migrate(true), true, out))
                    .isZero();
            String migrated = printed();
            assertThat(migrated).contains("warning: migrated: ").contains("finished COMPLETED");
            assertThat(lastJson(migrated).get("state")).asString().contains("shipped v3");
            assertThat(threads.history(thread, null, true, out)).isZero();
            assertThat((List<?>) lastJson(printed()).get("steps")).hasSize(5);
        } finally {
            databases.close();
        }
    }
}
