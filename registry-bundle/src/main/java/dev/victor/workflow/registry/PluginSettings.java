package dev.victor.workflow.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of one plugin, found under its scheme or its name.
 *
 * @param enabled      false hides the plugin's scheme(s) without uninstalling it
 * @param staleIfError when its source cannot be read ({@link
 *                     dev.victor.workflow.api.WorkflowSourceUnavailableException}), serve the
 *                     last good compiled graph of the URI, with a warning on each result
 * @param options      given to the plugin when the registry builds it, and under the options of
 *                     {@code create(uri, options)}
 */
public record PluginSettings(boolean enabled, boolean staleIfError, Map<String, Object> options) {

    /** The option key that also turns on {@link #staleIfError()}; it is not passed to the plugin. */
    public static final String STALE_IF_ERROR = "stale_if_error";

    private static final PluginSettings DEFAULTS = new PluginSettings(true, false, Map.of());

    public PluginSettings {
        Map<String, Object> copy = new LinkedHashMap<>(options == null ? Map.of() : options);
        Object stale = copy.remove(STALE_IF_ERROR);
        if (stale != null) {
            staleIfError = staleIfError || strictBoolean(stale, STALE_IF_ERROR);
        }
        options = Collections.unmodifiableMap(copy);
    }

    /** Enabled, no stale serving, no options. */
    public static PluginSettings defaults() {
        return DEFAULTS;
    }

    public PluginSettings withEnabled(boolean newEnabled) {
        return new PluginSettings(newEnabled, staleIfError, options);
    }

    public PluginSettings withStaleIfError(boolean newStaleIfError) {
        return new PluginSettings(enabled, newStaleIfError, options);
    }

    public PluginSettings withOptions(Map<String, ?> newOptions) {
        return new PluginSettings(enabled, staleIfError, new LinkedHashMap<>(newOptions));
    }

    /**
     * A boolean setting: {@code null} is false; a Boolean, or the text true or false (any case),
     * as it says; anything else ({@code flase}, {@code yes}, {@code 1}) is refused, naming what.
     *
     * @throws IllegalArgumentException for a value that is not a boolean
     */
    public static boolean strictBoolean(Object value, String what) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        String text = value.toString().strip();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException(what + " must be true or false, was '" + value + "'");
    }
}
