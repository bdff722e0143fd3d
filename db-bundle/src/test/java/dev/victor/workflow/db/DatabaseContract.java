package dev.victor.workflow.db;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.source.WorkflowSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the db source does, the same against every database: each subclass supplies a database
 * (new tables for every test).
 */
abstract class DatabaseContract {

    static final String REVIEW = """
            workflows:
              review:
                nodes:
                  - id: draft
                    type: transform
                    transform: "text = 'draft'"
            """;

    static final String JSON_REVIEW = """
            {"workflows": {"review": {"nodes": [{"id": "draft", "type": "transform", "transform": "text = 'json'"}]}}}
            """;

    /** A datasource with new, empty tables. */
    abstract DataSourceSettings settings(String name);

    DataSourceSettings settings;
    WorkflowDatabase db;
    DefaultWorkflowCompilerRegistry registry;
    RecordingFormat yaml;
    RecordingFormat json;
    WorkflowSource source;

    @BeforeEach
    void setUp() {
        settings = settings("default");
        db = WorkflowDatabase.builder().dataSource(settings).build();
        yaml = RecordingFormat.yaml();
        json = RecordingFormat.json();
        registry = Registries.withFormats(yaml, json);
        db.registerWith(registry::register);
        source = db.source();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private CompiledGraph compile(String uri) {
        return registry.compile(uri);
    }

    /** The text the format read for a compile through a registry. */
    static String text(RecordingFormat format, CompiledGraph graph) {
        assertThat(graph).isNotNull();
        return format.last();
    }

    @Test
    void storesAndCompilesThroughTheRowsFormat() {
        StoredWorkflow stored = db.put("review", "yaml", REVIEW);
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.format()).isEqualTo("yaml");
        assertThat(stored.datasource()).isEqualTo("default");

        CompiledGraph graph = compile("db://review");
        assertThat(graph.name()).isEqualTo("review");
        assertThat(yaml.parsed).containsExactly(REVIEW);
        assertThat(json.parsed).isEmpty();
        assertThat(yaml.documents.get(0).name()).isEqualTo("db://default/review");
        assertThat(yaml.documents.get(0).mediaType()).isEqualTo("application/yaml");
        assertThat(yaml.documents.get(0).trusted()).as("stored content is fetched content").isFalse();

        db.put("config", "JSON", JSON_REVIEW);
        CompiledGraph fromJson = compile("db://config");
        assertThat(fromJson.invoke(java.util.Map.of()).state()).containsEntry("text", "json");
        assertThat(json.parsed).as("handed over as it is stored (never a path)").containsExactly(JSON_REVIEW);
        assertThat(json.documents.get(0).mediaType()).isEqualTo("application/json");
    }

    @Test
    void theWorkflowNameIsHandedOn() {
        db.put("review", "yaml", REVIEW);
        CompiledGraph graph = registry.compile("db://review", "review");
        assertThat(graph.name()).isEqualTo("review");
    }

    @Test
    void everyWorkflowOfARowIsCompiledFromOneParseUntilTheRowChanges() {
        String both = REVIEW + REVIEW.replace("workflows:\n", "").replace("review:", "check:");
        db.put("both", "yaml", both);
        assertThat(registry.compile("db://both", "review").name()).isEqualTo("review");
        assertThat(registry.compile("db://both", "check").name()).isEqualTo("check");
        assertThat(yaml.parsed).as("one parse for both workflows").hasSize(1);

        db.put("both", "yaml", both.replace("'draft'", "'final'"));
        assertThat(registry.compile("db://both", "check").invoke(java.util.Map.of()).state())
                .as("the new version").containsEntry("text", "final");
        assertThat(yaml.parsed).hasSize(2);
    }

