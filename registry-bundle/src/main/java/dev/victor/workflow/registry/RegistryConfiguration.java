package dev.victor.workflow.registry;

import java.util.Map;
import java.util.Objects;

/**
 * Everything configurable: the registry's settings and each plugin's, keyed by scheme or name.
 *
 * @param registry the registry's settings
 * @param plugins  plugin settings by scheme or plugin name
 */
public record RegistryConfiguration(RegistrySettings registry, Map<String, PluginSettings> plugins) {
    public RegistryConfiguration {
        Objects.requireNonNull(registry, "registry");
        plugins = Map.copyOf(plugins);
    }

    public static RegistryConfiguration defaults() {
        return new RegistryConfiguration(RegistrySettings.defaults(), Map.of());
    }
}
