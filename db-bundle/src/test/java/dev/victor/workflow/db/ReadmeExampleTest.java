package dev.victor.workflow.db;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.db.internal.Databases;
import dev.victor.workflow.db.internal.DbSource;
import dev.victor.workflow.db.internal.JdbcCheckpointStore;
import dev.victor.workflow.db.internal.command.DbCommands;
import dev.victor.workflow.json.internal.JsonFormat;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.registry.internal.command.WorkflowCommands;
import dev.victor.workflow.spi.NodeServices;
import dev.victor.workflow.yaml.internal.YamlFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs what db-bundle/README.md shows: the plain-Java example and the shell session. */
class ReadmeExampleTest {

    @TempDir
    Path data;

    Path approvalFile() throws IOException {
        Path file = data.resolve("approval.yaml");
        try (InputStream in = getClass().getResourceAsStream("/workflows/approval.yaml")) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    @Test
    void plainJava() throws IOException {
        Path approvalYaml = approvalFile();
        DataSourceSettings settings = DataSourceSettings.h2File("default", data.resolve("workflows"));
        String threadId;

        // --- as in the README: the first process
        DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.create();
        registry.register(YamlFormat.NAME, new YamlFormat(), YamlFormat.MEDIA_TYPES, YamlFormat.EXTENSIONS);
        registry.register(JsonFormat.NAME, new JsonFormat(), JsonFormat.MEDIA_TYPES, JsonFormat.EXTENSIONS);
        try (WorkflowDatabase db = WorkflowDatabase.builder().dataSource(settings).build()) {
            db.registerWith(registry::register);                             // the db:// scheme
            db.put("approval", "yaml", Files.readString(approvalYaml));      // version 1

            CompiledGraph graph = registry.compile("db://approval");
            RunResult paused = graph.invoke(Map.of("version", 7, "bonus", 10),
                    RunConfig.defaults().checkpointStore(db.checkpointStore()));
            System.out.println(paused.status() + " " + paused.interrupt().prompt());
            threadId = paused.threadId();
            assertThat(paused.status()).isEqualTo(RunStatus.INTERRUPTED);
            assertThat(paused.interrupt().prompt()).isEqualTo("Ship Release 7 with 3 items?");
        }

        // --- as in the README: a later process
        DefaultWorkflowCompilerRegistry later = DefaultWorkflowCompilerRegistry.create();
        later.register(YamlFormat.NAME, new YamlFormat(), YamlFormat.MEDIA_TYPES, YamlFormat.EXTENSIONS);
        later.register(JsonFormat.NAME, new JsonFormat(), JsonFormat.MEDIA_TYPES, JsonFormat.EXTENSIONS);
        try (WorkflowDatabase db = WorkflowDatabase.builder().dataSource(settings).build()) {
            db.registerWith(later::register);
            RunResult done = later.compile("db://approval").resume(threadId,
                    Map.of("approved", true, "reviewer", "ana"),
                    RunConfig.withThreadId(threadId).checkpointStore(db.checkpointStore()));
            System.out.println(done.status() + " " + done.state().get("status"));
            assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(done.state().get("status")).isEqualTo("published by ana");
        }
    }

    /**
     * One runtime: a registry whose runs keep their checkpoints in the database (the compiler
     * plugins found by ServiceLoader, which db-put checks with, the YAML format and the db
     * source), and both sets of commands.
     */
    private record Runtime(Databases databases, WorkflowCommands workflow, DbCommands db) {
    }

    private Runtime runtime(Path dbFile) {
        Databases databases = new Databases(s -> () -> DriverManager.getConnection(s.url(), s.user(), s.password()));
        databases.put(DataSourceSettings.h2File("default", dbFile));
        JdbcCheckpointStore store = new JdbcCheckpointStore(databases.defaultDatabase());
        DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.builder()
                .discover(getClass().getClassLoader())
                .nodeServices(NodeServices.builder().checkpointStore(store).build())
                .build();
        registry.register(YamlFormat.NAME, new YamlFormat(), YamlFormat.MEDIA_TYPES, YamlFormat.EXTENSIONS);
        registry.register(new DbSource(databases), "db");
        return new Runtime(databases, new WorkflowCommands(registry), new DbCommands(databases, registry,
                Clock.systemUTC()));
    }

    @Test
    void shellSession() throws IOException {
        Path file = approvalFile();
        Path dbFile = data.resolve("victor-workflows");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        Runtime first = runtime(dbFile);
        out.println("g! workflow:db-put approval " + file);
        assertThat(first.db().execute("db-put", List.of("approval", file.toString()), out)).isZero();
        out.println("g! workflow:db-list");
        assertThat(first.db().execute("db-list", List.of(), out)).isZero();
        out.println("g! workflow:run db://approval '{\"version\": 7, \"bonus\": 10}'");
        assertThat(first.workflow().run("db://approval", "{\"version\": 7, \"bonus\": 10}", null, false, false, out))
                .isZero();
        Matcher thread = Pattern.compile("started approval \\(thread ([^)]+)\\)").matcher(printed.toString(StandardCharsets.UTF_8));
        assertThat(thread.find()).isTrue();
        String threadId = thread.group(1);
        out.println("g! workflow:db-threads");
        assertThat(first.db().execute("db-threads", List.of(), out)).isZero();
        first.databases().close();
        out.println("(the runtime stops, or is killed, and starts again)");

        Runtime second = runtime(dbFile);
        out.println("g! workflow:resume --uri db://approval " + threadId + " '{\"approved\": true, \"reviewer\": \"ana\"}'");
        assertThat(second.workflow().resume(threadId, "{\"approved\": true, \"reviewer\": \"ana\"}", "db://approval",
                null, false, out)).isZero();
        second.databases().close();

        String session = printed.toString(StandardCharsets.UTF_8);
        System.out.println(session);
        assertThat(session)
                .contains("Stored 'approval' version 1 (yaml, ")
                .contains("approval  1        yaml")
                .contains("? approve waits for approval: Ship Release 7 with 3 items?")
                .contains("finished INTERRUPTED")
                .contains(threadId + "  approval  approve")
                .contains("finished COMPLETED")
                .contains("\"status\":\"published by ana\"");
    }
}