    @Test
    void anUnchangedRowIsServedFromTheCacheAndAnUpdateRecompiles() {
        db.put("review", "yaml", REVIEW);
        CompiledGraph first = compile("db://review");
        CompiledGraph again = compile("db://review");
        assertThat(again).isSameAs(first);
        assertThat(yaml.parsed).hasSize(1);
        String fingerprint = source.fingerprint("review");
        assertThat(fingerprint).startsWith("default/" + settings.table() + "/review@1;");
        assertThat(source.fingerprint("default/review")).isEqualTo(fingerprint);

        String changed = REVIEW.replace("'draft'", "'final'");
        StoredWorkflow second = db.put("review", "yaml", changed);
        assertThat(second.version()).isEqualTo(2);
        assertThat(source.fingerprint("review")).startsWith("default/" + settings.table() + "/review@2;")
                .isNotEqualTo(fingerprint);
        CompiledGraph updated = compile("db://review");
        assertThat(text(yaml, updated)).isEqualTo(changed);
        assertThat(compile("db://review")).isSameAs(updated);
        assertThat(yaml.parsed).hasSize(2);
        assertThat(db.put("review", "json", JSON_REVIEW).version()).isEqualTo(3);
        assertThat(compile("db://review").invoke(java.util.Map.of()).state()).containsEntry("text", "json");
        assertThat(json.parsed).hasSize(1);
    }

    @Test
    void aMissingRowIsSourceNotFoundNamingWorkflowDatasourceAndTable() {
        db.put("review", "yaml", REVIEW);
        assertThatThrownBy(() -> registry.compile("db://nosuch"))
                .isInstanceOf(WorkflowSourceNotFoundException.class)
                .hasMessageContaining("'nosuch'")
                .hasMessageContaining("datasource 'default'")
                .hasMessageContaining(settings.table())
                .satisfies(e -> assertThat(((WorkflowSourceNotFoundException) e).sourceName())
                        .isEqualTo("db://default/nosuch"));
        assertThatThrownBy(() -> registry.compile("db://default/nosuch"))
                .isInstanceOf(WorkflowSourceNotFoundException.class);
        assertThatThrownBy(() -> registry.compile("db://elsewhere/review"))
                .isInstanceOf(WorkflowSourceNotFoundException.class)
                .hasMessageContaining("No datasource 'elsewhere'");
        assertThat(yaml.parsed).isEmpty();
    }

    @Test
    void injectionAttemptsInTheNameAreJustNames() throws SQLException {
        db.put("review", "yaml", REVIEW);
        List<String> attempts = List.of(
                "review' OR '1'='1",
                "review'--",
                "x'; DROP TABLE " + settings.table() + "; --",
                "review\" OR \"1\"=\"1",
                "' UNION SELECT version, format, definition, updated_at FROM " + settings.table() + " --",
                "review%27%20OR%201=1");
        for (String attempt : attempts) {
            assertThatThrownBy(() -> registry.compile("db://" + attempt))
                    .as(attempt).isInstanceOf(WorkflowSourceNotFoundException.class);
        }
        assertThat(tableExists(settings.table())).isTrue();
        assertThat(text(yaml, compile("db://review"))).isEqualTo(REVIEW);

        String hostile = "a'; DELETE FROM " + settings.table() + "; --";
        db.put(hostile, "yaml", REVIEW);
        assertThat(text(yaml, compile("db://" + hostile))).isEqualTo(REVIEW);
        assertThat(db.list()).extracting(StoredWorkflow::name).containsExactly(hostile, "review");
    }

    @Test
    void injectionAttemptsInTheTextAreStoredAsWritten() {
        String text = REVIEW + "# '); DROP TABLE " + settings.table() + "; --\n# \\' \" ? ${x} $1 :name\n";
        db.put("review", "yaml", text);
        assertThat(text(yaml, compile("db://review"))).isEqualTo(text);
        assertThat(db.list()).hasSize(1);
    }

