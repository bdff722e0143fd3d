package dev.victor.workflow.db.internal;

import dev.victor.workflow.kernel.osgi.ConfigurationKeys;
import dev.victor.workflow.db.DataSourceSettings;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * One datasource configuration as read from its raw properties: either usable ({@link Valid}) or not
 * ({@link Broken}, with the reason). A broken configuration still names its datasource, so that
 * every use of that datasource fails with the reason, and so that the built-in database never
 * stands in for it: data meant for a configured database is never written elsewhere.
 */
sealed interface DataSourceConfiguration {

    /** The OSGi names of the keys of {@link DataSourceConfig}. */
    Set<String> KEYS = Set.of("name", "url", "user", "password", "table", "checkpoint.table", "pool.size",
            "pool.timeout.seconds", "create.schema", "driver");

    /** The datasource's name as configured ({@code default} when not set). */
    String name();

    /** The configuration's file or PID. */
    String origin();

    record Valid(String name, String origin, DataSourceSettings settings, String driver)
            implements DataSourceConfiguration {
    }

    record Broken(String name, String origin, String reason) implements DataSourceConfiguration {
        /** What every use of the datasource says. */
        String message() {
            return "Datasource '" + name + "' is not usable: its configuration " + origin + " is invalid: " + reason
                    + ". Nothing is read or written until it is fixed (the built-in database does not stand in)";
        }
    }

    /** Reads one configuration; never throws. */
    static DataSourceConfiguration read(Map<String, ?> properties) {
        String origin = ConfigurationKeys.origin(properties, DataSourceConfig.FACTORY_PID);
        String name = DataSourceSettings.DEFAULT_NAME;
        try {
            name = ConfigurationKeys.string(properties, "name", DataSourceSettings.DEFAULT_NAME).strip();
            Set<String> unknown = ConfigurationKeys.unknown(properties, KEYS);
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("unknown key(s) " + String.join(", ", unknown) + "; known: "
                        + String.join(", ", new java.util.TreeSet<>(KEYS)));
            }
            String url = ConfigurationKeys.string(properties, "url", "").strip();
            if (url.isEmpty()) {
                throw new IllegalArgumentException("'url' is not set");
            }
            DataSourceSettings settings = new DataSourceSettings(name, url,
                    ConfigurationKeys.string(properties, "user", ""),
                    ConfigurationKeys.string(properties, "password", ""),
                    ConfigurationKeys.string(properties, "table", DataSourceSettings.DEFAULT_TABLE).strip(),
                    ConfigurationKeys.string(properties, "checkpoint.table",
                            DataSourceSettings.DEFAULT_CHECKPOINT_TABLE).strip(),
                    ConfigurationKeys.integer(properties, "pool.size", DataSourceSettings.DEFAULT_POOL_SIZE),
                    Duration.ofSeconds(ConfigurationKeys.integer(properties, "pool.timeout.seconds",
                            (int) DataSourceSettings.DEFAULT_POOL_TIMEOUT.toSeconds())),
                    ConfigurationKeys.bool(properties, "create.schema", true));
            String driver = DataSourceConfigComponent.driver(ConfigurationKeys.string(properties, "driver", ""), url);
            return new Valid(name, origin, settings, driver);
        } catch (IllegalArgumentException e) {
            String password = properties.get("password") instanceof String text ? text : null;
            return new Broken(name, origin, Redaction.text(e.getMessage(), password));
        }
    }
}
