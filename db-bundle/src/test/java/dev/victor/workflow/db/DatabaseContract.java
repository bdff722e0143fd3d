package dev.victor.workflow.db;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
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
 * What the db plugin does, the same against every database: each subclass supplies a database
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

    /** A datasource with new, empty tables. */
    abstract DataSourceSettings settings(String name);

    DataSourceSettings settings;
    WorkflowDatabase db;
    DefaultWorkflowCompilerRegistry registry;
    FakePlugin yaml;
    FakePlugin json;
    WorkflowCompilerPlugin plugin;

    @BeforeEach
    void setUp() {
        settings = settings("default");
        db = WorkflowDatabase.builder().dataSource(settings).build();
        registry = DefaultWorkflowCompilerRegistry.create();
        yaml = new FakePlugin("yaml");
        json = new FakePlugin("json");
        registry.register("yaml", options -> yaml);
        registry.register("json", options -> json);
        db.registerWith(registry);
        plugin = registry.create("db://", null);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private CompiledGraph compile(String uri) {
        return registry.compile(uri);
    }

    static String text(CompiledGraph graph) {
        return FakePlugin.textOf(graph);
    }

    @Test
    void storesAndCompilesThroughTheFormatsPlugin() {
        StoredWorkflow stored = db.put("review", "yaml", REVIEW);
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.format()).isEqualTo("yaml");
        assertThat(stored.datasource()).isEqualTo("default");

        CompiledGraph graph = compile("db://review");
        assertThat(text(graph)).isEqualTo(REVIEW);
        assertThat(FakePlugin.formatOf(graph)).isEqualTo("yaml");
        assertThat(yaml.compiled).containsExactly(REVIEW);
        assertThat(json.compiled).isEmpty();

        db.put("config", "JSON", "{\"workflows\": {}}");
        CompiledGraph fromJson = compile("db://config");
        assertThat(FakePlugin.formatOf(fromJson)).isEqualTo("json");
        assertThat(text(fromJson)).as("handed over as it is stored, to compileText (never a path)")
                .isEqualTo("{\"workflows\": {}}");
    }

    @Test
    void theWorkflowNameIsHandedOn() {
        db.put("review", "yaml", REVIEW);
        CompiledGraph graph = registry.compile("db://review", "review");
        assertThat(graph.name()).isEqualTo("review");
    }

    @Test
    void anUnchangedRowIsServedFromTheCacheAndAnUpdateRecompiles() {
        db.put("review", "yaml", REVIEW);
        CompiledGraph first = compile("db://review");
        CompiledGraph again = compile("db://review");
        assertThat(again).isSameAs(first);
        assertThat(yaml.compiled).hasSize(1);
        String key = plugin.getCacheKey("review");
        assertThat(key).startsWith("db:default/" + settings.table() + "/review@1;");

        String changed = REVIEW.replace("'draft'", "'final'");
        StoredWorkflow second = db.put("review", "yaml", changed);
        assertThat(second.version()).isEqualTo(2);
        assertThat(plugin.getCacheKey("review")).startsWith("db:default/" + settings.table() + "/review@2;")
                .isNotEqualTo(key);
        CompiledGraph updated = compile("db://review");
        assertThat(text(updated)).isEqualTo(changed);
        assertThat(compile("db://review")).isSameAs(updated);
        assertThat(yaml.compiled).hasSize(2);
        assertThat(db.put("review", "json", "{}").version()).isEqualTo(3);
        assertThat(FakePlugin.formatOf(compile("db://review"))).isEqualTo("json");
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
        assertThat(yaml.compiled).isEmpty();
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
        assertThat(text(compile("db://review"))).isEqualTo(REVIEW);

        String hostile = "a'; DELETE FROM " + settings.table() + "; --";
        db.put(hostile, "yaml", REVIEW);
        assertThat(text(compile("db://" + hostile))).isEqualTo(REVIEW);
        assertThat(db.list()).extracting(StoredWorkflow::name).containsExactly(hostile, "review");
    }

    @Test
    void injectionAttemptsInTheTextAreStoredAsWritten() {
        String text = REVIEW + "# '); DROP TABLE " + settings.table() + "; --\n# \\' \" ? ${x} $1 :name\n";
        db.put("review", "yaml", text);
        assertThat(text(compile("db://review"))).isEqualTo(text);
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
    void aTextThatIsAUriIsNeverHandedOnAsAPath() {
        for (String text : List.of("file:///etc/passwd", "  yaml:///etc/passwd\n", "\uFEFFjson+file:///etc/hosts")) {
            db.put("sneaky", "yaml", text);
            assertThatThrownBy(() -> registry.compile("db://sneaky"))
                    .isInstanceOf(InvalidWorkflowException.class)
                    .hasMessageContaining("begins with a URI");
        }
        assertThat(yaml.compiled).isEmpty();
    }

    @Test
    void problemsNameTheDatabaseSource() {
        db.put("broken", "yaml", "INVALID\n");
        assertThatThrownBy(() -> registry.compile("db://broken"))
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining("db://default/broken (version 1)")
                .satisfies(e -> {
                    Problem problem = ((InvalidWorkflowException) e).problems().get(0);
                    assertThat(problem.source()).isEqualTo("db://default/broken");
                    assertThat(problem.line()).isEqualTo(2);
                    assertThat(problem.column()).isEqualTo(3);
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
            DefaultWorkflowCompilerRegistry reg = DefaultWorkflowCompilerRegistry.create();
            reg.register("yaml", options -> yaml);
            two.registerWith(reg);
            two.put("other", "review", "yaml", REVIEW);
            two.put("third", "review", "yaml", REVIEW + "# third\n");
            assertThat(text(reg.compile("db://other/review"))).isEqualTo(REVIEW);
            assertThat(text(reg.compile("db://third/review"))).endsWith("# third\n");
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
            DefaultWorkflowCompilerRegistry reg = DefaultWorkflowCompilerRegistry.create();
            reg.register("yaml", options -> yaml);
            two.registerWith(reg);
            two.put("review", "yaml", REVIEW);
            assertThat(text(reg.compile("db://review"))).isEqualTo(REVIEW);
        }
    }

    @Test
    void aMissingFormatPluginIsUnavailableNotInvalid() {
        DefaultWorkflowCompilerRegistry reg = DefaultWorkflowCompilerRegistry.create();
        db.registerWith(reg);
        db.put("review", "yaml", REVIEW);
        assertThatThrownBy(() -> reg.compile("db://review"))
                .isInstanceOf(WorkflowSourceUnavailableException.class)
                .hasMessageContaining("no plugin for yaml");
    }

    @Test
    void theSchemaIsCreatedOnFirstUseOnlyWhenAllowed() throws SQLException {
        assertThat(tableExists(settings.table())).isFalse();
        db.list();
        assertThat(tableExists(settings.table())).isTrue();
        assertThat(tableExists(settings.checkpointTable())).isTrue();

        DataSourceSettings manual = settings("manual").withCreateSchema(false);
        try (WorkflowDatabase none = WorkflowDatabase.builder().dataSource(manual).build()) {
            DefaultWorkflowCompilerRegistry reg = DefaultWorkflowCompilerRegistry.create();
            none.registerWith(reg);
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
            DefaultWorkflowCompilerRegistry reg = DefaultWorkflowCompilerRegistry.create();
            broken.registerWith(reg);
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
            DefaultWorkflowCompilerRegistry reg = DefaultWorkflowCompilerRegistry.create();
            reg.register("yaml", options -> yaml);
            ok.registerWith(reg);
            ok.put("review", "yaml", REVIEW);
            assertThat(text(reg.compile("db://review"))).isEqualTo(REVIEW);
            String key = reg.create("db://", null).getCacheKey("review");
            assertThat(key).doesNotContain(secret).doesNotContain("localhost").doesNotContain("mem:");
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
        assertThat(yaml.compiled).hasSize(1);
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
