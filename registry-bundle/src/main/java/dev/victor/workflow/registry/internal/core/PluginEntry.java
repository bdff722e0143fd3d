package dev.victor.workflow.registry.internal.core;

import dev.victor.workflow.api.PluginFactory;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.WorkflowCompilers;
import dev.victor.workflow.api.WorkflowException;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One plugin known to the registry: registered in code (a class or a factory), found with
 * ServiceLoader, or tracked as a service. Compared by identity.
 */
public final class PluginEntry {

    public enum Kind { CODE, SERVICE_LOADER, SERVICE }

    /** Highest ranking first; ties: lowest id first. */
    public static final Comparator<PluginEntry> ORDER = Comparator.comparingInt((PluginEntry e) -> e.ranking).reversed()
            .thenComparingLong(e -> e.id);

    public final Kind kind;
    public final Set<String> schemes;
    public final int ranking;
    public final long id;
    public final String name;
    public final String origin;
    public final Class<?> pluginClass;
    public final boolean staleIfErrorProperty;
    private final PluginFactory factory;
    private final Supplier<? extends WorkflowCompilerPlugin> noOptions;
    private volatile boolean retired;
    private WorkflowCompilerPlugin instance;
    private Map<String, Object> instanceOptions;

    private PluginEntry(Kind kind, Set<String> schemes, int ranking, long id, String name, String origin,
                        Class<?> pluginClass, boolean staleIfErrorProperty, PluginFactory factory,
                        Supplier<? extends WorkflowCompilerPlugin> noOptions) {
        this.kind = kind;
        this.schemes = Set.copyOf(schemes);
        this.ranking = ranking;
        this.id = id;
        this.name = Objects.requireNonNull(name, "name");
        this.origin = origin;
        this.pluginClass = pluginClass;
        this.staleIfErrorProperty = staleIfErrorProperty;
        this.factory = factory;
        this.noOptions = noOptions;
    }

    public static PluginEntry ofClass(String scheme, Class<? extends WorkflowCompilerPlugin> type, long id) {
        return new PluginEntry(Kind.CODE, Set.of(scheme), Integer.MAX_VALUE, id, scheme, "code", type, false,
                options -> WorkflowCompilers.newPlugin(type, options), null);
    }

    public static PluginEntry ofFactory(String scheme, PluginFactory factory, long id) {
        return new PluginEntry(Kind.CODE, Set.of(scheme), Integer.MAX_VALUE, id, scheme, "code", factory.getClass(),
                false, factory, null);
    }

    public static PluginEntry ofServiceLoader(Set<String> schemes, int ranking, long id, String name,
                                       Class<? extends WorkflowCompilerPlugin> type,
                                       Supplier<? extends WorkflowCompilerPlugin> provider) {
        return new PluginEntry(Kind.SERVICE_LOADER, schemes, ranking, id, name, "ServiceLoader", type, false,
                options -> WorkflowCompilers.newPlugin(type, options), provider);
    }

    public static PluginEntry ofService(Set<String> schemes, int ranking, long id, String name, String origin,
                                 WorkflowCompilerPlugin service, boolean staleIfError) {
        PluginEntry entry = new PluginEntry(Kind.SERVICE, schemes, ranking, id, name, origin, service.getClass(),
                staleIfError, null, () -> service);
        entry.instance = service;
        entry.instanceOptions = Map.of();
        return entry;
    }

    /**
     * The instance that compiles for the registry, built on first use with the configured options.
     * Rebuilt when the options change. A service is used as it is: the framework built it with its
     * own configuration, so options for it in the registry's plugin settings are refused rather
     * than ignored.
     *
     * @throws WorkflowException when a service is given options
     */
    public synchronized WorkflowCompilerPlugin instance(Map<String, Object> options) {
        if (kind == Kind.SERVICE) {
            if (!options.isEmpty()) {
                throw new WorkflowException("The plugin '" + name + "' is a service (" + pluginClass.getName()
                        + (origin == null ? "" : ", from " + origin) + ") configured through its own configuration;"
                        + " the registry's plugin settings give it options " + new java.util.TreeSet<>(options.keySet()) + " that it cannot"
                        + " take: set them in the service's configuration (Configuration Admin) and remove them"
                        + " from the plugin settings ('workflow_plugins: " + name + ": options:' or a"
                        + " dev.victor.workflow.registry.plugin configuration)");
            }
            return instance;
        }
        if (instance == null || !instanceOptions.equals(options)) {
            instance = build(options);
            instanceOptions = Map.copyOf(options);
        }
        return instance;
    }

    /** The instance built so far, or {@code null}. */
    public synchronized WorkflowCompilerPlugin currentInstance() {
        return instance;
    }

    /** A new instance with these options (for {@code create}). A service is returned as it is when there are none. */
    public WorkflowCompilerPlugin create(Map<String, Object> options) {
        if (kind == Kind.SERVICE && options.isEmpty()) {
            return noOptions.get();
        }
        if (kind == Kind.SERVICE) {
            @SuppressWarnings("unchecked")
            Class<? extends WorkflowCompilerPlugin> type = (Class<? extends WorkflowCompilerPlugin>) pluginClass;
            try {
                return WorkflowCompilers.newPlugin(type, options);
            } catch (WorkflowException cannotBuild) {
                throw new WorkflowException("The plugin '" + name + "' is a service (" + pluginClass.getName()
                        + ") that cannot be built again with options " + options.keySet()
                        + ": configure the service instead (Configuration Admin), or register a plugin class"
                        + " for such options", cannotBuild);
            }
        }
        return build(options);
    }

    private WorkflowCompilerPlugin build(Map<String, Object> options) {
        WorkflowCompilerPlugin plugin;
        if (options.isEmpty() && noOptions != null) {
            plugin = noOptions.get();
        } else {
            plugin = factory.create(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options)));
        }
        if (plugin == null) {
            throw new WorkflowException("The factory of plugin '" + name + "' (" + pluginClass.getName()
                    + ") returned no plugin");
        }
        return plugin;
    }

    public boolean isRetired() {
        return retired;
    }

    public void retire() {
        retired = true;
    }

    @Override
    public String toString() {
        return name + " (" + pluginClass.getName() + ", " + origin + ")";
    }
}
