package dev.victor.workflow.db.internal;

import dev.victor.workflow.kernel.osgi.ConfigurationKeys;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;

/**
 * The datasources of the bundle: every {@link DataSourceConfigComponent} (a factory configuration),
 * connected through the OSGi JDBC service, the {@link DataSourceFactory} that the H2 and PostgreSQL
 * drivers publish, chosen by {@code osgi.jdbc.driver.class}. While no datasource is configured, a
 * built-in one named {@value DataSourceSettings#DEFAULT_NAME} is used: an embedded H2 database file
 * {@code victor-workflows.mv.db} in the data directory, whose tables are created on first use. A
 * configuration that is broken counts as configured: its datasource refuses every use with the
 * reason (logged as an error), and the built-in database does not take its place.
 *
 * <p>Configurations and drivers may come and go: a changed datasource gets a new pool; a driver
 * that leaves closes every pool (connections are opened again through the next driver).
 */
@Component(service = {DatabasesComponent.class, DatasourceCatalog.class}, configurationPid = DatabasesConfig.PID)
@Designate(ocd = DatabasesConfig.class)
public final class DatabasesComponent implements DatasourceCatalog {

    /** The built-in database's file, without H2's {@code .mv.db}. */
    static final String BUILTIN_FILE = "victor-workflows";

    private final Databases databases = new Databases(this::connector);
    private final Map<String, DataSourceFactory> drivers = new TreeMap<>();
    private final Map<DataSourceConfigComponent, DataSourceConfiguration> configured = new LinkedHashMap<>();
    private final Map<String, String> driverOf = new TreeMap<>();
    private final BundleContext context;
    private final Logger logger;
    private DatabasesConfig config;

    /** The OSGi names of the keys of {@link DatabasesConfig}. */
    static final Set<String> KEYS = Set.of("data.directory", "builtin.enabled");

    @Activate
    public DatabasesComponent(BundleContext context, DatabasesConfig config, Map<String, Object> properties,
                              @Reference(name = "logger", service = LoggerFactory.class,
                                      cardinality = ReferenceCardinality.OPTIONAL) Logger logger) {
        this.context = context;
        this.logger = logger;
        synchronized (this) {
            this.config = config;
            warnUnknownKeys(properties);
            apply();
        }
    }

    @Modified
    synchronized void modified(DatabasesConfig newConfig, Map<String, Object> properties) {
        config = newConfig;
        warnUnknownKeys(properties);
        apply();
    }

    private void warnUnknownKeys(Map<String, Object> properties) {
        Set<String> unknown = ConfigurationKeys.unknown(properties, KEYS);
        if (!unknown.isEmpty() && logger != null) {
            logger.warn("The configuration " + ConfigurationKeys.origin(properties, DatabasesConfig.PID)
                    + " has unknown key(s) " + String.join(", ", unknown) + ", which are ignored; known: "
                    + String.join(", ", new TreeSet<>(KEYS)));
        }
    }

    @Deactivate
    void deactivate() {
        databases.close();
    }

    /** The datasources, for the plugin, the checkpoint store and the commands. */
    @Override
    public Databases databases() {
        return databases;
    }

    // ---------------------------------------------------------------- configurations

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeDataSource")
    synchronized void addDataSource(DataSourceConfigComponent dataSource) {
        DataSourceConfiguration configuration = dataSource.configuration();
        configured.put(dataSource, configuration);
        if (configuration instanceof DataSourceConfiguration.Valid valid) {
            driverOf.put(valid.name(), valid.driver());
        }
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
        Map<String, String> broken = new TreeMap<>();
        Map<String, String> origins = new TreeMap<>();
        for (DataSourceConfiguration configuration : configured.values()) {
            String name = configuration.name();
            String first = origins.putIfAbsent(name, configuration.origin());
            if (first != null) {
                broken.put(name, "Datasource '" + name + "' is not usable: two configurations name it (" + first
                        + " and " + configuration.origin() + "); remove one");
            } else if (configuration instanceof DataSourceConfiguration.Broken failed) {
                broken.put(name, failed.message());
            } else if (configuration instanceof DataSourceConfiguration.Valid valid) {
                wanted.put(name, valid.settings());
            }
        }
        broken.keySet().forEach(wanted::remove);
        if (wanted.isEmpty() && broken.isEmpty() && config.builtin_enabled()) {
            DataSourceSettings builtin = DataSourceSettings.h2File(DataSourceSettings.DEFAULT_NAME,
                    dataDirectory().resolve(BUILTIN_FILE));
            wanted.put(builtin.name(), builtin);
            driverOf.put(builtin.name(), "org.h2.Driver");
        }
        for (String name : databases.names()) {
            if (!wanted.containsKey(name) && !broken.containsKey(name)) {
                databases.remove(name);
            }
        }
        broken.forEach((name, reason) -> {
            if (!databases.broken(name).map(reason::equals).orElse(false)) {
                databases.putBroken(name, reason);
                error(reason);
            }
        });
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

    private void error(String message) {
        if (logger != null) {
            logger.error(message);
        }
    }
}
