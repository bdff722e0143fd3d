package dev.victor.workflow.db.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

import java.util.Map;

/**
 * One per datasource factory configuration: reads it ({@link DataSourceConfiguration}) and
 * publishes it for {@link DatabasesComponent}. It reads the raw properties itself, so it always
 * activates: a configuration that is not valid (an unknown key, a bad table name, a URL that is not
 * JDBC, a pool size that is not a number) is published as broken, with its reason, and its
 * datasource refuses every use instead of disappearing (which would let the built-in database
 * take its place).
 */
@Component(configurationPid = DataSourceConfig.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = DataSourceConfigComponent.class)
@Designate(ocd = DataSourceConfig.class, factory = true)
public final class DataSourceConfigComponent {

    private final DataSourceConfiguration configuration;

    @Activate
    public DataSourceConfigComponent(Map<String, Object> properties) {
        this.configuration = DataSourceConfiguration.read(properties);
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
        throw new IllegalArgumentException("set 'driver' (the osgi.jdbc.driver.class of the JDBC driver's"
                + " DataSourceFactory) for " + Redaction.url(url));
    }

    public DataSourceConfiguration configuration() {
        return configuration;
    }
}
