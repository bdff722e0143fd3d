package dev.victor.workflow.db.internal;

import dev.victor.workflow.db.DataSourceSettings;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The datasources of the bundle: every {@link DataSourceConfigComponent} (a factory configuration),
 * connected through the OSGi JDBC service, the {@link DataSourceFactory} that the H2 and PostgreSQL
 * drivers publish, chosen by {@code osgi.jdbc.driver.class}. While no datasource is configured, a
 * built-in one named {@value DataSourceSettings#DEFAULT_NAME} is used: an embedded H2 database file
 * {@code victor-workflows.mv.db} in the data directory, whose tables are created on first use.
 *
 * <p>Configurations and drivers may come and go: a changed datasource gets a new pool; a driver
 * that leaves closes every pool (connections are opened again through the next driver).
 */
@Component(service = DatabasesComponent.class, configurationPid = DatabasesConfig.PID)
@Designate(ocd = DatabasesConfig.class)
public final class DatabasesComponent {

    /** The built-in database's file, without H2's {@code .mv.db}. */
    static final String BUILTIN_FILE = "victor-workflows";

    private final Databases databases = new Databases(this::connector);
    private final Map<String, DataSourceFactory> drivers = new TreeMap<>();
    private final Map<DataSourceConfigComponent, DataSourceSettings> configured = new LinkedHashMap<>();
    private final Map<String, String> driverOf = new TreeMap<>();
    private final BundleContext context;
    private final Logger logger;
    private DatabasesConfig config;

    @Activate
    public DatabasesComponent(BundleContext context, DatabasesConfig config,
                              @Reference(name = "logger", service = LoggerFactory.class,
                                      cardinality = ReferenceCardinality.OPTIONAL) Logger logger) {
        this.context = context;
        this.logger = logger;
        synchronized (this) {
            this.config = config;
            apply();
        }
    }

    @Modified
    synchronized void modified(DatabasesConfig newConfig) {
        config = newConfig;
        apply();
    }

    @Deactivate
    void deactivate() {
        databases.close();
    }

    /** The datasources, for the plugin, the checkpoint store and the commands. */
    public Databases databases() {
        return databases;
    }

    // ---------------------------------------------------------------- configurations

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeDataSource")
    synchronized void addDataSource(DataSourceConfigComponent dataSource) {
        configured.put(dataSource, dataSource.settings());
        driverOf.put(dataSource.settings().name(), dataSource.driver());
        if (config != null) {
            apply();
        }
    }

    synchronized void removeDataSource(DataSourceConfigComponent dataSource) {
        configured.remove(dataSource);
        if (config != null) {
            apply();
        }
    }

    /** Makes the datasources what the configurations (or the built-in default) say. */
    private void apply() {
        Map<String, DataSourceSettings> wanted = new TreeMap<>();
        for (DataSourceSettings settings : configured.values()) {
            DataSourceSettings twice = wanted.put(settings.name(), settings);
            if (twice != null) {
                log("Two configurations name datasource '" + settings.name() + "'; one is used");
            }
        }
        if (wanted.isEmpty() && config.builtin_enabled()) {
            DataSourceSettings builtin = DataSourceSettings.h2File(DataSourceSettings.DEFAULT_NAME,
                    dataDirectory().resolve(BUILTIN_FILE));
            wanted.put(builtin.name(), builtin);
            driverOf.put(builtin.name(), "org.h2.Driver");
        }
        for (String name : databases.names()) {
            if (!wanted.containsKey(name)) {
                databases.remove(name);
            }
        }
        wanted.forEach((name, settings) -> {
            if (!databases.settings(name).map(settings::equals).orElse(false)) {
                databases.put(settings);
            }
        });
    }

    Path dataDirectory() {
        String configured = config.data_directory();
        if (configured == null || configured.isBlank()) {
            configured = context.getProperty("victor.data");
        }
        if (configured == null || configured.isBlank()) {
            configured = context.getProperty("karaf.data");
        }
        if (configured == null || configured.isBlank()) {
            configured = "data";
        }
        return Path.of(configured.strip()).toAbsolutePath().normalize();
    }

    // ---------------------------------------------------------------- JDBC drivers

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeDriver")
    void addDriver(DataSourceFactory driver, Map<String, Object> properties) {
        Object name = properties.get(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS);
        if (name != null) {
            synchronized (this) {
                drivers.put(String.valueOf(name), driver);
            }
        }
    }

    void removeDriver(DataSourceFactory driver, Map<String, Object> properties) {
        Object name = properties.get(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS);
        synchronized (this) {
            if (name == null || drivers.get(String.valueOf(name)) != driver) {
                return;
            }
            drivers.remove(String.valueOf(name));
        }
        databases.reset();
    }

    /** Connections for a datasource through its driver's DataSourceFactory, looked up when a connection is opened. */
    private ConnectionSource connector(DataSourceSettings settings) {
        return new ConnectionSource() {
            private DataSourceFactory factory;
            private DataSource dataSource;

            @Override
            public synchronized Connection open() throws SQLException {
                String driverClass;
                DataSourceFactory current;
                synchronized (DatabasesComponent.this) {
                    driverClass = driverOf.get(settings.name());
                    current = driverClass == null ? null : drivers.get(driverClass);
                    if (current == null) {
                        throw new SQLException("No JDBC driver " + driverClass + " is installed (a DataSourceFactory"
                                + " service with osgi.jdbc.driver.class=" + driverClass + "); installed: "
                                + drivers.keySet(), "08001");
                    }
                }
                if (current != factory) {
                    Properties properties = new Properties();
                    properties.setProperty(DataSourceFactory.JDBC_URL, settings.url());
                    if (!settings.user().isEmpty()) {
                        properties.setProperty(DataSourceFactory.JDBC_USER, settings.user());
                    }
                    if (!settings.password().isEmpty()) {
                        properties.setProperty(DataSourceFactory.JDBC_PASSWORD, settings.password());
                    }
                    dataSource = current.createDataSource(properties);
                    factory = current;
                    info("Datasource '" + settings.name() + "' connects to " + settings.redactedUrl() + " through "
                            + driverClass + "; tables " + settings.table() + " and " + settings.checkpointTable());
                }
                return dataSource.getConnection();
            }
        };
    }

    private void info(String message) {
        if (logger != null) {
            logger.info(message);
        }
    }

    private void log(String message) {
        if (logger != null) {
            logger.warn(message);
        }
    }
}
