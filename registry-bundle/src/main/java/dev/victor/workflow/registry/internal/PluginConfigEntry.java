package dev.victor.workflow.registry.internal;

import dev.victor.workflow.registry.PluginSettings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One plugin configuration, as the registry component receives it.
 *
 * @param plugin   the scheme or plugin name it applies to
 * @param settings the settings
 */
public record PluginConfigEntry(String plugin, PluginSettings settings) {

    /** Reads a configuration; options are {@code key=value} (a value {@code true}/{@code false} becomes a boolean). */
    static PluginConfigEntry of(PluginConfig config) {
        Map<String, Object> options = new LinkedHashMap<>();
        for (String option : config.options()) {
            int equals = option.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("Option '" + option + "' of plugin " + config.plugin()
                        + " is not key=value");
            }
            String value = option.substring(equals + 1).strip();
            options.put(option.substring(0, equals).strip(),
                    value.equals("true") || value.equals("false") ? Boolean.valueOf(value) : value);
        }
        return new PluginConfigEntry(config.plugin().strip(),
                new PluginSettings(config.enabled(), config.stale_if_error(), options));
    }
}
