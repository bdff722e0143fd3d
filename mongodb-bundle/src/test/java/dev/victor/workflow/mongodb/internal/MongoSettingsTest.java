package dev.victor.workflow.mongodb.internal;

import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoSettingsTest {

    /** A configuration as Declarative Services hands it: the given values, the defaults for the rest. */
    static MongoDatasourceConfig config(Map<String, Object> values) {
        return (MongoDatasourceConfig) Proxy.newProxyInstance(MongoDatasourceConfig.class.getClassLoader(),
                new Class<?>[] {MongoDatasourceConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return MongoDatasourceConfig.class;
                    }
                    return values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue();
                });
    }

    @Test
    void collectionNamesThatAreNotAllowedAreRefusedClearly() {
        for (String bad : new String[] {"system.users", "system.js", "a$b", "", " ", "1abc", "-x", ".x", "x.", "a..b",
                "with space", "nul\u0000", "x".repeat(121)}) {
            assertThatThrownBy(() -> MongoSettings.of("default", "mongodb://localhost", "victor", bad)).as(bad)
                    .isInstanceOf(WorkflowException.class)
                    .hasMessageContaining("MongoDB datasource 'default': '")
                    .hasMessageContaining("is not an allowed collection name");
        }
        assertThatThrownBy(() -> MongoSettings.of("default", "mongodb://localhost", "victor", "system.users"))
                .hasMessageContaining("system.* collections belong to MongoDB");
        for (String good : new String[] {"workflows", "_w", "team.flows", "flows-2", "x".repeat(120)}) {
            assertThat(MongoSettings.of("default", "mongodb://localhost", "victor", good).collection()).isEqualTo(good);
        }
    }

    @Test
    void databaseAndDatasourceNamesAreChecked() {
        assertThatThrownBy(() -> MongoSettings.of("default", "mongodb://localhost", "a.b", "workflows"))
                .hasMessageContaining("'a.b' is not an allowed MongoDB database name");
        assertThatThrownBy(() -> MongoSettings.of("default", "mongodb://localhost", "x".repeat(64), "workflows"))
                .hasMessageContaining("is not an allowed MongoDB database name");
        assertThatThrownBy(() -> MongoSettings.of("a/b", "mongodb://localhost", "victor", "workflows"))
                .hasMessageContaining("'a/b' is not a datasource name");
        assertThatThrownBy(() -> MongoSettings.of("default", "postgres://localhost", "victor", "workflows"))
                .hasMessageContaining("must start with mongodb:// or mongodb+srv://");
    }

    @Test
    void thePasswordIsNeverShown() {
        MongoSettings settings = MongoSettings.of("default", "mongodb://victor:s%40cret-pw@db.example:27017/?authSource=admin",
                "victor", "workflows").withPassword("configured-pw");

        assertThat(settings.safeConnection()).isEqualTo("mongodb://victor:***@db.example:27017/?authSource=admin");
        assertThat(settings.toString()).doesNotContain("s%40cret-pw").doesNotContain("configured-pw")
                .contains("password=***");
        assertThat(settings.redact("failed for s@cret-pw and s%40cret-pw and configured-pw"))
                .isEqualTo("failed for *** and *** and ***");
    }

    @Test
    void aPasswordNeedsAUserInTheConnectionString() {
        MongoSettings settings = MongoSettings.of("default", "mongodb://db.example", "victor", "workflows")
                .withPassword("configured-pw");
        assertThatThrownBy(() -> new MongoDatasource(settings).list()).isInstanceOf(WorkflowException.class)
                .hasMessageContaining("'.password' is set but the connection string names no user")
                .hasMessageNotContaining("configured-pw");
    }

    @Test
    void aMalformedConnectionStringIsRefusedWithoutItsPassword() {
        MongoSettings settings = MongoSettings.of("default", "mongodb://victor:hidden-pw@host:notaport/", "victor",
                "workflows");
        assertThatThrownBy(() -> new MongoDatasource(settings).list()).isInstanceOf(WorkflowException.class)
                .hasMessageContaining("'connection' is not a valid connection string")
                .hasMessageNotContaining("hidden-pw");
    }

    @Test
    void anUnreachableServerTimesOutWithoutThePassword() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        MongoSettings settings = MongoSettings.of("default", "mongodb://victor:hidden-pw@127.0.0.1:" + port
                + "/?authSource=admin", "victor", "workflows").withPassword("other-hidden-pw")
                .withLimits(Duration.ofMillis(300), Duration.ofSeconds(1), 1000);
        MongoDatasources datasources = new MongoDatasources();
        try (MongoDatasource datasource = new MongoDatasource(settings)) {
            datasources.add(datasource);
            MongoWorkflowSource source = new MongoWorkflowSource(datasources);
            for (Runnable call : new Runnable[] {() -> source.read("x"), () -> source.fingerprint("x")}) {
                assertThatThrownBy(call::run).isInstanceOf(WorkflowSourceUnavailableException.class)
                        .hasMessageContaining("Timed out trying to")
                        .hasMessageContaining("workflow 'x' in collection 'workflows' of database 'victor'"
                                + " (datasource 'default') at mongodb://victor:***@127.0.0.1:" + port)
                        .hasMessageNotContaining("hidden-pw")
                        .satisfies(e -> assertThat(e.getCause()).isNull());
            }
        }
    }

    @Test
    void configurationsAreReadWithTheirDefaults() {
        MongoSettings defaults = MongoSettings.of(config(Map.of("connection", "mongodb://localhost")));
        assertThat(defaults.name()).isEqualTo("default");
        assertThat(defaults.database()).isEqualTo("victor");
        assertThat(defaults.collection()).isEqualTo("workflows");
        assertThat(defaults.connectTimeout()).hasSeconds(5);
        assertThat(defaults.maxBytes()).isEqualTo(10L * 1024 * 1024);

        Map<String, Object> values = new HashMap<>();
        values.put("name", " main ");
        values.put("connection", "mongodb://u@localhost");
        values.put("_password", "pw-secret");
        values.put("collection", "system.profile");
        assertThatThrownBy(() -> MongoSettings.of(config(values)))
                .hasMessageContaining("MongoDB datasource 'main': 'system.profile' is not an allowed collection name");
        values.put("collection", "flows");
        values.put("read_timeout", 0.0);
        assertThatThrownBy(() -> MongoSettings.of(config(values))).hasMessageContaining("must be more than 0");
    }
}
