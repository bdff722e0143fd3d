package dev.victor.workflow.db.internal;

import dev.victor.workflow.db.DataSourceSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

import java.time.Duration;

/**
 * One per datasource factory configuration: checks it and publishes it for
 * {@link DatabasesComponent}. A configuration that is not valid (a bad table name, a URL that is not
 * JDBC) fails here, with the reason in the log, and never reaches a database.
 */
@Component(configurationPid = DataSourceConfig.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = DataSourceConfigComponent.class)
@Designate(ocd = DataSourceConfig.class, factory = true)
public final class DataSourceConfigComponent {

    private final DataSourceSettings settings;
    private final String driver;

    @Activate
    public DataSourceConfigComponent(DataSourceConfig config) {
        this.settings = settings(config);
        this.driver = driver(config.driver(), settings.url());
    }

    /** The settings of a configuration. */
    static DataSourceSettings settings(DataSourceConfig config) {
        return new DataSourceSettings(config.name().strip(), config.url().strip(), config.user(), config.password(),
                config.table().strip(), config.checkpoint_table().strip(), config.pool_size(),
                Duration.ofSeconds(config.pool_timeout_seconds()), config.create_schema());
    }

    /** The JDBC driver class: the configured one, else the one of the URL's database. */
    static String driver(String configured, String url) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        if (url.startsWith("jdbc:h2:")) {
            return "org.h2.Driver";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.Driver";
        }
        throw new IllegalArgumentException("Set 'driver' (the osgi.jdbc.driver.class of the JDBC driver's"
                + " DataSourceFactory) for " + Redaction.url(url));
    }

    public DataSourceSettings settings() {
        return settings;
    }

    public String driver() {
        return driver;
    }
}
