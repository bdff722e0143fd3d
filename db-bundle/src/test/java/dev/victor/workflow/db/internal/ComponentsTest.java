package dev.victor.workflow.db.internal;

import dev.victor.workflow.db.DataSourceSettings;
import dev.victor.workflow.db.TestDatabases;
import dev.victor.workflow.spi.Checkpoint;
import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.service.jdbc.DataSourceFactory;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OSGi components' own logic, without a framework: configurations, drivers, the built-in database. */
class ComponentsTest {

    @TempDir
    Path data;

    private final DataSourceFactory h2 = new OsgiDataSourceFactory(new org.h2.Driver());
    private static final Map<String, Object> H2_PROPERTIES =
            Map.of(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS, "org.h2.Driver");

    private BundleContext context(Map<String, String> properties) {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return properties.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private DatabasesComponent databases(Map<String, ?> config) {
        return new DatabasesComponent(context(Map.of("victor.data", data.toString())),
                Configs.of(DatabasesConfig.class, config), Map.of(), null);
    }

    private static DataSourceConfigComponent dataSource(DataSourceSettings settings) {
        return new DataSourceConfigComponent(Map.of(
                "name", settings.name(), "url", settings.url(), "user", settings.user(), "password", settings.password(),
                "table", settings.table(), "checkpoint.table", settings.checkpointTable()));
    }

    @Test
    void withNoConfigurationTheBuiltInH2FileIsUsedAndNeedsNoSetUp() throws SQLException {
        DatabasesComponent component = databases(Map.of());
        component.addDriver(h2, H2_PROPERTIES);
        try {
            Databases all = component.databases();
            assertThat(all.names()).containsExactly("default");
            assertThat(all.settings("default").orElseThrow().url())
                    .isEqualTo("jdbc:h2:file:" + data.toAbsolutePath().resolve("victor-workflows"));
            all.defaultDatabase().workflows().put("hello", "yaml", "workflows: {}\n", Instant.now());
            assertThat(Files.exists(data.resolve("victor-workflows.mv.db"))).isTrue();
            assertThat(all.defaultDatabase().workflows().list()).extracting(row -> row.name()).containsExactly("hello");
        } finally {
            component.deactivate();
        }
    }

    @Test
    void theDataDirectoryComesFromConfigurationThenFrameworkProperties() {
        DatabasesComponent configured = new DatabasesComponent(context(Map.of("victor.data", "/nowhere")),
                Configs.of(DatabasesConfig.class, Map.of("data_directory", data.resolve("x").toString())), Map.of(), null);
        assertThat(configured.dataDirectory()).isEqualTo(data.resolve("x").toAbsolutePath());
        DatabasesComponent karaf = new DatabasesComponent(context(Map.of("karaf.data", data.toString())),
                Configs.of(DatabasesConfig.class, Map.of()), Map.of(), null);
        assertThat(karaf.dataDirectory()).isEqualTo(data.toAbsolutePath());
        DatabasesComponent none = new DatabasesComponent(context(Map.of()), Configs.of(DatabasesConfig.class, Map.of()), Map.of(), null);
        assertThat(none.dataDirectory()).isEqualTo(Path.of("data").toAbsolutePath());
        DatabasesComponent off = databases(Map.of("builtin_enabled", false));
        assertThat(off.databases().names()).isEmpty();
    }

    @Test
    void configuredDatasourcesReplaceTheBuiltInOneAndComeAndGo() throws SQLException {
        DatabasesComponent component = databases(Map.of());
        component.addDriver(h2, H2_PROPERTIES);
        DataSourceConfigComponent main = dataSource(TestDatabases.h2Memory("main"));
        component.addDataSource(main);
        assertThat(component.databases().names()).containsExactly("main");
        assertThat(component.databases().defaultName()).isEqualTo("main");
        component.databases().defaultDatabase().workflows().put("w", "yaml", "x: 1\n", Instant.now());

        DataSourceConfigComponent pg = dataSource(DataSourceSettings.of("pg", "jdbc:postgresql://127.0.0.1:1/victor",
                "victor", "secret"));
        assertThat(((DataSourceConfiguration.Valid) pg.configuration()).driver()).isEqualTo("org.postgresql.Driver");
        component.addDataSource(pg);
        assertThat(component.databases().names()).containsExactly("main", "pg");
        assertThatThrownBy(() -> component.databases().get("pg").orElseThrow().workflows().list())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("No JDBC driver org.postgresql.Driver is installed")
                .hasMessageContaining("[org.h2.Driver]");

        component.removeDataSource(pg);
        component.removeDataSource(main);
        assertThat(component.databases().names()).as("the built-in one is back").containsExactly("default");
        component.deactivate();
    }

    @Test
    void aDriverThatLeavesClosesThePoolsAndAnotherTakesOver() throws SQLException {
        DatabasesComponent component = databases(Map.of());
        component.addDriver(h2, H2_PROPERTIES);
        component.addDataSource(dataSource(TestDatabases.h2Memory("main")));
        Database before = component.databases().defaultDatabase();
        before.workflows().put("w", "yaml", "x: 1\n", Instant.now());

        component.removeDriver(h2, H2_PROPERTIES);
        Database after = component.databases().defaultDatabase();
        assertThat(after).isNotSameAs(before);
        assertThatThrownBy(() -> after.workflows().list()).hasMessageContaining("No JDBC driver org.h2.Driver");

        DataSourceFactory another = new OsgiDataSourceFactory(new org.h2.Driver());
        component.addDriver(another, H2_PROPERTIES);
        assertThat(component.databases().defaultDatabase().workflows().list()).hasSize(1);
        component.deactivate();
    }

    @Test
    void theCheckpointStoreServiceUsesTheConfiguredDatasource() {
        DatabasesComponent component = databases(Map.of());
        component.addDriver(h2, H2_PROPERTIES);
        component.addDataSource(dataSource(TestDatabases.h2Memory("main")));
        DataSourceSettings otherSettings = TestDatabases.h2Memory("other");
        component.addDataSource(dataSource(otherSettings));
        CheckpointStoreComponent store = new CheckpointStoreComponent(component,
                Configs.of(CheckpointStoreConfig.class, Map.of("datasource", "other")), Map.of(), null);
        store.save(new Checkpoint("t", "w", "n", Map.of("a", 1), null, 1, List.of("n"), Instant.now(), null));
        assertThat(store.load("t")).isPresent();
        assertThat(new JdbcCheckpointStore(component.databases().get("main").orElseThrow()).load("t")).isEmpty();
        assertThat(store.delete("t")).isTrue();

        CheckpointStoreComponent unnamed = new CheckpointStoreComponent(component,
                Configs.of(CheckpointStoreConfig.class, Map.of()), Map.of(), null);
        assertThatThrownBy(() -> unnamed.load("t")).hasMessageContaining("Several datasources");
        CheckpointStoreComponent missing = new CheckpointStoreComponent(component,
                Configs.of(CheckpointStoreConfig.class, Map.of("datasource", "gone")), Map.of(), null);
        assertThatThrownBy(() -> missing.load("t")).hasMessageContaining("No datasource 'gone'");
        component.deactivate();
    }
}
