package dev.victor.workflow.db.internal;

import dev.victor.workflow.db.TestDatabases;
import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.framework.BundleContext;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.log.Logger;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A datasource configuration that cannot be used fails loudly with its reason, and the built-in
 * H2 file never stands in for it: nothing is written anywhere else.
 */
class BrokenConfigurationTest {
    @TempDir
    Path data;

    record Case(String name, Map<String, Object> properties, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> properties = new HashMap<>(Map.of("url", "jdbc:h2:mem:broken", "user", "sa",
                "felix.fileinstall.filename", "file:/opt/victor/etc/dev.victor.workflow.db.datasource-default.cfg",
                "service.pid", "dev.victor.workflow.db.datasource.1234", "component.id", 7L));
        if (value == null) {
            properties.remove(key);
        } else {
            properties.put(key, value);
        }
        return properties;
    }

    static Stream<Case> brokenConfigurations() {
        return Stream.of(
                new Case("a table name that is not allowed", with("table", "workflows; DROP TABLE checkpoints"),
                        "Invalid workflow table name"),
                new Case("a checkpoint table name that is not allowed", with("checkpoint.table", "a b"),
                        "Invalid checkpoint table name"),
                new Case("a JDBC URL of no known driver", with("url", "jdbc:mysql://h/db?password=secret"),
                        "set 'driver'"),
                new Case("a URL that is not JDBC", with("url", "http://example.com/db"), "is not a JDBC URL"),
                new Case("no URL", with("url", null), "'url' is not set"),
                new Case("a misspelt key", with("tabel", "mine"), "unknown key(s) tabel"),
                new Case("a pool size that is not a number", with("pool.size", "ten"),
                        "'pool.size' must be a whole number, was 'ten'"),
                new Case("a pool size out of range", with("pool.size", "1000"), "must be 1 to 100"),
                new Case("create.schema that is not a boolean", with("create.schema", "yes"),
                        "'create.schema' must be true or false, was 'yes'"),
                new Case("a name that is not allowed", with("name", "a/b"), "datasource"));
    }

    private BundleContext context() {
        Map<String, String> properties = Map.of("victor.data", data.toString());
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> method.getName().equals("getProperty") ? properties.get((String) args[0]) : null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenConfigurations")
    void aBrokenConfigurationRefusesEveryUseAndTheBuiltInDatabaseDoesNotStandIn(Case broken) throws IOException {
        DatabasesComponent component = new DatabasesComponent(context(), Configs.of(DatabasesConfig.class, Map.of()),
                Map.of(), null);
        component.addDriver(new OsgiDataSourceFactory(new org.h2.Driver()),
                Map.of(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS, "org.h2.Driver"));
        try {
            DataSourceConfigComponent dataSource = new DataSourceConfigComponent(broken.properties());
            assertThat(dataSource.configuration()).isInstanceOf(DataSourceConfiguration.Broken.class);
            component.addDataSource(dataSource);
            Databases all = component.databases();
            assertThat(all.names()).containsExactly(dataSource.configuration().name());
            assertThatThrownBy(() -> all.defaultDatabase().workflows().put("w", "yaml", "x: 1\n", Instant.now()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(broken.reason())
                    .hasMessageContaining("/opt/victor/etc/dev.victor.workflow.db.datasource-default.cfg")
                    .hasMessageContaining("is invalid")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
            try (Stream<Path> files = Files.list(data)) {
                assertThat(files).as("nothing is written in the data directory").isEmpty();
            }
            component.removeDataSource(dataSource);
            assertThat(all.names()).as("once the broken configuration is gone, the built-in one is back")
                    .containsExactly("default");
        } finally {
            component.deactivate();
        }
    }

    @Test
    void aValidConfigurationIsUsedAsBefore() {
        DataSourceConfiguration configuration = DataSourceConfiguration.read(Map.of(
                "name", "main", "url", TestDatabases.h2Memory("main").url(), "pool.size", "7",
                "pool.timeout.seconds", 3, "create.schema", "FALSE", "service.pid", "x", "component.name", "y"));
        assertThat(configuration).isInstanceOf(DataSourceConfiguration.Valid.class);
        DataSourceConfiguration.Valid valid = (DataSourceConfiguration.Valid) configuration;
        assertThat(valid.settings().poolSize()).isEqualTo(7);
        assertThat(valid.settings().poolTimeout().toSeconds()).isEqualTo(3);
        assertThat(valid.settings().createSchema()).isFalse();
        assertThat(valid.driver()).isEqualTo("org.h2.Driver");
        assertThat(valid.origin()).isEqualTo("x");
    }

    @Test
    void unknownKeysOfTheOtherConfigurationsAreWarnedAbout() {
        List<String> warnings = new ArrayList<>();
        Logger logger = (Logger) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("warn")) {
                        warnings.add((String) args[0]);
                    }
                    return null;
                });
        DatabasesComponent component = new DatabasesComponent(context(), Configs.of(DatabasesConfig.class, Map.of()),
                Map.of("builtin.enabeld", "false", "data.directory", "x", "service.pid", "dev.victor.workflow.db"),
                logger);
        new CheckpointStoreComponent(component, Configs.of(CheckpointStoreConfig.class, Map.of()),
                Map.of("data.source", "main", "datasource", "main", "retention.days", "7"), logger);
        component.deactivate();
        assertThat(warnings).containsExactly(
                "The configuration dev.victor.workflow.db has unknown key(s) builtin.enabeld, which are ignored;"
                        + " known: builtin.enabled, data.directory",
                "The configuration dev.victor.workflow.db.checkpoints has unknown key(s) data.source, which are"
                        + " ignored; known: datasource, retention.days, service.ranking");
    }

    @Test
    void twoConfigurationsOfOneNameRefuseThatDatasource() {
        DatabasesComponent component = new DatabasesComponent(context(), Configs.of(DatabasesConfig.class, Map.of()),
                Map.of(), null);
        try {
            component.addDataSource(new DataSourceConfigComponent(Map.of("url", "jdbc:h2:mem:one", "service.pid", "a")));
            component.addDataSource(new DataSourceConfigComponent(Map.of("url", "jdbc:h2:mem:two", "service.pid", "b")));
            assertThatThrownBy(() -> component.databases().defaultDatabase())
                    .hasMessageContaining("two configurations name it (a and b)");
        } finally {
            component.deactivate();
        }
    }
}
