package dev.victor.workflow.db.internal;

import dev.victor.workflow.db.RecordingFormat;
import dev.victor.workflow.db.Registries;
import dev.victor.workflow.db.TestDatabases;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.source.SourceDocument;
import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.service.jdbc.DataSourceFactory;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The db source component without a framework: it reads the configured datasources, and needs no registry. */
class DbSourceComponentTest {

    private static final String TEXT = "workflows:\n  w:\n    nodes:\n      - {id: a, type: transform, transform: \"a = 1\"}\n";

    private static DatabasesComponent databases() {
        BundleContext context = (BundleContext) Proxy.newProxyInstance(DbSourceComponentTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        DatabasesComponent component = new DatabasesComponent(context,
                Configs.of(DatabasesConfig.class, Map.of("builtin_enabled", false)), Map.of(), null);
        component.addDriver(new OsgiDataSourceFactory(new org.h2.Driver()),
                Map.of(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS, "org.h2.Driver"));
        var settings = TestDatabases.h2Memory("main");
        component.addDataSource(new DataSourceConfigComponent(Map.of(
                "name", settings.name(), "url", settings.url(), "user", settings.user(),
                "password", settings.password(), "table", settings.table(),
                "checkpoint.table", settings.checkpointTable())));
        return component;
    }

    @Test
    void theSourceComponentReadsRowsOfTheConfiguredDatasources() throws SQLException {
        DatabasesComponent component = databases();
        try {
            DbSourceComponent source = new DbSourceComponent(component);
            component.databases().defaultDatabase().workflows().put("w", "yaml", TEXT, Instant.now());

            String fingerprint = source.fingerprint("w");
            SourceDocument document = source.read("w");

            assertThat(source.fingerprint("main/w")).isEqualTo(fingerprint).startsWith("main/");
            assertThat(document.name()).isEqualTo("db://main/w");
            assertThat(document.mediaType()).isEqualTo("application/yaml");
            assertThat(document.trusted()).isFalse();
            assertThat(document.fingerprint()).isEqualTo(fingerprint);
            assertThat(new String(document.content(), StandardCharsets.UTF_8)).isEqualTo(TEXT);
            assertThat(source.accepts("main/w")).isTrue();
            assertThat(source.accepts("elsewhere/w")).isFalse();

            DefaultWorkflowCompilerRegistry registry = Registries.withFormats(RecordingFormat.yaml());
            registry.addSource(source, Map.of("scheme", "db", "service.id", 3L), "test");
            assertThat(registry.compile("db://w").name()).isEqualTo("w");
            assertThat(registry.workflowNames("db://w")).containsExactly("w");
        } finally {
            component.deactivate();
        }
    }

    @Test
    void theDescriptorPublishesTheDbSchemeAsASourceAndNeedsNoRegistry() throws IOException {
        String descriptor;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("OSGI-INF/dev.victor.workflow.db.internal.DbSourceComponent.xml")) {
            assertThat(in).isNotNull();
            descriptor = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(descriptor).contains("<provide interface=\"dev.victor.workflow.source.WorkflowSource\"/>")
                .contains("<property name=\"scheme\" type=\"String\">db</property>")
                .contains("<property name=\"plugin.name\" type=\"String\" value=\"db\"/>")
                .doesNotContain("WorkflowCompilerRegistry").doesNotContain("WorkflowCompilerPlugin");
    }
}
