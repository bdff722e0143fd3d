package dev.victor.workflow.mongodb.internal;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.json.internal.JsonFormat;
import dev.victor.workflow.mongodb.internal.command.MongoCommands;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.source.SourceDocument;
import dev.victor.workflow.source.WorkflowSource;
import dev.victor.workflow.yaml.internal.YamlFormat;
import org.bson.Document;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * mongodb:// through the real registry, formats and engine, against mongo-java-server: the format
 * field picks the format, a cache hit reads only the version, a document updated under the running
 * registry (by mongo-put or by another client) is recompiled by the next compile.
 */
class MongoEndToEndTest {

    private static final String YAML = """
            workflows:
              hello:
                nodes:
                  - id: greet
                    type: transform
                    transform: greeting = "hello " + ctx.get("name", "world")
                    next: []
            """;
    private static final String JSON = """
            {"workflows": {"hello": {"nodes": [
              {"id": "greet", "type": "transform", "transform": "greeting = 'json'", "next": []}]}}}
            """;

    /** Counts what the registry asks of the real source. */
    static final class Counting implements WorkflowSource {
        final WorkflowSource source;
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger fingerprints = new AtomicInteger();

        Counting(WorkflowSource source) {
            this.source = source;
        }

        @Override
        public SourceDocument read(String location) {
            reads.incrementAndGet();
            return source.read(location);
        }

        @Override
        public String fingerprint(String location) {
            fingerprints.incrementAndGet();
            return source.fingerprint(location);
        }
    }

    @TempDir
    Path dir;
    private TestMongo mongo;
    private MongoDatasources datasources;
    private Counting source;
    private DefaultWorkflowCompilerRegistry registry;
    private MongoCommands commands;

    @BeforeEach
    void start() {
        mongo = new TestMongo();
        datasources = new MongoDatasources();
        datasources.add(new MongoDatasource(mongo.settings("default", "victor")));
        source = new Counting(new MongoWorkflowSource(datasources));
        registry = DefaultWorkflowCompilerRegistry.create();
        registry.register(YamlFormat.NAME, new YamlFormat(), YamlFormat.MEDIA_TYPES, YamlFormat.EXTENSIONS);
        registry.register(JsonFormat.NAME, new JsonFormat(), JsonFormat.MEDIA_TYPES, JsonFormat.EXTENSIONS);
        registry.register(source, "mongodb");
        commands = new MongoCommands(datasources, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        datasources.get("default").ifPresent(MongoDatasource::close);
        mongo.close();
    }

    private static Object greeting(CompiledGraph graph) {
        var result = graph.invoke(Map.of("name", "Ada"));
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        return result.state().get("greeting");
    }

    private void put(String name, String fileName, String text) throws Exception {
        Path file = Files.writeString(dir.resolve(fileName), text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = commands.execute("mongo-put", List.of(name, file.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }

    @Test
    void storedWithMongoPutCompiledAndUpdatedUnderTheRunningRegistry() throws Exception {
        put("hello", "hello.yaml", YAML);

        assertThat(greeting(registry.compile("mongodb://hello"))).isEqualTo("hello Ada");
        registry.compile("mongodb://hello");
        registry.compile("mongodb://hello");
        assertThat(source.reads).hasValue(1);
        assertThat(source.fingerprints).hasValue(3);

        put("hello", "hello.yaml", YAML.replace("hello ", "hi "));
        assertThat(greeting(registry.compile("mongodb://hello"))).isEqualTo("hi Ada");
        assertThat(source.reads).hasValue(2);

        // another client edits the document and bumps its version, as an operator would
        try (MongoClient other = MongoClients.create(mongo.connection())) {
            other.getDatabase("victor").getCollection("workflows").updateOne(new Document("name", "hello"),
                    new Document("$set", new Document("definition", JSON).append("format", "json"))
                            .append("$inc", new Document("version", 1L)));
        }
        assertThat(greeting(registry.compile("mongodb://hello"))).isEqualTo("json");
        assertThat(source.reads).hasValue(3);
    }

    @Test
    void theFormatFieldPicksTheFormat() throws Exception {
        put("as-json", "flow.json", JSON);
        assertThat(greeting(registry.compile("mongodb://as-json"))).isEqualTo("json");
        assertThat(registry.schemes()).contains("mongodb", "yaml+mongodb", "json+mongodb");
    }

    @Test
    void aMissingWorkflowIsNotFoundThroughTheRegistry() {
        assertThatThrownBy(() -> registry.compile("mongodb://nothing"))
                .isInstanceOf(WorkflowSourceNotFoundException.class)
                .hasMessageContaining("No workflow 'nothing' in collection 'workflows' of database 'victor'");
    }
}
