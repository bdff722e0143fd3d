package dev.victor.workflow.mongodb.internal.command;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.victor.workflow.mongodb.internal.MongoDatasource;
import dev.victor.workflow.mongodb.internal.MongoDatasources;
import dev.victor.workflow.mongodb.internal.MongoSettings;
import dev.victor.workflow.mongodb.internal.MongoWorkflowSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MongoCommandsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private MongoServer server;
    private MongoDatasources datasources;
    private MongoCommands commands;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        String connection = server.bindAndGetConnectionString();
        datasources = new MongoDatasources();
        datasources.add(new MongoDatasource(MongoSettings.of("default", connection, "victor", "workflows")));
        commands = new MongoCommands(datasources, CLOCK);
    }

    @AfterEach
    void stop() {
        for (String name : datasources.names()) {
            datasources.get(name).ifPresent(MongoDatasource::close);
        }
        server.shutdownNow();
    }

    private String output() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        return text;
    }

    @Test
    void putStoresNewVersionsAndListShowsThem() throws Exception {
        Path file = Files.writeString(dir.resolve("review.yaml"), "workflows:\n  review: {}\n");
        Path json = Files.writeString(dir.resolve("other.txt"), "{\"workflows\": {}}");

        assertThat(commands.execute("mongo-put", List.of("review", file.toString()), out)).isZero();
        assertThat(output()).isEqualTo("Stored 'review' version 1 (yaml, 24 bytes) in collection 'workflows' of"
                + " database 'victor' (datasource 'default'); compile it as mongodb://review\n");
        assertThat(commands.execute("mongo-put", List.of("review", file.toString()), out)).isZero();
        assertThat(output()).contains("Stored 'review' version 2 (yaml");
        assertThat(commands.execute("mongo-put", List.of("-d", "default", "other", json.toString()), out)).isZero();
        assertThat(output()).contains("version 1 (json, 17 bytes)");

        assertThat(commands.execute("mongo-list", List.of(), out)).isZero();
        assertThat(output()).isEqualTo("""
                NAME    VERSION  FORMAT  UPDATED
                other   1        json    2026-03-04T05:06:07Z
                review  2        yaml    2026-03-04T05:06:07Z
                """);
        assertThat(new MongoWorkflowSource(datasources).fingerprint("review")).startsWith("version:2;");
    }

    @Test
    void formatOptionWins() throws Exception {
        Path file = Files.writeString(dir.resolve("flow.yaml"), "{}");
        assertThat(commands.execute("mongo-put", List.of("--format", "json", "f", file.toString()), out)).isZero();
        assertThat(output()).contains("(json, 2 bytes)");
        assertThat(commands.execute("mongo-put", List.of("-f", "xml", "f", file.toString()), out)).isEqualTo(2);
        assertThat(output()).contains("Unknown format 'xml': yaml or json");
    }

    @Test
    void mistakesGetTheirStatusAndReason() throws Exception {
        assertThat(commands.execute("mongo-put", List.of("x"), out)).isEqualTo(2);
        assertThat(output()).contains("Usage: workflow:mongo-put");
        assertThat(commands.execute("mongo-put", List.of("x", dir.resolve("none.yaml").toString()), out)).isEqualTo(1);
        assertThat(output()).contains("No such file:");
        assertThat(commands.execute("mongo-put", List.of("-d", "nope", "x", "f"), out)).isEqualTo(2);
        assertThat(output()).contains("No MongoDB datasource 'nope'; configured: default");
        assertThat(commands.execute("mongo-put", List.of("a/b", "f"), out)).isEqualTo(2);
        assertThat(output()).contains("contains '/'");
        Path latin1 = Files.write(dir.resolve("bad.yaml"), new byte[] {(byte) 0xE9});
        assertThat(commands.execute("mongo-put", List.of("x", latin1.toString()), out)).isEqualTo(1);
        assertThat(output()).contains("is not UTF-8 text");
        assertThat(commands.execute("mongo-list", List.of("--bogus"), out)).isEqualTo(2);
        assertThat(output()).contains("Unknown option --bogus");
        assertThat(commands.execute("mongo-list", List.of(), out)).isZero();
        assertThat(output()).isEqualTo("No workflows stored.\n");
        assertThat(commands.execute("mongo-nope", List.of(), out)).isEqualTo(2);
    }
}
