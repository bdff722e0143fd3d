package dev.victor.workflow.db.internal;

import dev.victor.workflow.db.TestDatabases;
import dev.victor.workflow.db.internal.command.DbGogoCommands;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.service.jdbc.DataSourceFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Gogo adapter in Gogo's own command processor, as a shell runs it. */
class DbGogoCommandsTest {

    @Test
    void gogoReachesTheHyphenatedCommandsThroughMain() throws Exception {
        DatabasesComponent databases = new DatabasesComponent(
                (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                        (proxy, method, args) -> null),
                Configs.of(DatabasesConfig.class, Map.of("builtin_enabled", false)), Map.of(), null);
        databases.addDriver(new OsgiDataSourceFactory(new org.h2.Driver()),
                Map.of(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS, "org.h2.Driver"));
        var settings = TestDatabases.h2Memory("default");
        databases.addDataSource(new DataSourceConfigComponent(Map.of(
                "url", settings.url(), "user", "sa", "table", settings.table(),
                "checkpoint.table", settings.checkpointTable())));
        DbGogoCommands commands = new DbGogoCommands(databases, DefaultWorkflowCompilerRegistry.create());

        ThreadIOImpl threadIO = new ThreadIOImpl();
        threadIO.start();
        CommandProcessorImpl processor = new CommandProcessorImpl(threadIO);
        for (String function : List.of("db-put", "db-list", "db-threads")) {
            processor.addCommand("workflow", commands, function);
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), printed, printed)) {
            session.execute("workflow:db-list");
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("No workflows stored");
            session.execute("db-list --datasource default");
            session.execute("workflow:db-threads");
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("No runs are waiting");
            assertThatThrownBy(() -> session.execute("workflow:db-put name-only"))
                    .isInstanceOf(DbGogoCommands.CommandFailedException.class)
                    .hasMessageContaining("status 2");
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Usage: workflow:db-put");
        } finally {
            threadIO.stop();
        }
        databases.deactivate();
    }
}