    @Test
    void aNulCharacterIsRefusedEverywhere() {
        assertThatThrownBy(() -> db.put("review", "yaml", REVIEW + "# \u0000\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL");
        assertThat(db.list()).isEmpty();
    }

    @Test
    void aTextThatIsAUriIsReadAsADocumentNeverAsAPath() {
        List<String> texts = List.of("file:///etc/passwd", "  yaml:///etc/passwd\n", "\uFEFFjson+file:///etc/hosts");
        for (String text : texts) {
            db.put("sneaky", "yaml", text);
            assertThatThrownBy(() -> registry.compile("db://sneaky"))
                    .isInstanceOf(InvalidWorkflowException.class)
                    .hasMessageContaining("db://default/sneaky")
                    .hasMessageNotContaining("root:");
        }
        assertThat(yaml.parsed).containsExactlyElementsOf(texts);
    }

    @Test
    void problemsNameTheDatabaseSource() {
        db.put("broken", "yaml", "workflows:\n  w:\n    nodes:\n      - id: a\n        type: nonsense\n");
        assertThatThrownBy(() -> registry.compile("db://broken"))
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining("db://default/broken:5:")
                .satisfies(e -> {
                    Problem problem = ((InvalidWorkflowException) e).errors().get(0);
                    assertThat(problem.source()).isEqualTo("db://default/broken");
                    assertThat(problem.line()).isEqualTo(5);
                    assertThat(problem.column()).isPositive();
                });
    }

    @Test
    void badNamesAndFormatsAreRefusedWhenStoring() {
        assertThatThrownBy(() -> db.put("a/b", "yaml", REVIEW)).hasMessageContaining("'/'");
        assertThatThrownBy(() -> db.put("", "yaml", REVIEW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.put(" x", "yaml", REVIEW)).hasMessageContaining("white space");
        assertThatThrownBy(() -> db.put("x\ny", "yaml", REVIEW)).hasMessageContaining("control character");
        assertThatThrownBy(() -> db.put("x".repeat(256), "yaml", REVIEW)).hasMessageContaining("255");
        assertThatThrownBy(() -> db.put("x", "xml", REVIEW)).hasMessageContaining("yaml or json");
        assertThat(db.put("x".repeat(255), "yml", REVIEW).format()).isEqualTo("yaml");
    }

    @Test
    void concurrentUpdatesEachGetTheirOwnVersion() throws Exception {
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Long>> tasks = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int n = i;
                tasks.add(() -> db.put("busy", "yaml", REVIEW + "# writer " + n + "\n").version());
            }
            Set<Long> versions = new TreeSet<>();
            for (Future<Long> future : pool.invokeAll(tasks)) {
                versions.add(future.get());
            }
            assertThat(versions).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.list()).singleElement().satisfies(row -> assertThat(row.version()).isEqualTo(6));
    }

    @Test
    void severalDatasourcesAreAddressedByName() {
        DataSourceSettings other = settings("other");
        DataSourceSettings third = settings("third");
        try (WorkflowDatabase two = WorkflowDatabase.builder().dataSource(other).dataSource(third).build()) {
            DefaultWorkflowCompilerRegistry reg = Registries.withFormats(yaml);
            two.registerWith(reg::register);
            two.put("other", "review", "yaml", REVIEW);
            two.put("third", "review", "yaml", REVIEW + "# third\n");
            assertThat(text(yaml, reg.compile("db://other/review"))).isEqualTo(REVIEW);
            assertThat(text(yaml, reg.compile("db://third/review"))).endsWith("# third\n");
            assertThatThrownBy(() -> reg.compile("db://review"))
                    .isInstanceOf(WorkflowSourceNotFoundException.class)
                    .hasMessageContaining("Several datasources")
                    .hasMessageContaining("db://DATASOURCE/NAME");
            assertThatThrownBy(() -> reg.compile("db://bad name/review"))
                    .isInstanceOf(WorkflowSourceNotFoundException.class)
                    .hasMessageContaining("Invalid datasource name");
        }
        // a datasource named "default" is what db://NAME means when there are several
        try (WorkflowDatabase two = WorkflowDatabase.builder().dataSource(settings).dataSource(other).build()) {
            DefaultWorkflowCompilerRegistry reg = Registries.withFormats(yaml);
            two.registerWith(reg::register);
            two.put("review", "yaml", REVIEW);
            assertThat(text(yaml, reg.compile("db://review"))).isEqualTo(REVIEW);
        }
    }

    @Test
    void theRowsFormatMustBeInstalledItIsNeverReadWithAnother() {
        db.put("review", "yaml", REVIEW);
        DefaultWorkflowCompilerRegistry none = Registries.withFormats();
        db.registerWith(none::register);
        assertThatThrownBy(() -> none.compile("db://review"))
                .isInstanceOf(WorkflowException.class)
                .hasMessageContaining("db://default/review")
                .hasMessageContaining("installed formats: none");
        DefaultWorkflowCompilerRegistry onlyJson = Registries.withFormats(json);
        db.registerWith(onlyJson::register);
        assertThatThrownBy(() -> onlyJson.compile("db://review"))
                .isInstanceOf(WorkflowException.class)
                .hasMessageContaining("db://default/review")
                .hasMessageContaining("application/yaml");
        assertThat(json.parsed).isEmpty();
    }

