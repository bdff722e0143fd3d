package dev.victor.workflow.mongodb.internal;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.source.ReferenceResolver;
import dev.victor.workflow.source.SourceDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoWorkflowSourceTest {

    private static final String FLOW = "workflows:\n  hello:\n    nodes:\n      - id: a\n        type: transform\n"
            + "        transform: x = 1\n        next: []\n";
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    private TestMongo mongo;
    private MongoDatasources datasources;
    private MongoDatasource main;
    private MongoWorkflowSource source;

    @BeforeEach
    void start() {
        mongo = new TestMongo();
        datasources = new MongoDatasources();
        main = new MongoDatasource(mongo.settings("default", "victor"));
        datasources.add(main);
        source = new MongoWorkflowSource(datasources);
    }

    @AfterEach
    void stop() {
        for (String name : datasources.names()) {
            datasources.get(name).ifPresent(MongoDatasource::close);
        }
        mongo.close();
    }

    @Test
    void readsTheStoredDefinitionAsAnUntrustedDocument() {
        main.put("hello", "yaml", FLOW, NOW);

        SourceDocument document = source.read("hello");

        assertThat(new String(document.content(), StandardCharsets.UTF_8)).isEqualTo(FLOW);
        assertThat(document.name()).isEqualTo("mongodb://default/hello");
        assertThat(document.mediaType()).isEqualTo("application/yaml");
        assertThat(document.trusted()).isFalse();
        assertThat(document.references()).isSameAs(ReferenceResolver.NONE);
        assertThat(document.fingerprint()).startsWith("version:1;id:").isEqualTo(source.fingerprint("hello"));
        assertThat(source.read("default/hello").fingerprint()).isEqualTo(document.fingerprint());
    }

    @Test
    void theFormatFieldBecomesTheMediaType() {
        main.put("j", "json", "{\"workflows\": {}}", NOW);
        assertThat(source.read("j").mediaType()).isEqualTo("application/json");
        assertThat(MongoWorkflowSource.mediaType("yml")).isEqualTo("application/yaml");
        assertThat(MongoWorkflowSource.mediaType("application/vnd.victor+yaml")).isEqualTo("application/vnd.victor+yaml");
        assertThat(MongoWorkflowSource.mediaType(null)).isNull();
    }

    @Test
    void aDocumentUpdatedUnderTheRunningSourceGetsANewFingerprintAndContent() {
        main.put("hello", "yaml", FLOW, NOW);
        String first = source.fingerprint("hello");
        assertThat(source.fingerprint("hello")).isEqualTo(first);

        // another client, as another process would, stores version 2
        try (MongoClient other = MongoClients.create(mongo.connection())) {
            other.getDatabase("victor").getCollection("workflows").updateOne(new Document("name", "hello"),
                    new Document("$set", new Document("definition", FLOW.replace("x = 1", "x = 2")))
                            .append("$inc", new Document("version", 1L)));
        }

        String second = source.fingerprint("hello");
        assertThat(second).startsWith("version:2;id:").isNotEqualTo(first);
        SourceDocument document = source.read("hello");
        assertThat(new String(document.content(), StandardCharsets.UTF_8)).contains("x = 2");
        assertThat(document.fingerprint()).isEqualTo(second);
    }

    @Test
    void putStoresANewVersionEachTime() {
        StoredWorkflow one = main.put("hello", "yaml", FLOW, NOW);
        StoredWorkflow two = main.put("hello", "json", "{}", NOW.plusSeconds(60));

        assertThat(one.version()).isEqualTo(1);
        assertThat(two.version()).isEqualTo(2);
        assertThat(two.id()).isEqualTo(one.id());
        assertThat(main.list()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("hello");
            assertThat(row.version()).isEqualTo(2);
            assertThat(row.format()).isEqualTo("json");
            assertThat(row.updated()).isEqualTo(NOW.plusSeconds(60));
            assertThat(row.definition()).isNull();
        });
    }

    @Test
    void aDeletedAndRecreatedNameDoesNotRepeatAFingerprint() {
        main.put("hello", "yaml", FLOW, NOW);
        String first = source.fingerprint("hello");
        try (MongoClient other = MongoClients.create(mongo.connection())) {
            other.getDatabase("victor").getCollection("workflows").deleteOne(new Document("name", "hello"));
        }
        main.put("hello", "yaml", FLOW.replace("x = 1", "x = 3"), NOW);

        assertThat(source.fingerprint("hello")).startsWith("version:1;").isNotEqualTo(first);
    }

    @Test
    void missingWorkflowNamesCollectionDatabaseAndDatasource() {
        for (Runnable call : new Runnable[] {() -> source.read("nope"), () -> source.fingerprint("nope")}) {
            assertThatThrownBy(call::run).isInstanceOf(WorkflowSourceNotFoundException.class)
                    .hasMessage("No workflow 'nope' in collection 'workflows' of database 'victor' (datasource 'default')");
        }
    }

    @Test
    void aDatasourceIsChosenByName() {
        MongoDatasource other = new MongoDatasource(mongo.settings("archive", "old"));
        datasources.add(other);
        other.put("hello", "json", "{}", NOW);
        main.put("hello", "yaml", FLOW, NOW);

        assertThat(source.read("archive/hello").mediaType()).isEqualTo("application/json");
        assertThat(source.read("archive/hello").name()).isEqualTo("mongodb://archive/hello");
        assertThat(source.read("hello").mediaType()).isEqualTo("application/yaml");
        assertThatThrownBy(() -> source.read("missing/hello")).isInstanceOf(WorkflowException.class)
                .hasMessageContaining("No MongoDB datasource 'missing'; configured: archive, default");
        assertThatThrownBy(() -> datasources.add(new MongoDatasource(mongo.settings("archive", "x"))))
                .hasMessageContaining("Two MongoDB datasources are named 'archive'");
    }

    @Test
    void withoutADefaultTheOnlyDatasourceServes() {
        MongoDatasources only = new MongoDatasources();
        try (MongoDatasource solo = new MongoDatasource(mongo.settings("solo", "victor"))) {
            only.add(solo);
            assertThat(only.resolve(null)).isSameAs(solo);
            only.add(main);
            assertThat(only.resolve(null)).isSameAs(main);
        }
        assertThatThrownBy(() -> new MongoDatasources().resolve(null)).hasMessageContaining("No MongoDB datasource is configured");
    }

    @Test
    void malformedDocumentsAreNamed() {
        try (MongoClient other = MongoClients.create(mongo.connection())) {
            MongoCollection<Document> collection = other.getDatabase("victor").getCollection("workflows");
            collection.insertOne(new Document("name", "noversion").append("format", "yaml").append("definition", FLOW));
            collection.insertOne(new Document("name", "nodef").append("version", 1L).append("format", "yaml")
                    .append("definition", 42));
        }
        assertThatThrownBy(() -> source.fingerprint("noversion")).isInstanceOf(WorkflowException.class)
                .hasMessageContaining("Workflow 'noversion' in collection 'workflows' of database 'victor'")
                .hasMessageContaining("no whole-number 'version'");
        assertThatThrownBy(() -> source.read("nodef")).hasMessageContaining("has no text 'definition' (Integer)");
    }

    @Test
    void sizeLimitIsNamedAndEnforced() {
        try (MongoDatasource small = new MongoDatasource(mongo.settings("small", "victor")
                .withLimits(Duration.ofSeconds(5), Duration.ofSeconds(5), 100))) {
            datasources.add(small);
            assertThatThrownBy(() -> small.put("big", "yaml", "x".repeat(101), NOW))
                    .hasMessageContaining("is 101 bytes, larger than the limit of 100 bytes ('max.bytes' of datasource 'small')");
            main.put("big", "yaml", "x".repeat(101), NOW);       // the same collection, through another datasource
            assertThatThrownBy(() -> source.read("small/big")).isInstanceOf(WorkflowException.class)
                    .hasMessageContaining("mongodb://small/big is 101 bytes, larger than the limit of 100 bytes");
            datasources.remove(small);
        }
    }

    @Test
    void badLocationsAreRefused() {
        assertThatThrownBy(() -> source.read("")).hasMessageContaining("needs a workflow name");
        assertThatThrownBy(() -> source.read("default/")).hasMessageContaining("A workflow name is required");
        assertThatThrownBy(() -> source.read("a/b/c")).hasMessageContaining("contains '/'");
        assertThatThrownBy(() -> source.read("-x/b")).hasMessageContaining("is not a datasource name");
        assertThatThrownBy(() -> source.read(" x")).hasMessageContaining("white space");
        assertThat(source.accepts("x")).isTrue();
        assertThat(source.accepts("ds/x")).isTrue();
        assertThat(source.accepts("a/b/c")).isFalse();
        assertThat(source.accepts(null)).isFalse();
    }

    @Test
    void operatorLookingNamesAreMatchedLiterally() {
        main.put("$gt", "yaml", FLOW, NOW);
        assertThat(source.read("$gt").name()).isEqualTo("mongodb://default/$gt");
        assertThatThrownBy(() -> source.read("{\"$ne\": null}")).isInstanceOf(WorkflowSourceNotFoundException.class);
    }
}
