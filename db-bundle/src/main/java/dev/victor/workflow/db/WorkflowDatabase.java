package dev.victor.workflow.db;

import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.db.internal.ConnectionSource;
import dev.victor.workflow.db.internal.Database;
import dev.victor.workflow.db.internal.Databases;
import dev.victor.workflow.db.internal.DbSource;
import dev.victor.workflow.db.internal.JdbcCheckpointStore;
import dev.victor.workflow.source.WorkflowSource;
import dev.victor.workflow.spi.CheckpointStore;

import javax.sql.DataSource;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Workflows and checkpoints in SQL databases, off OSGi. Build it with the datasources, register
 * its {@code db} source with a registry (which must also have the YAML and JSON formats, the
 * formats rows are stored in), and give its checkpoint store to the runs:
 *
 * <pre>{@code
 * try (WorkflowDatabase db = WorkflowDatabase.builder()
 *         .dataSource(DataSourceSettings.of("default", "jdbc:postgresql://db/victor", "victor", secret))
 *         .build()) {
 *     db.registerWith(registry::register);         // db://NAME and db://DATASOURCE/NAME
 *     db.put("review", "yaml", yamlText);          // version 1, then 2, ...
 *     RunResult paused = registry.compile("db://review")
 *             .invoke(state, RunConfig.withThreadId("t-1").checkpointStore(db.checkpointStore()));
 * }
 * }</pre>
 *
 * Connections come from the JDBC driver on the class path ({@link DriverManager}), or from a
 * {@link DataSource} given to the builder, and are pooled per datasource. Thread-safe.
 */
public final class WorkflowDatabase implements AutoCloseable {

    /** The scheme the source is registered for. */
    public static final String SCHEME = "db";

    private final Databases databases;
    private final Clock clock;

    private WorkflowDatabase(Builder builder) {
        Map<String, DataSource> dataSources = Map.copyOf(builder.dataSources);
        this.databases = new Databases(settings -> connector(settings, dataSources.get(settings.name())));
        builder.settings.forEach(databases::put);
        this.clock = builder.clock;
    }

    private static ConnectionSource connector(DataSourceSettings settings, DataSource dataSource) {
        if (dataSource != null) {
            return settings.user().isEmpty() ? dataSource::getConnection
                    : () -> dataSource.getConnection(settings.user(), settings.password());
        }
        return () -> DriverManager.getConnection(settings.url(), settings.user(), settings.password());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link WorkflowDatabase}. */
    public static final class Builder {
        private final List<DataSourceSettings> settings = new ArrayList<>();
        private final Map<String, DataSource> dataSources = new HashMap<>();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** A datasource whose connections come from its JDBC driver. */
        public Builder dataSource(DataSourceSettings newSettings) {
            settings.removeIf(existing -> existing.name().equals(newSettings.name()));
            settings.add(newSettings);
            dataSources.remove(newSettings.name());
            return this;
        }

        /**
         * A datasource whose connections come from a {@link DataSource} (the settings' URL is then
         * only shown in messages and hashed into cache keys; a non-empty user logs in with
         * {@code getConnection(user, password)}).
         */
        public Builder dataSource(DataSourceSettings newSettings, DataSource dataSource) {
            dataSource(newSettings);
            dataSources.put(newSettings.name(), Objects.requireNonNull(dataSource, "dataSource"));
            return this;
        }

        /** The clock of {@code updated_at} and of checkpoints saved without a time. */
        public Builder clock(Clock newClock) {
            clock = Objects.requireNonNull(newClock, "clock");
            return this;
        }

        /** @throws IllegalStateException when no datasource was given */
        public WorkflowDatabase build() {
            if (settings.isEmpty()) {
                throw new IllegalStateException("No datasource given");
            }
            return new WorkflowDatabase(this);
        }
    }

    /** The names of the datasources. */
    public Set<String> dataSources() {
        return databases.names();
    }

    /**
     * The {@code db} source: a row's text, with its format as the media type, for a registry that
     * has the YAML and JSON formats.
     */
    public WorkflowSource source() {
        return new DbSource(databases);
    }

    /**
     * Hands {@link #source} to a registry for the scheme {@value #SCHEME}:
     * {@code db.registerWith(registry::register)} with a {@code DefaultWorkflowCompilerRegistry}.
     *
     * @return this
     */
    public WorkflowDatabase registerWith(BiConsumer<? super WorkflowSource, String> registry) {
        Objects.requireNonNull(registry, "registry").accept(source(), SCHEME);
        return this;
    }

    /** The checkpoint store of the default datasource (the only one, or the one named {@code default}). */
    public CheckpointStore checkpointStore() {
        return new JdbcCheckpointStore(database(null));
    }

    /** The checkpoint store of a datasource. */
    public CheckpointStore checkpointStore(String dataSource) {
        return new JdbcCheckpointStore(database(dataSource));
    }

    /**
     * Stores a workflow in the default datasource: a new row at version 1, or the next version.
     *
     * @param format {@code yaml} or {@code json}
     * @throws IllegalArgumentException when the name or format is not acceptable
     * @throws WorkflowException        when the database cannot be written
     */
    public StoredWorkflow put(String name, String format, String text) {
        return put(null, name, format, text);
    }

    /** Stores a workflow in a datasource ({@code null}: the default one). */
    public StoredWorkflow put(String dataSource, String name, String format, String text) {
        Database db = database(dataSource);
        try {
            return db.workflows().put(name, format, text, clock.instant());
        } catch (SQLException e) {
            throw new WorkflowException("Cannot store workflow '" + name + "' in table " + db.workflows().table()
                    + " of " + db.describe() + ": " + e.getMessage(), e);
        }
    }

    /** The workflows of the default datasource, by name. */
    public List<StoredWorkflow> list() {
        return list(null);
    }

    /** The workflows of a datasource ({@code null}: the default one), by name. */
    public List<StoredWorkflow> list(String dataSource) {
        Database db = database(dataSource);
        try {
            return db.workflows().list();
        } catch (SQLException e) {
            throw new WorkflowException("Cannot list the workflows of table " + db.workflows().table() + " of "
                    + db.describe() + ": " + e.getMessage(), e);
        }
    }

    private Database database(String name) {
        if (name == null) {
            return databases.defaultDatabase();
        }
        return databases.get(name).orElseThrow(() -> new IllegalArgumentException("No datasource '" + name
                + "'; configured: " + String.join(", ", databases.names())));
    }

    /** Closes the connection pools. */
    @Override
    public void close() {
        databases.close();
    }

    @Override
    public String toString() {
        return "WorkflowDatabase" + databases.names();
    }
}