    @Test
    void theSchemaIsCreatedOnFirstUseOnlyWhenAllowed() throws SQLException {
        assertThat(tableExists(settings.table())).isFalse();
        db.list();
        assertThat(tableExists(settings.table())).isTrue();
        assertThat(tableExists(settings.checkpointTable())).isTrue();

        DataSourceSettings manual = settings("manual").withCreateSchema(false);
        try (WorkflowDatabase none = WorkflowDatabase.builder().dataSource(manual).build()) {
            DefaultWorkflowCompilerRegistry reg = Registries.withFormats();
            none.registerWith(reg::register);
            assertThatThrownBy(() -> reg.compile("db://review"))
                    .isInstanceOf(WorkflowSourceUnavailableException.class)
                    .hasMessageContaining(manual.table());
            assertThat(tableExists(manual.table())).isFalse();
        }
    }

    @Test
    void thePasswordAppearsInNoErrorAndNoCacheKey() {
        String secret = "s3cr3t-Pa55word";
        // A database that cannot be reached, with the password also in the URL.
        DataSourceSettings unreachable = DataSourceSettings.of("vault", brokenUrl() + "&password=" + secret + "&x=1",
                "victor", secret).withPool(1, Duration.ofSeconds(2));
        assertThat(unreachable.toString()).doesNotContain(secret);
        assertThat(unreachable.redactedUrl()).contains("&password=***&x=1");
        try (WorkflowDatabase broken = WorkflowDatabase.builder().dataSource(unreachable).build()) {
            DefaultWorkflowCompilerRegistry reg = Registries.withFormats();
            broken.registerWith(reg::register);
            Throwable failure = catchFailure(() -> reg.compile("db://review"));
            assertThat(failure).isInstanceOf(WorkflowSourceUnavailableException.class);
            assertThat(everything(failure)).doesNotContain(secret).contains("vault");
            Throwable stored = catchFailure(() -> broken.put("review", "yaml", REVIEW));
            assertThat(stored).isInstanceOf(WorkflowException.class);
            assertThat(everything(stored)).doesNotContain(secret);
            Throwable checkpoint = catchFailure(() -> broken.checkpointStore().load("t1"));
            assertThat(everything(checkpoint)).doesNotContain(secret);
        }
        try (WorkflowDatabase ok = WorkflowDatabase.builder().dataSource(withPassword("default", secret)).build()) {
            DefaultWorkflowCompilerRegistry reg = Registries.withFormats(yaml);
            ok.registerWith(reg::register);
            ok.put("review", "yaml", REVIEW);
            assertThat(text(yaml, reg.compile("db://review"))).isEqualTo(REVIEW);
            String key = reg.create("db://", null).getCacheKey("review");
            assertThat(key + ok.source().fingerprint("review") + ok.source().read("review"))
                    .doesNotContain(secret).doesNotContain("localhost").doesNotContain("mem:");
        }
    }

    /** A datasource (new tables) that logs in with this password. */
    abstract DataSourceSettings withPassword(String name, String password);

    @Test
    void measureCacheHits() {
        db.put("review", "yaml", REVIEW);
        CompiledGraph graph = registry.compile("db://review");
        int rounds = 500;
        for (int i = 0; i < 100; i++) {
            registry.compile("db://review");
        }
        long[] hits = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            CompiledGraph again = registry.compile("db://review");
            hits[i] = System.nanoTime() - start;
            assertThat(again).isSameAs(graph);
        }
        java.util.Arrays.sort(hits);
        assertThat(yaml.parsed).hasSize(1);
        System.out.printf("cache hit of db://review on %s: median %d us, p90 %d us (one SELECT version)%n",
                getClass().getSimpleName(), hits[rounds / 2] / 1000, hits[rounds * 9 / 10] / 1000);
    }

    /** A URL of this database's kind that cannot connect, ending in a query string. */
    abstract String brokenUrl();

    static Throwable catchFailure(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }

    /** Every message and stack trace of the chain, as a person reading a log would see it. */
    static String everything(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    boolean tableExists(String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             ResultSet tables = connection.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    return true;
                }
            }
            return false;
        }
    }
}
