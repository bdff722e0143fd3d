package dev.victor.workflow.registry.internal.core;

import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.WorkflowCompilers;
import dev.victor.workflow.registry.PluginInfo;
import dev.victor.workflow.registry.PluginSettings;
import dev.victor.workflow.registry.RegistrySettings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which plugin serves each scheme: every entry of a scheme in precedence order (highest ranking
 * first, ties to the lowest id), the first enabled one active. Holds the registry and plugin
 * settings it was built with; replaced whole on every change. Immutable.
 */
public final class PluginTable {

    private final Map<String, List<PluginEntry>> byScheme;
    private final Map<String, PluginEntry> active;
    private final RegistrySettings settings;
    private final Map<String, PluginSettings> pluginSettings;
    private final UriResolution uris;

    private PluginTable(Map<String, List<PluginEntry>> byScheme, Map<String, PluginEntry> active,
                        RegistrySettings settings, Map<String, PluginSettings> pluginSettings) {
        this.byScheme = byScheme;
        this.active = active;
        this.settings = settings;
        this.pluginSettings = pluginSettings;
        this.uris = new UriResolution(settings.defaultScheme());
    }

    /** The table of these entries under these settings. */
    public static PluginTable build(List<PluginEntry> entries, RegistrySettings settings,
                                    Map<String, PluginSettings> pluginSettings) {
        Map<String, List<PluginEntry>> byScheme = new HashMap<>();
        for (PluginEntry entry : entries) {
            for (String scheme : entry.schemes) {
                byScheme.computeIfAbsent(scheme, s -> new ArrayList<>()).add(entry);
            }
        }
        Map<String, PluginEntry> active = new HashMap<>();
        Map<String, List<PluginEntry>> sorted = new HashMap<>();
        PluginTable partial = new PluginTable(Map.of(), Map.of(), settings, pluginSettings);
        for (Map.Entry<String, List<PluginEntry>> item : byScheme.entrySet()) {
            List<PluginEntry> list = new ArrayList<>(item.getValue());
            list.sort(PluginEntry.ORDER);
            sorted.put(item.getKey(), List.copyOf(list));
            for (PluginEntry entry : list) {
                if (partial.settingsOf(entry, item.getKey()).enabled()) {
                    active.put(item.getKey(), entry);
                    break;
                }
            }
        }
        return new PluginTable(Map.copyOf(sorted), Map.copyOf(active), settings, pluginSettings);
    }

    /** A plugin's settings for a scheme: those under the scheme, else under its name, else the defaults. */
    public PluginSettings settingsOf(PluginEntry entry, String scheme) {
        PluginSettings bySchemeKey = pluginSettings.get(scheme);
        if (bySchemeKey != null) {
            return bySchemeKey;
        }
        PluginSettings byName = pluginSettings.get(entry.name);
        return byName != null ? byName : PluginSettings.defaults();
    }

    public RegistrySettings settings() {
        return settings;
    }

    public Map<String, PluginSettings> pluginSettings() {
        return pluginSettings;
    }

    /** The schemes that can be compiled (enabled ones only). */
    public Set<String> schemes() {
        return active.keySet();
    }

    /** The plugin that serves a scheme, or {@code null}. */
    public PluginEntry active(String scheme) {
        return active.get(scheme);
    }

    /** Every entry of a scheme, enabled or not, in precedence order. */
    public List<PluginEntry> entriesOf(String scheme) {
        return byScheme.getOrDefault(scheme, List.of());
    }

    /** How a URI resolves in this table (see {@link UriResolution}). */
    public dev.victor.workflow.registry.SchemeResolver.Resolution resolve(String uri) {
        return uris.resolve(uri, this);
    }

    /** Every plugin for every scheme, sorted by scheme and then by precedence. */
    public List<PluginInfo> plugins() {
        List<PluginInfo> infos = new ArrayList<>();
        for (Map.Entry<String, List<PluginEntry>> scheme : new TreeMap<>(byScheme).entrySet()) {
            for (PluginEntry entry : scheme.getValue()) {
                PluginSettings entrySettings = settingsOf(entry, scheme.getKey());
                infos.add(new PluginInfo(scheme.getKey(), entry.pluginClass.getName(), entry.name, entry.origin,
                        entry.ranking, entry.id, entrySettings.enabled(), active.get(scheme.getKey()) == entry,
                        entrySettings.staleIfError() || entry.staleIfErrorProperty));
            }
        }
        return infos;
    }

    /**
     * The settings key that {@code key} (a scheme or a plugin name) names: a known scheme
     * lower-cased, else as given; empty when no plugin has that scheme or name.
     */
    public Optional<String> settingsKey(String key) {
        String stored = WorkflowCompilers.isValidScheme(key) && byScheme.containsKey(key.toLowerCase(Locale.ROOT))
                ? key.toLowerCase(Locale.ROOT) : key;
        boolean known = byScheme.containsKey(stored) || byScheme.values().stream()
                .flatMap(List::stream).anyMatch(entry -> entry.name.equals(stored));
        return known ? Optional.of(stored) : Optional.empty();
    }

    /** Every scheme that has a plugin, enabled or not, sorted. */
    public Set<String> allSchemes() {
        return new TreeMap<>(byScheme).keySet();
    }

    /**
     * The plugin instances, by scheme, whose graphs no longer apply in this table: the scheme went
     * to another plugin, the plugin's options changed, or the plugin was retired.
     */
    public Map<String, WorkflowCompilerPlugin> droppedSince(PluginTable old) {
        Map<String, WorkflowCompilerPlugin> dropped = new HashMap<>();
        for (Map.Entry<String, PluginEntry> served : old.active.entrySet()) {
            String scheme = served.getKey();
            PluginEntry entry = served.getValue();
            boolean sameEntry = active.get(scheme) == entry;
            boolean sameOptions = old.settingsOf(entry, scheme).equals(settingsOf(entry, scheme));
            WorkflowCompilerPlugin instance = entry.currentInstance();
            if (instance != null && (!sameEntry || !sameOptions || entry.isRetired())) {
                dropped.put(scheme, instance);
            }
        }
        return dropped;
    }
}
