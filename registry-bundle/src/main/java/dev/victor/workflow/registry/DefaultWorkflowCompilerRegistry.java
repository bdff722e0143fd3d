package dev.victor.workflow.registry;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Cache;
import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.PluginFactory;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.UnknownSchemeException;
import dev.victor.workflow.registry.internal.UriRedaction;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.WorkflowCompilerRegistry;
import dev.victor.workflow.api.WorkflowCompilers;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;
import dev.victor.workflow.format.WorkflowFormat;
import dev.victor.workflow.kernel.WorkflowKernel;
import dev.victor.workflow.registry.compose.Compositions;
import dev.victor.workflow.registry.compose.FormatTable;
import dev.victor.workflow.registry.compose.ReadingOptions;
import dev.victor.workflow.registry.file.FileSource;
import dev.victor.workflow.registry.file.FileSourceOptions;
import dev.victor.workflow.source.WorkflowSource;
import dev.victor.workflow.spi.NodeServices;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

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
    public static final String PLUGINS_RESOURCE = "META-INF/victor/workflow-plugins.properties";
    /** Where ServiceLoader formats declare their names, media types and extensions. */
    public static final String FORMATS_RESOURCE = "META-INF/victor/workflow-formats.properties";

    /** Service property naming a plugin's schemes (a string or an array of strings). */
    public static final String SCHEME_PROPERTY = "scheme";
    /** Service property naming a plugin for configuration (default: {@code component.name}). */
    public static final String NAME_PROPERTY = "plugin.name";
    /** Service property that turns on stale serving for a plugin. */
    public static final String STALE_IF_ERROR_PROPERTY = PluginSettings.STALE_IF_ERROR;

    private final Object lock = new Object();
    private final System.Logger log;
    private final Clock clock;
    private final java.util.function.LongSupplier nanoTime;
    private final NodeServices nodeServices;
    private final AtomicLong ids = new AtomicLong(1L << 40);
    private final ThreadLocal<Set<Key>> loading = ThreadLocal.withInitial(HashSet::new);
    private final LongAdder invalidations = new LongAdder();

    private final Map<String, PluginEntry> codeEntries = new HashMap<>();
    private final List<PluginEntry> loaderEntries = new ArrayList<>();
    private final Map<Long, PluginEntry> serviceEntries = new HashMap<>();
    private final Compositions compositions;
    private final List<PluginEntry> composedEntries = new ArrayList<>();
    private final Map<String, Long> codeFormatIds = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Snapshot snapshot;
    private volatile Caches caches;

    private DefaultWorkflowCompilerRegistry(Builder builder) {
        this.log = builder.logger != null ? builder.logger
                : System.getLogger(DefaultWorkflowCompilerRegistry.class.getName());
        this.clock = builder.clock;
        this.nanoTime = builder.nanoTime;
        this.nodeServices = builder.nodeServices;
        this.snapshot = Snapshot.build(List.of(), builder.settings, Map.copyOf(builder.pluginSettings));
        this.caches = new Caches(builder.settings, nanoTime);
        this.compositions = new Compositions(builder.kernel != null ? builder.kernel : WorkflowKernel.defaults());
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
        registerEntry(PluginEntry.ofClass(checkScheme(scheme), pluginClass, ids.incrementAndGet()));
    }

    /** Registers a factory for a scheme; see {@link #register(String, Class)}. */
    @Override
    public void register(String scheme, PluginFactory factory) {
        Objects.requireNonNull(factory, "factory");
        registerEntry(PluginEntry.ofFactory(checkScheme(scheme), factory, ids.incrementAndGet()));
    }

    private void registerEntry(PluginEntry entry) {
        String scheme = entry.schemes.iterator().next();
        synchronized (lock) {
            PluginEntry previous = codeEntries.put(scheme, entry);
            PluginEntry served = snapshot.active.get(scheme);
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

    /**
     * Removes the registration in code of a scheme.
     *
     * @throws UnknownSchemeException when nothing serves the scheme
     * @throws WorkflowException      when the scheme is served only by a service or a ServiceLoader
     *                                plugin (disable those by configuration instead)
     */
    @Override
    public void unregister(String scheme) {
        String key = scheme == null ? "" : scheme.strip().toLowerCase(Locale.ROOT);
        synchronized (lock) {
            PluginEntry removed = codeEntries.remove(key);
            if (removed != null) {
                removed.retire();
                update();
                return;
            }
            List<PluginEntry> others = snapshot.byScheme.getOrDefault(key, List.of());
            if (others.isEmpty()) {
                throw new UnknownSchemeException(key, installedSchemes(snapshot));
            }
            throw new WorkflowException("No compiler plugin is registered in code for '" + key + "': it is provided"
                    + " by " + others.get(0) + "; set enabled=false in its configuration to hide it");
        }
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
        return discoverPlugins(loader) + discoverFormats(loader);
    }

    /**
     * The {@link WorkflowFormat} providers: each declared in {@value #FORMATS_RESOURCE} as
     * {@code class = name}, {@code class.media.types = ...}, {@code class.extensions = ...}.
     */
    private int discoverFormats(ClassLoader loader) {
        Map<String, Properties> declarations = declarations(loader, FORMATS_RESOURCE);
        int added = 0;
        for (ServiceLoader.Provider<WorkflowFormat> provider : providers(ServiceLoader.load(WorkflowFormat.class,
                loader))) {
            String className = provider.type().getName();
            Properties declared = declarations.get(className);
            if (declared == null) {
                log.log(System.Logger.Level.WARNING, "ServiceLoader format {0} declares no name in {1}; ignored",
                        className, FORMATS_RESOURCE);
                continue;
            }
            WorkflowFormat format;
            try {
                format = provider.get();
            } catch (ServiceConfigurationError e) {
                log.log(System.Logger.Level.WARNING, "ServiceLoader format {0} could not be built: {1}", className,
                        e.getMessage());
                continue;
            }
            Map<String, Object> properties = new HashMap<>();
            properties.put(WorkflowFormat.FORMAT_PROPERTY, declared.getProperty(className).strip());
            properties.put(WorkflowFormat.MEDIA_TYPES_PROPERTY,
                    splitSchemes(declared.getProperty(className + ".media.types", "")));
            properties.put(WorkflowFormat.EXTENSIONS_PROPERTY,
                    splitSchemes(declared.getProperty(className + ".extensions", "")));
            if (addFormat(format, properties, "ServiceLoader")) {
                added++;
            }
        }
        return added;
    }

    private int discoverPlugins(ClassLoader loader) {
        Map<String, Properties> declarations = declarations(loader, PLUGINS_RESOURCE);
        int added = 0;
        ServiceLoader<WorkflowCompilerPlugin> services = ServiceLoader.load(WorkflowCompilerPlugin.class, loader);
        for (ServiceLoader.Provider<WorkflowCompilerPlugin> provider : providers(services)) {
            Class<? extends WorkflowCompilerPlugin> type = provider.type();
            String className = type.getName();
            Properties declared = declarations.get(className);
            if (declared == null) {
                log.log(System.Logger.Level.WARNING, "ServiceLoader plugin {0} declares no scheme in {1}; ignored",
                        className, PLUGINS_RESOURCE);
                continue;
            }
            Set<String> schemes = validSchemes(splitSchemes(declared.getProperty(className)), type.getName(),
                    "ServiceLoader");
            if (schemes.isEmpty()) {
                continue;
            }
            int ranking = 0;
            String rankingText = declared.getProperty(className + ".ranking");
            if (rankingText != null) {
                try {
                    ranking = Integer.parseInt(rankingText.strip());
                } catch (NumberFormatException e) {
                    log.log(System.Logger.Level.WARNING, "ServiceLoader plugin {0}: ranking ''{1}'' is not a whole"
                            + " number; using 0", className, rankingText);
                }
            }
            String name = declared.getProperty(className + ".name", schemes.iterator().next()).strip();
            PluginEntry entry = PluginEntry.ofServiceLoader(schemes, ranking, ids.incrementAndGet(), name, type, () -> {
                try {
                    return provider.get();
                } catch (ServiceConfigurationError e) {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    throw new WorkflowException("ServiceLoader plugin " + className + " could not be built: "
                            + cause.getMessage(), cause);
                }
            });
            synchronized (lock) {
                loaderEntries.add(entry);
                update();
            }
            added++;
        }
        return added;
    }

    private <T> List<ServiceLoader.Provider<T>> providers(ServiceLoader<T> services) {
        List<ServiceLoader.Provider<T>> providers = new ArrayList<>();
        try {
            services.stream().forEach(providers::add);
        } catch (ServiceConfigurationError e) {
            log.log(System.Logger.Level.WARNING, "A ServiceLoader provider could not be loaded: {0}",
                    e.getMessage());
        }
        return providers;
    }

    private Map<String, Properties> declarations(ClassLoader loader, String resource) {
        Map<String, Properties> byClass = new HashMap<>();
        try {
            Enumeration<URL> resources = loader.getResources(resource);
            while (resources.hasMoreElements()) {
                URL url = resources.nextElement();
                Properties properties = new Properties();
                try (InputStream in = url.openStream()) {
                    properties.load(in);
                }
                for (String key : properties.stringPropertyNames()) {
                    if (!key.endsWith(".ranking") && !key.endsWith(".name") && !key.endsWith(".media.types")
                            && !key.endsWith(".extensions")) {
                        byClass.put(key, properties);
                    }
                }
            }
        } catch (IOException e) {
            log.log(System.Logger.Level.WARNING, "Cannot read " + resource, e);
        }
        return byClass;
    }

    private static List<String> splitSchemes(String text) {
        List<String> schemes = new ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            if (!part.isEmpty()) {
                schemes.add(part);
            }
        }
        return schemes;
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
    public boolean addService(WorkflowCompilerPlugin plugin, Map<String, ?> properties, String origin) {
        Objects.requireNonNull(plugin, "plugin");
        long id = serviceId(properties);
        String name = nameOf(plugin, properties);
        Set<String> schemes = validSchemes(schemesOf(properties.get(SCHEME_PROPERTY)), name, origin);
        if (schemes.isEmpty()) {
            log.log(System.Logger.Level.WARNING, "Compiler plugin {0} ({1}) publishes no valid ''scheme''"
                    + " property; ignored", plugin.getClass().getName(), origin);
            return false;
        }
        PluginEntry entry = PluginEntry.ofService(schemes, ranking(properties), id, name, origin, plugin,
                staleIfError(properties, name));
        synchronized (lock) {
            PluginEntry previous = serviceEntries.put(id, entry);
            if (previous != null) {
                previous.retire();
            }
            update();
        }
        return true;
    }

    /** The service's properties changed (ranking, schemes, ...): same as removing and adding it. */
    public void modifiedService(WorkflowCompilerPlugin plugin, Map<String, ?> properties, String origin) {
        synchronized (lock) {
            if (!addService(plugin, properties, origin)) {
                removeService(serviceId(properties));
            }
        }
    }

    /** The service left: its scheme passes to the next plugin, and its cached graphs are dropped. */
    public void removeService(long serviceId) {
        synchronized (lock) {
            PluginEntry removed = serviceEntries.remove(serviceId);
            if (removed != null) {
                removed.retire();
                update();
            }
        }
    }

    /** The {@value #STALE_IF_ERROR_PROPERTY} service property: absent is false; anything but true or false is refused. */
    private static boolean staleIfError(Map<String, ?> properties, String name) {
        return PluginSettings.strictBoolean(properties.get(STALE_IF_ERROR_PROPERTY),
                STALE_IF_ERROR_PROPERTY + " of " + name);
    }

    private long serviceId(Map<String, ?> properties) {
        Object id = properties.get("service.id");
        return id instanceof Number number ? number.longValue() : ids.incrementAndGet();
    }

    private static int ranking(Map<String, ?> properties) {
        Object ranking = properties.get("service.ranking");
        return ranking instanceof Integer value ? value : 0;
    }

    /** A plugin's or source's name: {@value #NAME_PROPERTY}, else {@code component.name}, else its class. */
    private static String nameOf(Object service, Map<String, ?> properties) {
        Object name = properties.get(NAME_PROPERTY);
        if (name == null) {
            name = properties.get("component.name");
        }
        return name == null ? service.getClass().getName() : name.toString();
    }

    private static List<String> schemesOf(Object property) {
        List<String> schemes = new ArrayList<>();
        if (property instanceof String text) {
            schemes.add(text);
        } else if (property instanceof String[] array) {
            schemes.addAll(List.of(array));
        } else if (property instanceof Collection<?> collection) {
            collection.forEach(item -> schemes.add(String.valueOf(item)));
        } else if (property != null) {
            schemes.add(property.toString());
        }
        return schemes;
    }

    private Set<String> validSchemes(List<String> schemes, String plugin, String origin) {
        Set<String> valid = new LinkedHashSet<>();
        for (String scheme : schemes) {
            String candidate = scheme == null ? "" : scheme.strip();
            if (WorkflowCompilers.isValidScheme(candidate)) {
                valid.add(candidate.toLowerCase(Locale.ROOT));
            } else {
                log.log(System.Logger.Level.WARNING, "Compiler plugin {0} ({1}) publishes the invalid scheme ''{2}''"
                        + " (a scheme starts with a letter, followed by letters, digits, ''+'', ''-'' or ''.'');"
                        + " that scheme is ignored", plugin, origin, candidate);
            }
        }
        return valid;
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
    public boolean addSource(WorkflowSource source, Map<String, ?> properties, String origin) {
        Objects.requireNonNull(source, "source");
        String name = nameOf(source, properties);
        Set<String> schemes = validSchemes(schemesOf(properties.get(SCHEME_PROPERTY)), name, origin);
        if (schemes.isEmpty()) {
            log.log(System.Logger.Level.WARNING, "Workflow source {0} ({1}) publishes no valid ''scheme''"
                    + " property; ignored", source.getClass().getName(), origin);
            return false;
        }
        synchronized (lock) {
            compositions.addSource(new Compositions.Source(serviceId(properties), source, schemes,
                    ranking(properties), name, origin, staleIfError(properties, name)));
            recompose();
        }
        return true;
    }

    /** The source left: its schemes pass to the next plugin, and its cached graphs are dropped. */
    public void removeSource(long serviceId) {
        synchronized (lock) {
            if (compositions.removeSource(serviceId)) {
                recompose();
            }
        }
    }

    /** Registers a source in code for one or more schemes (above every service of those schemes). */
    public void register(WorkflowSource source, String... schemes) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(SCHEME_PROPERTY, List.of(schemes));
        properties.put("service.ranking", Integer.MAX_VALUE);
        addSource(source, properties, "registered in code");
    }

    /**
     * Adds a format published as a service, with its {@value WorkflowFormat#FORMAT_PROPERTY},
     * {@value WorkflowFormat#MEDIA_TYPES_PROPERTY} and {@value WorkflowFormat#EXTENSIONS_PROPERTY}
     * properties.
     */
    public boolean addFormat(WorkflowFormat format, Map<String, ?> properties, String origin) {
        Objects.requireNonNull(format, "format");
        List<String> names = schemesOf(properties.get(WorkflowFormat.FORMAT_PROPERTY));
        if (names.size() != 1 || !WorkflowCompilers.isValidScheme(names.get(0)) || names.get(0).contains("+")) {
            log.log(System.Logger.Level.WARNING, "Workflow format {0} ({1}) must publish one ''format'' property"
                    + " that is a valid scheme without ''+'' (it publishes {2}); ignored",
                    format.getClass().getName(), origin, names);
            return false;
        }
        synchronized (lock) {
            compositions.addFormat(serviceId(properties), names.get(0), format,
                    schemesOf(properties.get(WorkflowFormat.MEDIA_TYPES_PROPERTY)),
                    schemesOf(properties.get(WorkflowFormat.EXTENSIONS_PROPERTY)), ranking(properties));
            recompose();
        }
        return true;
    }

    /** The format left: graphs compiled from sources are dropped (they may have used it). */
    public void removeFormat(long serviceId) {
        synchronized (lock) {
            compositions.removeFormat(serviceId);
            recompose();
        }
    }

    /** Registers a format in code. */
    public void register(String name, WorkflowFormat format, List<String> mediaTypes, List<String> extensions) {
        Map<String, Object> properties = new HashMap<>();
        // one id per name: registering a name again replaces the format registered under it
        properties.put("service.id", codeFormatIds.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> ids.incrementAndGet()));
        properties.put(WorkflowFormat.FORMAT_PROPERTY, name);
        properties.put(WorkflowFormat.MEDIA_TYPES_PROPERTY, mediaTypes);
        properties.put(WorkflowFormat.EXTENSIONS_PROPERTY, extensions);
        properties.put("service.ranking", Integer.MAX_VALUE);
        addFormat(format, properties, "registered in code");
    }

    /** The name (for configuration) of the built-in source of local files. */
    public static final String FILES_NAME = "files";
    private final long filesId = ids.incrementAndGet();

    /**
     * Serves local files with these options, replacing the built-in file source's: the {@code file}
     * scheme, and for each installed format the schemes named after it (see
     * {@link Compositions.LocalFiles}); ranked 0, so an installed plugin of one of these schemes with
     * ranking 0 or more takes precedence.
     *
     * @param origin where the options come from, for people
     */
    public void files(FileSourceOptions options, String origin) {
        FileSource source = new FileSource(options);
        ReadingOptions reading = new ReadingOptions(options.strict(), options.customNodeTypes(), options.env(),
                options.environment(), options.maxReferences());
        synchronized (lock) {
            compositions.files(new Compositions.LocalFiles(new Compositions.Source(filesId, source, Set.of("file"), 0,
                    FILES_NAME, origin, false, reading), source::pathOrText));
            recompose();
        }
    }

    /** The installed formats. */
    public FormatTable formats() {
        return compositions.formats();
    }

    /** Replaces the composed plugins with those the sources and formats make now. Holds the lock. */
    private void recompose() {
        composedEntries.forEach(PluginEntry::retire);
        composedEntries.clear();
        for (Compositions.Composed composed : compositions.plugins()) {
            Compositions.Source source = composed.source();
            composedEntries.add(PluginEntry.ofService(Set.of(composed.scheme()), source.ranking(), ids.incrementAndGet(),
                    source.name(), source.origin(), composed.plugin(), source.staleIfError()));
        }
        update();
    }

    // ---------------------------------------------------------------- configuration

    /** Applies new registry settings. A new cache size or TTL starts a new, empty cache. */
    public void configure(RegistrySettings settings) {
        Objects.requireNonNull(settings, "settings");
        synchronized (lock) {
            RegistrySettings old = snapshot.settings;
            snapshot = Snapshot.build(allEntries(), settings, snapshot.pluginSettings);
            if (old.cacheSize() != settings.cacheSize() || !Objects.equals(old.cacheTtl(), settings.cacheTtl())) {
                Caches previous = caches;
                caches = new Caches(settings, nanoTime);
                previous.clear();
            }
        }
    }

    /**
     * Replaces every plugin's settings, keyed by scheme or by plugin name (a key that is a scheme
     * wins). Plugins whose options change are rebuilt on their next compile, and their cached
     * graphs are dropped.
     */
    public void configurePlugins(Map<String, PluginSettings> settings) {
        synchronized (lock) {
            Snapshot old = snapshot;
            snapshot = Snapshot.build(allEntries(), old.settings, Map.copyOf(settings));
            invalidateChanges(old, snapshot);
        }
    }

    /** Sets (or with {@code null}, removes) the settings under one key. */
    public void configurePlugin(String key, PluginSettings settings) {
        synchronized (lock) {
            Map<String, PluginSettings> all = new HashMap<>(snapshot.pluginSettings);
            if (settings == null) {
                all.remove(key.toLowerCase(Locale.ROOT));
                all.remove(key);
            } else {
                all.put(WorkflowCompilers.isValidScheme(key) ? key.toLowerCase(Locale.ROOT) : key, settings);
            }
            configurePlugins(all);
        }
    }

    @Override
    public void setEnabled(String key, boolean enabled) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("name a scheme or a plugin to enable or disable");
        }
        synchronized (lock) {
            String stored = WorkflowCompilers.isValidScheme(key) && snapshot.byScheme.containsKey(
                    key.toLowerCase(Locale.ROOT)) ? key.toLowerCase(Locale.ROOT) : key;
            boolean known = snapshot.byScheme.containsKey(stored) || snapshot.byScheme.values().stream()
                    .flatMap(List::stream).anyMatch(entry -> entry.name.equals(stored));
            if (!known) {
                throw new IllegalArgumentException("no plugin has the scheme or name '" + key + "'; installed: "
                        + String.join(", ", new TreeMap<>(snapshot.byScheme).keySet()));
            }
            PluginSettings current = snapshot.pluginSettings.get(stored);
            configurePlugin(stored, (current == null ? PluginSettings.defaults() : current).withEnabled(enabled));
        }
    }

    /** Applies a whole configuration (for example one read by {@link RegistryConfigFile}). */
    public void configure(RegistryConfiguration configuration) {
        synchronized (lock) {
            configure(configuration.registry());
            configurePlugins(configuration.plugins());
        }
    }

    public RegistrySettings settings() {
        return snapshot.settings;
    }

    public Map<String, PluginSettings> pluginSettings() {
        return snapshot.pluginSettings;
    }

    /** The node services that runs of the registry's graphs get, or {@code null}. */
    @Override
    public NodeServices nodeServices() {
        return nodeServices;
    }

    // ---------------------------------------------------------------- queries

    /** The schemes that can be compiled now (enabled ones only). */
    @Override
    public Set<String> schemes() {
        return installedSchemes(snapshot);
    }

    private static Set<String> installedSchemes(Snapshot snap) {
        return snap.active.keySet();
    }

    /**
     * How a URI resolves in a snapshot. A scheme whose every plugin is disabled by configuration is
     * reported as disabled ({@link DisabledSchemeException}), not as unknown.
     */
    private static SchemeResolver.Resolution resolveIn(Snapshot snap, String uri) {
        try {
            return snap.resolver.resolve(WorkflowUri.parse(uri), installedSchemes(snap));
        } catch (UnknownSchemeException e) {
            List<PluginEntry> disabled = snap.byScheme.getOrDefault(e.scheme(), List.of());
            if (!disabled.isEmpty()) {
                throw new DisabledSchemeException(e.scheme(), installedSchemes(snap),
                        disabled.stream().map(entry -> entry.name).toList());
            }
            throw e;
        }
    }

    /** Every plugin for every scheme, sorted by scheme and then by precedence. */
    @Override
    public List<PluginInfo> plugins() {
        Snapshot snap = snapshot;
        List<PluginInfo> infos = new ArrayList<>();
        for (Map.Entry<String, List<PluginEntry>> byScheme : new TreeMap<>(snap.byScheme).entrySet()) {
            String scheme = byScheme.getKey();
            for (PluginEntry entry : byScheme.getValue()) {
                PluginSettings settings = snap.settingsOf(entry, scheme);
                infos.add(new PluginInfo(scheme, entry.pluginClass.getName(), entry.name, entry.origin, entry.ranking,
                        entry.id, settings.enabled(), snap.active.get(scheme) == entry,
                        settings.staleIfError() || entry.staleIfErrorProperty));
            }
        }
        return infos;
    }

    /** How a URI resolves now. */
    public SchemeResolver.Resolution resolve(String uri) {
        Snapshot snap = snapshot;
        return resolveIn(snap, uri);
    }

    /**
     * The workflows a URI's source holds, as its plugin lists them
     * ({@link WorkflowCompilerPlugin#workflowNames}); empty when the plugin cannot tell (compile it
     * with no workflow name).
     */
    @Override
    public List<String> workflowNames(String uri) {
        Snapshot snap = snapshot;
        SchemeResolver.Resolution resolution = resolveIn(snap, uri);
        PluginEntry entry = snap.active.get(resolution.scheme());
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
        Snapshot snap = snapshot;
        SchemeResolver.Resolution resolution = resolveIn(snap, uri);
        PluginEntry entry = snap.active.get(resolution.scheme());
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
        return compile(uri, workflowName, snapshot.settings.validate());
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
        Snapshot snap = snapshot;
        SchemeResolver.Resolution resolution = resolveIn(snap, uri);
        String scheme = resolution.scheme();
        PluginEntry entry = snap.active.get(scheme);
        PluginSettings settings = snap.settingsOf(entry, scheme);
        WorkflowCompilerPlugin plugin = entry.instance(settings.options());
        boolean stale = settings.staleIfError() || entry.staleIfErrorProperty;
        Caches current = caches;
        Key lastGoodKey = stale ? new Key(scheme, plugin, resolution.source(), workflowName, validate) : null;
        try {
            String cacheKey = pluginCall(scheme, entry, uri, "getCacheKey", () -> plugin.getCacheKey(resolution.source()));
            if (cacheKey == null) {
                CompiledGraph graph = compileNow(uri, scheme, entry, plugin, resolution.source(), workflowName, validate);
                remember(current, lastGoodKey, graph);
                return graph;
            }
            Key key = new Key(scheme, plugin, cacheKey, workflowName, validate);
            return load(current, key, () -> {
                CompiledGraph graph = compileNow(uri, scheme, entry, plugin, resolution.source(), workflowName, validate);
                if (stillServes(scheme, entry, plugin)) {
                    remember(current, lastGoodKey, graph);
                }
                return graph;
            }, () -> stillServes(scheme, entry, plugin));
        } catch (WorkflowSourceUnavailableException e) {
            if (lastGoodKey != null) {
                LastGood lastGood = current.lastGood.getIfPresent(lastGoodKey);
                if (lastGood != null) {
                    String warning = UriRedaction.text("Served the last good compile of '" + uri + "' (from "
                            + lastGood.compiledAt() + "): its source cannot be read: " + e.getMessage());
                    log.log(System.Logger.Level.WARNING, warning);
                    return new StaleGraph(lastGood.graph(), warning);
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

    private CompiledGraph compileNow(String uri, String scheme, PluginEntry entry, WorkflowCompilerPlugin plugin,
                                     String source, String workflowName, boolean validate) {
        if (validate) {
            if (!pluginCall(scheme, entry, uri, "validateSource", () -> plugin.validateSource(source))) {
                throw sourceRejected(uri, scheme, plugin, source, workflowName);
            }
        }
        CompiledGraph graph = pluginCall(scheme, entry, uri, "compile",
                () -> plugin.compile(source, workflowName, validate));
        if (graph == null) {
            throw new WorkflowException("The " + scheme + " plugin (" + entry + ") returned no graph for '"
                    + UriRedaction.text(uri) + "'");
        }
        return new BoundGraph(graph, config -> {
            RunConfig bound = runDefaults(config);
            return bound.origin() == null ? bound.origin(uri) : bound;
        });
    }

    /**
     * Calls a plugin. An exception other than a {@link WorkflowException} is a fault of the plugin:
     * it is reported as a {@code WorkflowException} that names the plugin, its bundle, the method
     * and the URI.
     */
    private static <T> T pluginCall(String scheme, PluginEntry entry, String uri, String method,
                                    java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (WorkflowException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new WorkflowException("The " + scheme + " plugin " + entry + " failed in " + method + " of '"
                    + UriRedaction.text(uri) + "': " + e, e);
        }
    }

    /**
     * The error for a source the plugin's {@code validateSource} refused. The plugin's own compile
     * says best why (a missing path, a parse error with its line), so it is asked; only when it
     * compiles after all does the registry say in its own words that the plugin refused it.
     */
    private static WorkflowException sourceRejected(String uri, String scheme, WorkflowCompilerPlugin plugin,
                                                    String source, String workflowName) {
        try {
            plugin.compile(source, workflowName, true);
        } catch (WorkflowException precise) {
            return precise;
        }
        String message = "The " + scheme + " plugin (" + plugin.getClass().getName()
                + ") cannot read the source of '" + UriRedaction.text(uri) + "'";
        return new InvalidWorkflowException(message, List.of(Problem.error(message).withSource(uri)));
    }

    /**
     * Fills in what the caller of a run left open: node services, checkpoint store, iteration
     * limit (and, for graphs compiled here, the URI as the run's origin, kept in its checkpoints).
     */
    RunConfig runDefaults(RunConfig config) {
        RunConfig result = config == null ? RunConfig.defaults() : config;
        if (nodeServices != null) {
            if (result.services() == null) {
                result = result.services(nodeServices);
            }
            if (result.checkpointStore() == null) {
                var store = nodeServices.checkpointStore();
                if (store.isPresent()) {
                    result = result.checkpointStore(store.get());
                }
            }
        }
        int maxIterations = snapshot.settings.defaultMaxIterations();
        if (result.defaultMaxIterations() == null && maxIterations > 0) {
            result = result.defaultMaxIterations(maxIterations);
        }
        return result;
    }

    private boolean stillServes(String scheme, PluginEntry entry, WorkflowCompilerPlugin plugin) {
        Snapshot snap = snapshot;
        return !entry.isRetired() && snap.active.get(scheme) == entry && entry.currentInstance() == plugin;
    }

    private void remember(Caches current, Key key, CompiledGraph graph) {
        if (key != null) {
            current.lastGood.put(key, new LastGood(graph, clock.instant()));
        }
    }

    private interface Compile {
        CompiledGraph run();
    }

    /**
     * A compile in progress. A failure cancels it (Caffeine logs other exceptional completions
     * as warnings with a stack trace, and a failed compile is not a fault of the cache) and keeps
     * the real exception for those waiting on it.
     */
    private static final class Loading extends CompletableFuture<CompiledGraph> {
        volatile Throwable failure;

        void fail(Throwable e) {
            failure = e;
            cancel(false);
        }
    }

    private CompiledGraph load(Caches current, Key key, Compile compile, java.util.function.BooleanSupplier keep) {
        Loading mine = new Loading();
        CompletableFuture<CompiledGraph> cached = current.graphs.get(key, (k, executor) -> mine);
        if (cached != mine) {
            if (!cached.isDone() && loading.get().contains(key)) {
                throw new WorkflowException("The workflow " + key + " includes itself: it is being compiled by this"
                        + " very compile");
            }
            return join(cached);
        }
        Set<Key> mineNow = loading.get();
        mineNow.add(key);
        try {
            CompiledGraph graph = compile.run();
            mine.complete(graph);
            if (!keep.getAsBoolean()) {
                current.graphs.asMap().remove(key, mine);
            }
            return graph;
        } catch (RuntimeException | Error e) {
            current.graphs.asMap().remove(key, mine);
            mine.fail(e);
            throw e;
        } finally {
            mineNow.remove(key);
        }
    }

    private static CompiledGraph join(CompletableFuture<CompiledGraph> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkflowException("Interrupted while waiting for a compile", e);
        } catch (java.util.concurrent.CancellationException e) {
            Throwable failure = future instanceof Loading loading ? loading.failure : null;
            throw rethrow(failure != null ? failure : e);
        } catch (ExecutionException | CompletionException e) {
            throw rethrow(e.getCause());
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new WorkflowException("Compile failed: " + cause, cause);
    }

    // ---------------------------------------------------------------- cache

    /** The cache's counters. */
    @Override
    public CacheStatistics cacheStatistics() {
        Caches current = caches;
        current.graphs.synchronous().cleanUp();
        var stats = current.graphs.synchronous().stats();
        return new CacheStatistics(current.graphs.synchronous().estimatedSize(), current.settings.cacheSize(),
                current.settings.cacheTtl(), stats.hitCount(), stats.missCount(), stats.loadFailureCount(),
                stats.evictionCount(), invalidations.sum(), stats.averageLoadPenalty());
    }

    /** Drops every cached graph (and every last good graph kept for stale serving). */
    @Override
    public void clearCache() {
        caches.clear();
    }

    // ---------------------------------------------------------------- internals

    private List<PluginEntry> allEntries() {
        List<PluginEntry> all = new ArrayList<>(codeEntries.values());
        all.addAll(loaderEntries);
        all.addAll(serviceEntries.values());
        all.addAll(composedEntries);
        return all;
    }

    /** Rebuilds the snapshot after a plugin change and drops what no longer applies. Holds the lock. */
    private void update() {
        Snapshot old = snapshot;
        snapshot = Snapshot.build(allEntries(), old.settings, old.pluginSettings);
        invalidateChanges(old, snapshot);
    }

    private void invalidateChanges(Snapshot old, Snapshot now) {
        Map<String, WorkflowCompilerPlugin> dropped = new HashMap<>();
        for (Map.Entry<String, PluginEntry> active : old.active.entrySet()) {
            String scheme = active.getKey();
            PluginEntry entry = active.getValue();
            boolean sameEntry = now.active.get(scheme) == entry;
            boolean sameOptions = old.settingsOf(entry, scheme).equals(now.settingsOf(entry, scheme));
            WorkflowCompilerPlugin instance = entry.currentInstance();
            if (instance != null && (!sameEntry || !sameOptions || entry.isRetired())) {
                dropped.put(scheme, instance);
            }
        }
        if (dropped.isEmpty()) {
            return;
        }
        Predicate<Key> stale = key -> dropped.get(key.scheme) == key.plugin;
        Caches current = caches;
        int before = current.graphs.asMap().size();
        current.graphs.asMap().keySet().removeIf(stale);
        invalidations.add(Math.max(0, before - current.graphs.asMap().size()));
        current.lastGood.asMap().keySet().removeIf(stale);
    }

    /** What compiles need, replaced whole on every change. */
    private static final class Snapshot {
        final Map<String, List<PluginEntry>> byScheme;
        final Map<String, PluginEntry> active;
        final RegistrySettings settings;
        final Map<String, PluginSettings> pluginSettings;
        final SchemeResolver resolver;

        private Snapshot(Map<String, List<PluginEntry>> byScheme, Map<String, PluginEntry> active,
                         RegistrySettings settings, Map<String, PluginSettings> pluginSettings) {
            this.byScheme = byScheme;
            this.active = active;
            this.settings = settings;
            this.pluginSettings = pluginSettings;
            this.resolver = new SchemeResolver(settings.defaultScheme(), SchemeResolver.DEFAULT_EXTENSIONS);
        }

        static Snapshot build(List<PluginEntry> entries, RegistrySettings settings,
                              Map<String, PluginSettings> pluginSettings) {
            Map<String, List<PluginEntry>> byScheme = new HashMap<>();
            for (PluginEntry entry : entries) {
                for (String scheme : entry.schemes) {
                    byScheme.computeIfAbsent(scheme, s -> new ArrayList<>()).add(entry);
                }
            }
            Map<String, PluginEntry> active = new HashMap<>();
            Map<String, List<PluginEntry>> sorted = new HashMap<>();
            Snapshot partial = new Snapshot(Map.of(), Map.of(), settings, pluginSettings);
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
            return new Snapshot(Map.copyOf(sorted), Map.copyOf(active), settings, pluginSettings);
        }

        PluginSettings settingsOf(PluginEntry entry, String scheme) {
            PluginSettings bySchemeKey = pluginSettings.get(scheme);
            if (bySchemeKey != null) {
                return bySchemeKey;
            }
            PluginSettings byName = pluginSettings.get(entry.name);
            return byName != null ? byName : PluginSettings.defaults();
        }
    }

    private record LastGood(CompiledGraph graph, Instant compiledAt) {
    }

    private static final class Caches {
        final RegistrySettings settings;
        final AsyncCache<Key, CompiledGraph> graphs;
        final Cache<Key, LastGood> lastGood;

        Caches(RegistrySettings settings, java.util.function.LongSupplier nanoTime) {
            this.settings = settings;
            Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(settings.cacheSize()).recordStats()
                    .ticker(nanoTime::getAsLong);
            if (settings.cacheTtl() != null) {
                builder.expireAfterWrite(settings.cacheTtl());
            }
            // Compiles run in the calling thread (see load), so the executor only runs removal work.
            this.graphs = builder.executor(Runnable::run).buildAsync();
            this.lastGood = Caffeine.newBuilder().maximumSize(Math.max(settings.cacheSize(), 1)).build();
        }

        void clear() {
            graphs.synchronous().invalidateAll();
            lastGood.invalidateAll();
        }
    }

    /** A cache key: scheme, plugin instance (by identity), cache key, workflow name, validate. */
    static final class Key {
        final String scheme;
        final WorkflowCompilerPlugin plugin;
        final String cacheKey;
        final String workflow;
        final boolean validate;
        private final int hash;

        Key(String scheme, WorkflowCompilerPlugin plugin, String cacheKey, String workflow, boolean validate) {
            this.scheme = scheme;
            this.plugin = plugin;
            this.cacheKey = cacheKey;
            this.workflow = workflow;
            this.validate = validate;
            int h = scheme.hashCode();
            h = 31 * h + System.identityHashCode(plugin);
            h = 31 * h + cacheKey.hashCode();
            h = 31 * h + Objects.hashCode(workflow);
            this.hash = 31 * h + (validate ? 1 : 0);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.hash == hash && key.plugin == plugin && key.validate == validate
                    && key.scheme.equals(scheme) && key.cacheKey.equals(cacheKey)
                    && Objects.equals(key.workflow, workflow);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return scheme + ":" + cacheKey + (workflow == null ? "" : "#" + workflow);
        }
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
