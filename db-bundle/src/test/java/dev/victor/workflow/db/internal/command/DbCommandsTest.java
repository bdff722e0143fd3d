package dev.victor.workflow.db.internal.command;

import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.db.DataSourceSettings;
import dev.victor.workflow.db.Registries;
import dev.victor.workflow.db.TestDatabases;
import dev.victor.workflow.db.internal.Databases;
import dev.victor.workflow.db.internal.DbSource;
import dev.victor.workflow.db.internal.JdbcCheckpointStore;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The db commands' logic with the real yaml and json plugins, on H2 in memory. */
class DbCommandsTest {

    @TempDir
    Path files;

    DataSourceSettings settings;
    Databases databases;
    DefaultWorkflowCompilerRegistry registry;
    DbCommands commands;
    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @BeforeEach
    void setUp() {
        settings = TestDatabases.h2Memory("default");
        databases = new Databases(s -> () -> DriverManager.getConnection(s.url(), s.user(), s.password()));
        databases.put(settings);
        registry = Registries.userRegistry();
        registry.register(new DbSource(databases), "db");
        commands = new DbCommands(databases, registry, Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        databases.close();
    }

    String printed() {
        String text = printed.toString(StandardCharsets.UTF_8);
        printed.reset();
        return text;
    }

    int run(String... words) {
        return commands.execute(words[0], Arrays.asList(words).subList(1, words.length), out);
    }

    Path approval() throws IOException {
        Path file = files.resolve("approval.yaml");
        try (InputStream in = getClass().getResourceAsStream("/workflows/approval.yaml")) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    @Test
    void putStoresANewVersionEachTimeAndTheWorkflowRunsFromTheDatabase() throws IOException {
        Path file = approval();
        assertThat(run("db-put", "approval", file.toString())).isZero();
        assertThat(printed()).contains("Stored 'approval' version 1 (yaml, ").contains("compile it as db://approval");
        assertThat(run("db-put", "approval", file.toUri().toString())).isZero();
        assertThat(printed()).contains("version 2");
        assertThat(run("db-put", "approval", "yaml://" + file)).isZero();
        assertThat(printed()).contains("version 3");

        RunResult paused = registry.compile("db://approval").invoke(Map.of("version", 1, "bonus", 0),
                RunConfig.withThreadId("t-1").checkpointStore(new JdbcCheckpointStore(databases.defaultDatabase())));
        assertThat(paused.status()).isEqualTo(RunStatus.INTERRUPTED);

        assertThat(run("db-list")).isZero();
        assertThat(printed()).isEqualTo("""
                NAME      VERSION  FORMAT  UPDATED
                approval  3        yaml    2026-01-02T03:04:05Z
                """);
        assertThat(run("db-threads")).isZero();
        assertThat(printed()).startsWith("THREAD  WORKFLOW  NODE     STATUS   DEADLINE")
                .containsPattern("t-1     approval  approve  waiting  \\S+ +\\S+ +0s\n");
    }

    @Test
    void anAgeIsItsTwoLargestUnits() {
        assertThat(DbCommands.age(Duration.ofSeconds(4))).isEqualTo("4s");
        assertThat(DbCommands.age(Duration.ofSeconds(750))).isEqualTo("12m 30s");
        assertThat(DbCommands.age(Duration.ofMinutes(302))).isEqualTo("5h 2m");
        assertThat(DbCommands.age(Duration.ofHours(76).plusMinutes(59))).isEqualTo("3d 4h");
        assertThat(DbCommands.age(Duration.ofDays(40))).isEqualTo("40d 0h");
        assertThat(DbCommands.age(Duration.ofSeconds(-5))).isEqualTo("0s");
    }

    @Test
    void jsonFilesAndCopiesOfRows() throws IOException {
        Path json = files.resolve("flow.json");
        Files.writeString(json, "{\"workflows\": {\"flow\": {\"nodes\": [{\"id\": \"a\", \"type\": \"transform\","
                + " \"transform\": \"x = 1\"}]}}}");
        assertThat(run("db-put", "flow", json.toString())).isZero();
        assertThat(printed()).contains("(json, ");
        assertThat(run("db-put", "copy", "db://flow")).isZero();
        assertThat(printed()).contains("Stored 'copy' version 1 (json");
        assertThat(run("db-put", "--format", "json", "again", "json://" + json)).isZero();
        assertThat(registry.compile("db://copy").name()).isEqualTo("flow");
        Path noExtension = files.resolve("flow");
        Files.writeString(noExtension, Files.readString(json));
        assertThat(run("db-put", "sniffed", noExtension.toString())).isZero();
        assertThat(printed()).contains("'sniffed' version 1 (json");
    }

    @Test
    void invalidWorkflowsAreNotStoredUnlessForced() throws IOException {
        Path broken = files.resolve("broken.yaml");
        Files.writeString(broken, "workflows:\n  w:\n    nodes:\n      - id: a\n        type: nosuchtype\n");
        assertThat(run("db-put", "broken", broken.toString())).isEqualTo(DbCommands.FAILED);
        assertThat(printed()).contains(broken.toString()).contains("nosuchtype").contains("Nothing stored");
        assertThat(run("db-list")).isZero();
        assertThat(printed()).contains("No workflows stored");
        assertThat(run("db-put", "--force", "broken", broken.toString())).isZero();
        assertThat(printed()).contains("Storing it anyway").contains("version 1");
    }

    @Test
    void wrongArgumentsAndSourcesSayWhy() throws IOException {
        assertThat(run("db-put", "only-a-name")).isEqualTo(DbCommands.USAGE);
        assertThat(printed()).contains("Usage: workflow:db-put");
        assertThat(run("db-put", "--bogus", "a", "b")).isEqualTo(DbCommands.USAGE);
        assertThat(printed()).contains("Unknown option --bogus");
        assertThat(run("db-put", "x", "https://example.invalid/flow.yaml")).isEqualTo(DbCommands.USAGE);
        assertThat(printed()).contains("fetch the file first");
        assertThat(run("db-put", "x", files.resolve("missing.yaml").toString())).isEqualTo(DbCommands.FAILED);
        assertThat(printed()).contains("No such file");
        assertThat(run("db-put", "a/b", approval().toString())).isEqualTo(DbCommands.USAGE);
        assertThat(printed()).contains("'/'");
        assertThat(run("db-put", "-d", "nowhere", "x", approval().toString())).isEqualTo(DbCommands.USAGE);
        assertThat(printed()).contains("No datasource 'nowhere'; configured: default");
        assertThat(run("db-put", "-f", "xml", "x", approval().toString())).isEqualTo(DbCommands.USAGE);
        assertThat(run("db-put", "x", "db://nosuch")).isEqualTo(DbCommands.FAILED);
        assertThat(printed()).contains("No workflow 'nosuch'");
        Path latin1 = files.resolve("latin1.yaml");
        Files.write(latin1, new byte[] {'a', ':', ' ', (byte) 0xe9, '\n'});
        assertThat(run("db-put", "x", latin1.toString())).isEqualTo(DbCommands.FAILED);
        assertThat(printed()).contains("not UTF-8");
        assertThat(run("db-list", "--help")).isZero();
        assertThat(printed()).contains("Usage: workflow:db-list");
        assertThat(run("db-drop")).isEqualTo(DbCommands.USAGE);
        assertThat(run("db-threads")).isZero();
        assertThat(printed()).contains("No runs are waiting");
    }

    @Test
    void listingSeveralDatasourcesNamesThem() throws IOException {
        databases.put(TestDatabases.h2Memory("second"));
        assertThat(run("db-put", "-d", "second", "approval", approval().toString())).isZero();
        assertThat(printed()).contains("compile it as db://second/approval");
        assertThat(run("db-list")).isZero();
        assertThat(printed()).startsWith("DATASOURCE  NAME      VERSION").contains("second      approval  1");
        assertThat(run("db-list", "--datasource", "default")).isZero();
        assertThat(printed()).contains("No workflows stored in datasource 'default'");
        assertThat(List.of(1)).isNotEmpty();
    }
}
