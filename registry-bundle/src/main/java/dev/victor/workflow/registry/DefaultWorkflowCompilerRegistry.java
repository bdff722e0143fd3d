package dev.victor.workflow.registry;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.PluginFactory;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.UnknownSchemeException;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.WorkflowCompilerRegistry;
import dev.victor.workflow.api.WorkflowCompilers;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;
import dev.victor.workflow.format.WorkflowFormat;
import dev.victor.workflow.kernel.WorkflowKernel;
import dev.victor.workflow.registry.compose.FormatTable;
import dev.victor.workflow.registry.compose.ParsedDocuments;
import dev.victor.workflow.registry.file.FileSourceOptions;
import dev.victor.workflow.registry.internal.UriRedaction;
import dev.victor.workflow.registry.internal.core.ComposedPlugins;
import dev.victor.workflow.registry.internal.core.PluginDirectory;
import dev.victor.workflow.registry.internal.core.GraphCache;
import dev.victor.workflow.registry.internal.core.GraphKey;
import dev.victor.workflow.registry.internal.core.PluginCalls;
import dev.victor.workflow.registry.internal.core.PluginEntry;
import dev.victor.workflow.registry.internal.core.PluginTable;
import dev.victor.workflow.registry.internal.core.RunDefaults;
import dev.victor.workflow.registry.internal.core.ServiceLoaderDiscovery;
import dev.victor.workflow.registry.internal.core.ServiceProperties;
import dev.victor.workflow.source.WorkflowSource;
import dev.victor.workflow.spi.NodeServices;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The workflow compiler registry, on OSGi (wrapped by a Declarative Services component that feeds
 * it the plugin services it tracks) and off OSGi (plugins registered in code or found with
 * {@link ServiceLoader}). Thread-safe; plugins may come and go while compiles run.
 *
 * <h2>Which plugin compiles a scheme</h2>
 * Every plugin declares one or more schemes. For a scheme, the enabled plugin with the highest
 * ranking wins; ties go to the lowest id. A registration in code ({@link #register}) ranks above
 * every service. When the winner leaves, is disabled or is outranked, the next one takes over at
 * once and the old one's cached graphs are dropped. A compile already running inside a plugin
 * that leaves finishes, and its result is returned but not cached.
 *
 * <h2>URIs</h2>
 * See {@link WorkflowUri} and {@link SchemeResolver}: {@code scheme://rest} (the plugin receives
 * {@code rest}), compound schemes, extension fallback, default scheme.
 *
 * <h2>Cache</h2>
 * Compiled graphs are kept in a bounded Caffeine cache under (scheme, plugin instance,
 * {@code getCacheKey(source)}, workflow name, validate), with an optional time to live after the
 * compile. Failures are never cached. A plugin whose {@code getCacheKey} returns {@code null} is
 * never cached. Concurrent compiles of one key compile once.
 *
 * <h2>ServiceLoader</h2>
 * {@link Builder#discover(ClassLoader)} loads the {@code WorkflowCompilerPlugin} providers listed
 * in {@code META-INF/services/dev.victor.workflow.api.WorkflowCompilerPlugin}. Each declares its
 * schemes in {@value #PLUGINS_RESOURCE} (a properties file beside it):
 * {@code com.acme.S3Plugin = s3, s3+https}, optionally {@code com.acme.S3Plugin.ranking = 10} and
 * {@code com.acme.S3Plugin.name = s3}. A provider with no declared scheme is logged and ignored.
 * It also loads the {@code WorkflowFormat} providers, each declared in {@value #FORMATS_RESOURCE}
 * ({@code com.acme.TomlFormat = toml}, {@code com.acme.TomlFormat.media.types = application/toml},
 * {@code com.acme.TomlFormat.extensions = toml}).
 *
 * <h2>Local files</h2>
 * The registry has a built-in source of local files (see {@link Builder#files}), composed with the
 * installed formats: the {@code file} scheme, {@code F+file} for each format {@code F}, and the
 * schemes named after each format ({@code yaml}, {@code yml}, {@code json}), whose rest is a path
 * or text. None of them is served while no format is installed.
 */
public final class DefaultWorkflowCompilerRegistry implements WorkflowCompilerRegistry, RegistryAdmin {

    /** Where ServiceLoader plugins declare their schemes. */
    public static final String PLUGINS_RESOURCE = ServiceLoaderDiscovery.PLUGINS_RESOURCE;
    /** Where ServiceLoader formats declare their names, media types and extensions. */
    public static final String FORMATS_RESOURCE = ServiceLoaderDiscovery.FORMATS_RESOURCE;

    /** Service property naming a plugin's schemes (a string or an array of strings). */
    public static final String SCHEME_PROPERTY = ServiceProperties.SCHEME;
    /** Service property naming a plugin for configuration (default: {@code component.name}). */
    public static final String NAME_PROPERTY = ServiceProperties.NAME;
    /** Service property that turns on stale serving for a plugin. */
    public static final String STALE_IF_ERROR_PROPERTY = ServiceProperties.STALE_IF_ERROR;
    /** The name (for configuration) of the built-in source of local files. */
    public static final String FILES_NAME = ComposedPlugins.FILES_NAME;

    private final System.Logger log;
    private final ServiceProperties properties;
    private final GraphCache cache;
    private final ParsedDocuments parsed = new ParsedDocuments();
    private final PluginDirectory directory;
    private final ServiceLoaderDiscovery discovery;
    private final RunDefaults runDefaults;

    private DefaultWorkflowCompilerRegistry(Builder builder) {
        this.log = builder.logger != null ? builder.logger
                : System.getLogger(DefaultWorkflowCompilerRegistry.class.getName());
        this.properties = new ServiceProperties(log, new AtomicLong(1L << 40));
        this.cache = new GraphCache(builder.settings, builder.clock, builder.nanoTime);
        this.directory = new PluginDirectory(log, properties, builder.kernel != null ? builder.kernel
                : WorkflowKernel.defaults(), builder.settings, builder.pluginSettings, cache,
                parsed);
        this.runDefaults = new RunDefaults(builder.nodeServices, () -> settings().defaultMaxIterations());
        this.discovery = new ServiceLoaderDiscovery(log, properties, directory::addServiceLoader, this::addFormat);
        if (builder.files != null) {
            files(builder.files, builder.filesOrigin);
        }
        for (ClassLoader loader : builder.discover) {
            discover(loader);
        }
    }

    /** A registry with default settings and no plugins. */
    public static DefaultWorkflowCompilerRegistry create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- registration in code

    /**
     * Registers a plugin class for a scheme. The registry builds it (with the scheme's configured
     * options) when it first compiles. Registering over a scheme that is already served replaces
     * the registration, with a warning.
     *
     * @throws WorkflowException when the scheme is invalid or the class cannot be built
     */
    @Override
    public void register(String scheme, Class<? extends WorkflowCompilerPlugin> pluginClass) {
        WorkflowCompilers.checkBuildable(pluginClass);
        directory.registerInCode(PluginEntry.ofClass(checkScheme(scheme), pluginClass, properties.nextId()));
    }

    /** Registers a factory for a scheme; see {@link #register(String, Class)}. */
    @Override
    public void register(String scheme, PluginFactory factory) {
        Objects.requireNonNull(factory, "factory");
        directory.registerInCode(PluginEntry.ofFactory(checkScheme(scheme), factory, properties.nextId()));
    }

    /**
     * Removes the registration in code of a scheme.
     *
     * @throws UnknownSchemeException when nothing serves the scheme
     * @throws WorkflowException      when the scheme is served only by a service or a ServiceLoader
     *                                plugin (disable those by configuration instead)
     */
    @Override
    public void unregister(String scheme) {
        directory.unregister(scheme);
    }

    private static String checkScheme(String scheme) {
        if (scheme == null || !WorkflowCompilers.isValidScheme(scheme.strip())) {
            throw new InvalidWorkflowUriException(String.valueOf(scheme), String.valueOf(scheme), "Invalid scheme '"
                    + scheme + "': a scheme starts with a letter, followed by letters, digits, '+', '-' or '.'");
        }
        return scheme.strip().toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- ServiceLoader

    /**
     * Adds the ServiceLoader plugins and formats visible from a class loader (see the class comment).
     *
     * @return how many plugins and formats were added
     */
    public int discover(ClassLoader loader) {
        return discovery.discover(loader);
    }

    // ---------------------------------------------------------------- services (OSGi trackers)

    /**
     * Adds a plugin published as a service. The {@value #SCHEME_PROPERTY} property (a string, an
     * array or a collection of strings) names its schemes; an invalid scheme is logged and
     * ignored, and a plugin with no valid scheme is not added. {@code service.ranking},
     * {@code service.id}, {@value #NAME_PROPERTY} (else {@code component.name}) and
     * {@value #STALE_IF_ERROR_PROPERTY} are read too.
     *
     * @param origin where it came from, for people (such as the bundle's symbolic name and version)
     * @return true when it was added
     */
    public boolean addService(WorkflowCompilerPlugin plugin, Map<String, ?> serviceProperties, String origin) {
        Objects.requireNonNull(plugin, "plugin");
        return directory.addService(plugin, serviceProperties, origin);
    }

    /** The service's properties changed (ranking, schemes, ...): same as removing and adding it. */
    public void modifiedService(WorkflowCompilerPlugin plugin, Map<String, ?> serviceProperties, String origin) {
        directory.modifiedService(plugin, serviceProperties, origin);
    }

    /** The service left: its scheme passes to the next plugin, and its cached graphs are dropped. */
    public void removeService(long serviceId) {
        directory.removeService(serviceId);
    }

    // ---------------------------------------------------------------- sources and formats

    /**
     * Adds a source published as a service: its {@value #SCHEME_PROPERTY} property names its
     * schemes (read as for plugins). The registry composes it with the installed formats and the
     * kernel into a plugin for each scheme {@code S} and for each compound {@code F+S} of a format
     * {@code F} (see {@link dev.victor.workflow.registry.compose.SourceCompilerPlugin}).
     *
     * @return true when it was added
     */
    public boolean addSource(WorkflowSource source, Map<String, ?> serviceProperties, String origin) {
        Objects.requireNonNull(source, "source");
        return directory.addSource(source, serviceProperties, origin);
    }

    /** The source left: its schemes pass to the next plugin, and its cached graphs are dropped. */
    public void removeSource(long serviceId) {
        directory.removeSource(serviceId);
    }

    /** Registers a source in code for one or more schemes (above every service of those schemes). */
    public void register(WorkflowSource source, String... schemes) {
        directory.registerSource(source, schemes);
    }

    /**
     * Adds a format published as a service, with its {@value WorkflowFormat#FORMAT_PROPERTY},
     * {@value WorkflowFormat#MEDIA_TYPES_PROPERTY} and {@value WorkflowFormat#EXTENSIONS_PROPERTY}
     * properties.
     */
    public boolean addFormat(WorkflowFormat format, Map<String, ?> serviceProperties, String origin) {
        Objects.requireNonNull(format, "format");
        return directory.addFormat(format, serviceProperties, origin);
    }

    /** The format left: graphs compiled from sources are dropped (they may have used it). */
    public void removeFormat(long serviceId) {
        directory.removeFormat(serviceId);
    }

    /** Registers a format in code. */
    public void register(String name, WorkflowFormat format, List<String> mediaTypes, List<String> extensions) {
        directory.registerFormat(name, format, mediaTypes, extensions);
    }

    /**
     * Serves local files with these options, replacing the built-in file source's: the {@code file}
     * scheme, and for each installed format the schemes named after it (see
     * {@link dev.victor.workflow.registry.compose.Compositions.LocalFiles}); ranked 0, so an
     * installed plugin of one of these schemes with ranking 0 or more takes precedence.
     *
     * @param origin where the options come from, for people
     */
    public void files(FileSourceOptions options, String origin) {
        directory.files(options, origin);
    }

    /** The installed formats. */
    public FormatTable formats() {
        return directory.formats();
    }

    // ---------------------------------------------------------------- configuration

    /** Applies new registry settings. A new cache size or TTL starts a new, empty cache. */
    public void configure(RegistrySettings settings) {
        Objects.requireNonNull(settings, "settings");
        directory.configure(settings);
    }

    /**
     * Replaces every plugin's settings, keyed by scheme or by plugin name (a key that is a scheme
     * wins). Plugins whose options change are rebuilt on their next compile, and their cached
     * graphs are dropped.
     */
    public void configurePlugins(Map<String, PluginSettings> settings) {
        directory.configurePlugins(settings);
    }

    /** Sets (or with {@code null}, removes) the settings under one key. */
    public void configurePlugin(String key, PluginSettings settings) {
        directory.configurePlugin(key, settings);
    }

    @Override
    public void setEnabled(String key, boolean enabled) {
        directory.setEnabled(key, enabled);
    }

    /** Applies a whole configuration (for example one read by {@link RegistryConfigFile}). */
    public void configure(RegistryConfiguration configuration) {
        directory.configure(configuration);
    }

    public RegistrySettings settings() {
        return directory.table().settings();
    }

    public Map<String, PluginSettings> pluginSettings() {
        return directory.table().pluginSettings();
    }

    /** The node services that runs of the registry's graphs get, or {@code null}. */
    @Override
    public NodeServices nodeServices() {
        return runDefaults.nodeServices();
    }

    // ---------------------------------------------------------------- queries

    /** The schemes that can be compiled now (enabled ones only). */
    @Override
    public Set<String> schemes() {
        return directory.table().schemes();
    }

    /** Every plugin for every scheme, sorted by scheme and then by precedence. */
    @Override
    public List<PluginInfo> plugins() {
        return directory.table().plugins();
    }

    /**
     * How a URI resolves now. A scheme whose every plugin is disabled by configuration is reported
     * as disabled ({@link DisabledSchemeException}), not as unknown.
     */
    public SchemeResolver.Resolution resolve(String uri) {
        return directory.table().resolve(uri);
    }

    /**
     * The workflows a URI's source holds, as its plugin lists them
     * ({@link WorkflowCompilerPlugin#workflowNames}); empty when the plugin cannot tell (compile it
     * with no workflow name).
     */
    @Override
    public List<String> workflowNames(String uri) {
        PluginTable snap = directory.table();
        SchemeResolver.Resolution resolution = snap.resolve(uri);
        PluginEntry entry = snap.active(resolution.scheme());
        WorkflowCompilerPlugin plugin = entry.instance(snap.settingsOf(entry, resolution.scheme()).options());
        return List.copyOf(plugin.workflowNames(resolution.source()));
    }

    // ---------------------------------------------------------------- create and compile

    /**
     * A new plugin for the URI's scheme, built with the scheme's configured options overlaid by
     * the given ones. The rest of the URI is not used. A service plugin given no options is
     * returned as it is; given options, a new instance of its class is built.
     */
    @Override
    public WorkflowCompilerPlugin create(String uri, Map<String, ?> options) {
        PluginTable snap = directory.table();
        SchemeResolver.Resolution resolution = snap.resolve(uri);
        PluginEntry entry = snap.active(resolution.scheme());
        Map<String, Object> merged = new LinkedHashMap<>(snap.settingsOf(entry, resolution.scheme()).options());
        if (options != null) {
            merged.putAll(options);
        }
        merged.remove(PluginSettings.STALE_IF_ERROR);
        return entry.create(Collections.unmodifiableMap(merged));
    }

    /** Compiles with the registry's {@link RegistrySettings#validate()} setting. */
    @Override
    public CompiledGraph compile(String uri, String workflowName) {
        return compile(uri, workflowName, settings().validate());
    }

    /**
     * Compiles one workflow of the URI's source through its scheme's plugin, or returns the cached
     * graph. With {@code validate}, {@code validateSource} is called first.
     *
     * @throws InvalidWorkflowUriException             when the URI's scheme is invalid
     * @throws UnknownSchemeException                  when no plugin serves its scheme
     * @throws dev.victor.workflow.api.WorkflowSourceNotFoundException when the source does not exist
     * @throws WorkflowSourceUnavailableException      when it cannot be read (and no stale graph may be served)
     * @throws InvalidWorkflowException                when it is not a valid workflow
     */
    @Override
    public CompiledGraph compile(String uri, String workflowName, boolean validate) {
        PluginTable snap = directory.table();
        SchemeResolver.Resolution resolution = snap.resolve(uri);
        String scheme = resolution.scheme();
        String source = resolution.source();
        PluginEntry entry = snap.active(scheme);
        PluginSettings settings = snap.settingsOf(entry, scheme);
        WorkflowCompilerPlugin plugin = entry.instance(settings.options());
        PluginCalls calls = new PluginCalls(uri, scheme, entry, plugin);
        boolean stale = settings.staleIfError() || entry.staleIfErrorProperty;
        GraphCache.Generation current = cache.generation();
        GraphKey lastGoodKey = stale ? new GraphKey(scheme, plugin, source, workflowName, validate) : null;
        try {
            String cacheKey = calls.cacheKey(source);
            if (cacheKey == null) {
                CompiledGraph graph = bind(calls.compile(source, workflowName, validate), uri);
                current.remember(lastGoodKey, graph);
                return graph;
            }
            GraphKey key = new GraphKey(scheme, plugin, cacheKey, workflowName, validate);
            return current.load(key, () -> {
                CompiledGraph graph = bind(calls.compile(source, workflowName, validate), uri);
                if (stillServes(scheme, entry, plugin)) {
                    current.remember(lastGoodKey, graph);
                }
                return graph;
            }, () -> stillServes(scheme, entry, plugin));
        } catch (WorkflowSourceUnavailableException e) {
            if (lastGoodKey != null) {
                var lastGood = current.lastGood(lastGoodKey);
                if (lastGood.isPresent()) {
                    String warning = UriRedaction.text("Served the last good compile of '" + uri + "' (from "
                            + lastGood.get().compiledAt() + "): its source cannot be read: " + e.getMessage());
                    log.log(System.Logger.Level.WARNING, warning);
                    return new StaleGraph(lastGood.get().graph(), warning);
                }
            }
            throw e;
        }
    }

    /**
     * A graph that compiles {@code uri} when it is first used (and reports a compile failure
     * there, as a {@link LazyCompileException}). The URI's syntax is checked now.
     *
     * @throws InvalidWorkflowUriException when the URI's scheme is invalid
     */
    public CompiledGraph compileLazy(String uri, String workflowName) {
        WorkflowUri.parse(uri);
        return new LazyGraph(this, uri, workflowName);
    }

    /** {@link #compileLazy(String, String)} of a source with one workflow. */
    public CompiledGraph compileLazy(String uri) {
        return compileLazy(uri, null);
    }

    /** A compiled graph whose runs get the registry's defaults and the URI as their origin. */
    private CompiledGraph bind(CompiledGraph graph, String uri) {
        return new BoundGraph(graph, config -> {
            RunConfig bound = runDefaults(config);
            return bound.origin() == null ? bound.origin(uri) : bound;
        });
    }

    /**
     * Fills in what the caller of a run left open: node services, checkpoint store, iteration
     * limit (and, for graphs compiled here, the URI as the run's origin, kept in its checkpoints).
     */
    RunConfig runDefaults(RunConfig config) {
        return runDefaults.apply(config);
    }

    private boolean stillServes(String scheme, PluginEntry entry, WorkflowCompilerPlugin plugin) {
        return !entry.isRetired() && directory.table().active(scheme) == entry && entry.currentInstance() == plugin;
    }

    // ---------------------------------------------------------------- cache

    /** The cache's counters. */
    @Override
    public CacheStatistics cacheStatistics() {
        return cache.statistics();
    }

    /**
     * Drops every cached graph (and every last good graph kept for stale serving), and every
     * parsed document kept for compiling the other workflows of a document.
     */
    @Override
    public void clearCache() {
        cache.clear();
        parsed.clear();
    }

    /** Builds a registry. */
    public static final class Builder {
        private RegistrySettings settings = RegistrySettings.defaults();
        private final Map<String, PluginSettings> pluginSettings = new HashMap<>();
        private NodeServices nodeServices;
        private System.Logger logger;
        private Clock clock = Clock.systemUTC();
        private java.util.function.LongSupplier nanoTime = System::nanoTime;
        private final List<ClassLoader> discover = new ArrayList<>();
        private WorkflowKernel kernel;
        private FileSourceOptions files = FileSourceOptions.defaults();
        private String filesOrigin = "built in";

        private Builder() {
        }

        /**
         * The options of the built-in source of local files ({@code file}, and the path-or-text
         * schemes of the installed formats); default {@link FileSourceOptions#defaults()}.
         */
        public Builder files(FileSourceOptions options) {
            this.files = Objects.requireNonNull(options, "options");
            return this;
        }

        /** Where the file options come from, for people ({@code workflow:schemes} shows it). */
        public Builder filesOrigin(String origin) {
            this.filesOrigin = Objects.requireNonNull(origin, "origin");
            return this;
        }

        /** No built-in source of local files. */
        public Builder withoutFiles() {
            this.files = null;
            return this;
        }

        /** The kernel that compiles what sources read (default: {@link WorkflowKernel#defaults()}). */
        public Builder kernel(WorkflowKernel newKernel) {
            this.kernel = Objects.requireNonNull(newKernel, "kernel");
            return this;
        }

        public Builder settings(RegistrySettings newSettings) {
            this.settings = Objects.requireNonNull(newSettings, "settings");
            return this;
        }

        /** Settings of one plugin, under its scheme or name. */
        public Builder pluginSettings(String key, PluginSettings newSettings) {
            pluginSettings.put(WorkflowCompilers.isValidScheme(key) ? key.toLowerCase(Locale.ROOT) : key, newSettings);
            return this;
        }

        /** A whole configuration, for example from {@link RegistryConfigFile}. */
        public Builder configuration(RegistryConfiguration configuration) {
            settings(configuration.registry());
            configuration.plugins().forEach(this::pluginSettings);
            return this;
        }

        /** What runs of the registry's graphs call out to, unless their caller sets services. */
        public Builder nodeServices(NodeServices services) {
            this.nodeServices = services;
            return this;
        }

        /** Where warnings go (default: the System.Logger of this class). */
        public Builder logger(System.Logger newLogger) {
            this.logger = newLogger;
            return this;
        }

        public Builder clock(Clock newClock) {
            this.clock = Objects.requireNonNull(newClock, "clock");
            return this;
        }

        /** The time source of the cache's TTL, in nanoseconds (for tests). */
        public Builder ticker(java.util.function.LongSupplier newNanoTime) {
            this.nanoTime = Objects.requireNonNull(newNanoTime, "nanoTime");
            return this;
        }

        /** Loads the ServiceLoader plugins visible from this class loader when the registry is built. */
        public Builder discover(ClassLoader loader) {
            discover.add(Objects.requireNonNull(loader, "loader"));
            return this;
        }

        public DefaultWorkflowCompilerRegistry build() {
            return new DefaultWorkflowCompilerRegistry(this);
        }
    }

    @Override
    public String toString() {
        return "DefaultWorkflowCompilerRegistry" + new TreeSet<>(schemes());
    }
}
