package dev.victor.workflow.registry.internal.core;

import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.format.WorkflowFormat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds the {@link WorkflowCompilerPlugin} and {@link WorkflowFormat} providers that a class loader
 * lists for {@link ServiceLoader}, each declared in a properties file beside it (plugins: schemes,
 * ranking, name; formats: name, media types, extensions). A provider with no declaration, or one
 * that cannot be built, is logged and left out.
 */
public final class ServiceLoaderDiscovery {

    /** Where ServiceLoader plugins declare their schemes. */
    public static final String PLUGINS_RESOURCE = "META-INF/victor/workflow-plugins.properties";
    /** Where ServiceLoader formats declare their names, media types and extensions. */
    public static final String FORMATS_RESOURCE = "META-INF/victor/workflow-formats.properties";

    /** Where the formats found go. */
    @FunctionalInterface
    public interface FormatSink {
        /** @return true when the format was added */
        boolean add(WorkflowFormat format, Map<String, ?> properties, String origin);
    }

    private final System.Logger log;
    private final ServiceProperties properties;
    private final Consumer<PluginEntry> plugins;
    private final FormatSink formats;

    /**
     * @param plugins receives each plugin found, one at a time
     * @param formats receives each format found with its properties
     */
    public ServiceLoaderDiscovery(System.Logger log, ServiceProperties properties, Consumer<PluginEntry> plugins,
                                  FormatSink formats) {
        this.log = log;
        this.properties = properties;
        this.plugins = plugins;
        this.formats = formats;
    }

    /** Adds the plugins, then the formats, visible from a class loader; returns how many were added. */
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
            Map<String, Object> published = new HashMap<>();
            published.put(WorkflowFormat.FORMAT_PROPERTY, declared.getProperty(className).strip());
            published.put(WorkflowFormat.MEDIA_TYPES_PROPERTY,
                    split(declared.getProperty(className + ".media.types", "")));
            published.put(WorkflowFormat.EXTENSIONS_PROPERTY,
                    split(declared.getProperty(className + ".extensions", "")));
            if (formats.add(format, published, "ServiceLoader")) {
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
            Set<String> schemes = properties.validSchemes(split(declared.getProperty(className)), type.getName(),
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
            plugins.accept(PluginEntry.ofServiceLoader(schemes, ranking, properties.nextId(), name, type, () -> {
                try {
                    return provider.get();
                } catch (ServiceConfigurationError e) {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    throw new WorkflowException("ServiceLoader plugin " + className + " could not be built: "
                            + cause.getMessage(), cause);
                }
            }));
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
                Properties declared = new Properties();
                try (InputStream in = url.openStream()) {
                    declared.load(in);
                }
                for (String key : declared.stringPropertyNames()) {
                    if (!key.endsWith(".ranking") && !key.endsWith(".name") && !key.endsWith(".media.types")
                            && !key.endsWith(".extensions")) {
                        byClass.put(key, declared);
                    }
                }
            }
        } catch (IOException e) {
            log.log(System.Logger.Level.WARNING, "Cannot read " + resource, e);
        }
        return byClass;
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }
}
