package dev.victor.workflow.registry.internal.core;

import dev.victor.workflow.api.UnknownSchemeException;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.WorkflowCompilers;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.format.WorkflowFormat;
import dev.victor.workflow.kernel.WorkflowKernel;
import dev.victor.workflow.registry.PluginSettings;
import dev.victor.workflow.registry.RegistryConfiguration;
import dev.victor.workflow.registry.RegistrySettings;
import dev.victor.workflow.registry.compose.FormatTable;
import dev.victor.workflow.registry.file.FileSourceOptions;
import dev.victor.workflow.source.WorkflowSource;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The registry's plugins as they change: every registration (in code, ServiceLoader, services,
 * sources and formats composed) and the {@link PluginTable} they make, with the registry and
 * plugin settings. Every change happens under one lock and replaces the table whole; the graphs
 * of plugins that no longer serve a scheme as before are dropped from the cache. Readers take
 * {@link #table()} without a lock.
 */
public final class PluginDirectory {

    private final Object lock = new Object();
    private final System.Logger log;
    private final ServiceProperties properties;
    private final PluginRegistrations registrations = new PluginRegistrations();
    private final ComposedPlugins composed;
    private final GraphCache cache;
    private volatile PluginTable table;

    public PluginDirectory(System.Logger log, ServiceProperties properties, WorkflowKernel kernel,
                           RegistrySettings settings, Map<String, PluginSettings> pluginSettings, GraphCache cache) {
        this.log = log;
        this.properties = properties;
        this.composed = new ComposedPlugins(log, properties, kernel);
        this.table = PluginTable.build(List.of(), settings, Map.copyOf(pluginSettings));
        this.cache = cache;
    }

    /** The table now. */
    public PluginTable table() {
        return table;
    }

    // ---------------------------------------------------------------- plugins

    /** Registers a plugin in code for its scheme, replacing (with a warning) one registered before. */
    public void registerInCode(PluginEntry entry) {
        String scheme = entry.schemes.iterator().next();
        synchronized (lock) {
            PluginEntry previous = registrations.putCode(scheme, entry);
            PluginEntry served = table.active(scheme);
            if (previous != null) {
                previous.retire();
                log.log(System.Logger.Level.WARNING, "Compiler plugin ''{0}'' already registered ({1}), replacing it"
                        + " with {2}", scheme, previous.pluginClass.getName(), entry.pluginClass.getName());
            } else if (served != null) {
                log.log(System.Logger.Level.WARNING, "Compiler plugin ''{0}'' is served by {1}; the registration of {2}"
                        + " in code overrides it until it is unregistered", scheme, served, entry.pluginClass.getName());
            }
            update();
        }
    }

    /** Removes the registration in code of a scheme (as the caller wrote it). */
    public void unregister(String scheme) {
        String key = scheme == null ? "" : scheme.strip().toLowerCase(Locale.ROOT);
        synchronized (lock) {
            PluginEntry removed = registrations.removeCode(key);
            if (removed != null) {
                removed.retire();
                update();
                return;
            }
            List<PluginEntry> others = table.entriesOf(key);
            if (others.isEmpty()) {
                throw new UnknownSchemeException(key, table.schemes());
            }
            throw new WorkflowException("No compiler plugin is registered in code for '" + key + "': it is provided"
                    + " by " + others.get(0) + "; set enabled=false in its configuration to hide it");
        }
    }

    /** Adds a plugin found with ServiceLoader. */
    public void addServiceLoader(PluginEntry entry) {
        synchronized (lock) {
            registrations.addServiceLoader(entry);
            update();
        }
    }

    /** Adds a plugin service; false (logged) when it publishes no valid scheme. */
    public boolean addService(WorkflowCompilerPlugin plugin, Map<String, ?> published, String origin) {
        long id = properties.serviceId(published);
        String name = ServiceProperties.nameOf(plugin, published);
        Set<String> schemes = properties.schemes(published, name, origin);
        if (schemes.isEmpty()) {
            log.log(System.Logger.Level.WARNING, "Compiler plugin {0} ({1}) publishes no valid ''scheme''"
                    + " property; ignored", plugin.getClass().getName(), origin);
            return false;
        }
        PluginEntry entry = PluginEntry.ofService(schemes, ServiceProperties.ranking(published), id, name, origin,
                plugin, ServiceProperties.staleIfError(published, name));
        synchronized (lock) {
            PluginEntry previous = registrations.putService(id, entry);
            if (previous != null) {
                previous.retire();
            }
            update();
        }
        return true;
    }

    /** A plugin service's properties changed: same as removing and adding it. */
    public void modifiedService(WorkflowCompilerPlugin plugin, Map<String, ?> published, String origin) {
        synchronized (lock) {
            if (!addService(plugin, published, origin)) {
                removeService(properties.serviceId(published));
            }
        }
    }

    public void removeService(long serviceId) {
        synchronized (lock) {
            PluginEntry removed = registrations.removeService(serviceId);
            if (removed != null) {
                removed.retire();
                update();
            }
        }
    }

    // ---------------------------------------------------------------- sources and formats

    /** Adds a source service; false (logged) when it publishes no valid scheme. */
    public boolean addSource(WorkflowSource source, Map<String, ?> published, String origin) {
        synchronized (lock) {
            if (!composed.addSource(source, published, origin)) {
                return false;
            }
            recompose();
        }
        return true;
    }

    public void removeSource(long serviceId) {
        synchronized (lock) {
            if (composed.removeSource(serviceId)) {
                recompose();
            }
        }
    }

    /** Registers a source in code for these schemes (above every service of those schemes). */
    public void registerSource(WorkflowSource source, String... schemes) {
        addSource(source, ComposedPlugins.sourceInCode(schemes), "registered in code");
    }

    /** Adds a format service; false (logged) when its {@code format} property is not one valid name. */
    public boolean addFormat(WorkflowFormat format, Map<String, ?> published, String origin) {
        synchronized (lock) {
            if (!composed.addFormat(format, published, origin)) {
                return false;
            }
            recompose();
        }
        return true;
    }

    public void removeFormat(long serviceId) {
        synchronized (lock) {
            composed.removeFormat(serviceId);
            recompose();
        }
    }

    /** Registers a format in code, replacing the one registered under the same name. */
    public void registerFormat(String name, WorkflowFormat format, List<String> mediaTypes, List<String> extensions) {
        addFormat(format, composed.formatInCode(name, mediaTypes, extensions), "registered in code");
    }

    /** Serves local files with these options, replacing the built-in file source's. */
    public void files(FileSourceOptions options, String origin) {
        synchronized (lock) {
            composed.files(options, origin);
            recompose();
        }
    }

    public FormatTable formats() {
        return composed.formats();
    }

    /** Replaces the composed plugins with those the sources and formats make now. Holds the lock. */
    private void recompose() {
        registrations.replaceComposed(composed.entries());
        update();
    }

    // ---------------------------------------------------------------- settings

    /** Applies new registry settings; a new cache size or TTL starts a new, empty cache. */
    public void configure(RegistrySettings settings) {
        synchronized (lock) {
            RegistrySettings old = table.settings();
            table = PluginTable.build(registrations.all(), settings, table.pluginSettings());
            cache.configure(old, settings);
        }
    }

    /** Replaces every plugin's settings; drops the graphs of plugins whose options change. */
    public void configurePlugins(Map<String, PluginSettings> settings) {
        synchronized (lock) {
            PluginTable old = table;
            table = PluginTable.build(registrations.all(), old.settings(), Map.copyOf(settings));
            cache.invalidate(table.droppedSince(old));
            warnOfServiceOptions(old);
        }
    }

    /** A service takes no options from the plugin settings; its compiles refuse them, and this says so at once. */
    private void warnOfServiceOptions(PluginTable old) {
        for (PluginEntry entry : registrations.all()) {
            if (entry.kind != PluginEntry.Kind.SERVICE) {
                continue;
            }
            for (String scheme : entry.schemes) {
                PluginSettings now = table.settingsOf(entry, scheme);
                if (!now.options().isEmpty() && !now.equals(old.settingsOf(entry, scheme))) {
                    log.log(System.Logger.Level.WARNING, "The plugin settings give options {0} to ''{1}'', a"
                            + " service ({2}) configured through its own configuration: its compiles are refused"
                            + " until the options are removed from the plugin settings", new java.util.TreeSet<>(now.options().keySet()),
                            entry.name, entry.origin);
                    break;
                }
            }
        }
    }

    /** Sets (or with {@code null}, removes) the settings under one key. */
    public void configurePlugin(String key, PluginSettings settings) {
        synchronized (lock) {
            Map<String, PluginSettings> all = new HashMap<>(table.pluginSettings());
            if (settings == null) {
                all.remove(key.toLowerCase(Locale.ROOT));
                all.remove(key);
            } else {
                all.put(WorkflowCompilers.isValidScheme(key) ? key.toLowerCase(Locale.ROOT) : key, settings);
            }
            configurePlugins(all);
        }
    }

    /** Enables or disables the plugins of a scheme or name. */
    public void setEnabled(String key, boolean enabled) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("name a scheme or a plugin to enable or disable");
        }
        synchronized (lock) {
            String stored = table.settingsKey(key).orElseThrow(() -> new IllegalArgumentException(
                    "no plugin has the scheme or name '" + key + "'; installed: "
                            + String.join(", ", table.allSchemes())));
            PluginSettings current = table.pluginSettings().get(stored);
            configurePlugin(stored, (current == null ? PluginSettings.defaults() : current).withEnabled(enabled));
        }
    }

    /** Applies a whole configuration. */
    public void configure(RegistryConfiguration configuration) {
        synchronized (lock) {
            configure(configuration.registry());
            configurePlugins(configuration.plugins());
        }
    }

    /** Rebuilds the table after a plugin change and drops what no longer applies. Holds the lock. */
    private void update() {
        PluginTable old = table;
        table = PluginTable.build(registrations.all(), old.settings(), old.pluginSettings());
        cache.invalidate(table.droppedSince(old));
    }
}
