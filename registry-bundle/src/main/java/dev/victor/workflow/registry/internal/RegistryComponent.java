package dev.victor.workflow.registry.internal;

import dev.victor.workflow.kernel.osgi.ConfigurationKeys;
import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.PluginFactory;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.WorkflowCompilerRegistry;
import dev.victor.workflow.format.WorkflowFormat;
import dev.victor.workflow.kernel.osgi.OsgiSystemLogger;
import dev.victor.workflow.kernel.WorkflowKernel;
import dev.victor.workflow.registry.CacheStatistics;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.registry.PluginInfo;
import dev.victor.workflow.registry.RegistryAdmin;
import dev.victor.workflow.registry.RegistrySettings;
import dev.victor.workflow.registry.file.FileSourceOptions;
import dev.victor.workflow.registry.file.internal.FilesConfigComponent;
import dev.victor.workflow.source.WorkflowSource;
import dev.victor.workflow.spi.NodeServices;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registry service: tracks every {@link WorkflowCompilerPlugin} service (dynamic, multiple,
 * greedy) by its {@code scheme} property, takes its settings from Configuration Admin, and hands
 * the whiteboard's node services to the runs of its graphs. Registered as the
 * {@link WorkflowCompilerRegistry} and as its administration interface, {@link RegistryAdmin}.
 */
@Component(service = {WorkflowCompilerRegistry.class, RegistryAdmin.class}, configurationPid = RegistryConfig.PID)
@Designate(ocd = RegistryConfig.class)
public final class RegistryComponent implements RegistryAdmin {

    private final DefaultWorkflowCompilerRegistry registry;
    private final Logger logger;

    /** The OSGi names of the keys of {@link RegistryConfig}. */
    static final Set<String> KEYS = Set.of("default.scheme", "cache.size", "cache.ttl.seconds",
            "default.max.iterations", "validate");

    @Activate
    public RegistryComponent(RegistryConfig config, Map<String, Object> properties,
                             @Reference(name = "whiteboard", target = "(" + dev.victor.workflow.registry.internal.whiteboard.NodeServicesWhiteboard.WHITEBOARD_PROPERTY + "=true)")
                             NodeServices whiteboard,
                             @Reference(name = "logger", service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL)
                             Logger logger,
                             @Reference(name = "kernel") WorkflowKernel kernel) {
        this.logger = logger;
        this.registry = DefaultWorkflowCompilerRegistry.builder()
                .kernel(kernel)
                .settings(settings(config))
                .nodeServices(whiteboard)
                .logger(new OsgiSystemLogger(() -> this.logger,
                        System.getLogger(DefaultWorkflowCompilerRegistry.class.getName())))
                .build();
        warnUnknownKeys(properties);
    }

    private void warnUnknownKeys(Map<String, Object> properties) {
        ConfigurationKeys.warn(properties, KEYS, RegistryConfig.PID, logger);
    }

    /** The registry's settings from its configuration. */
    static RegistrySettings settings(RegistryConfig config) {
        return new RegistrySettings(config.default_scheme().strip(), config.cache_size(),
                config.cache_ttl_seconds() > 0 ? Duration.ofSeconds(config.cache_ttl_seconds()) : null,
                config.default_max_iterations(), config.validate());
    }

    @Modified
    void modified(RegistryConfig config, Map<String, Object> properties) {
        warnUnknownKeys(properties);
        registry.configure(settings(config));
    }

    // ---------------------------------------------------------------- plugins

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removePlugin", updated = "updatedPlugin")
    void addPlugin(ServiceReference<WorkflowCompilerPlugin> reference, WorkflowCompilerPlugin plugin,
                   Map<String, Object> properties) {
        registry.addService(plugin, properties, origin(reference));
    }

    void updatedPlugin(ServiceReference<WorkflowCompilerPlugin> reference, WorkflowCompilerPlugin plugin,
                       Map<String, Object> properties) {
        registry.modifiedService(plugin, properties, origin(reference));
    }

    void removePlugin(ServiceReference<WorkflowCompilerPlugin> reference, WorkflowCompilerPlugin plugin,
                      Map<String, Object> properties) {
        Object id = properties.get("service.id");
        if (id instanceof Number number) {
            registry.removeService(number.longValue());
        }
    }

    private static String origin(ServiceReference<?> reference) {
        Bundle bundle = reference.getBundle();
        return bundle == null ? "(gone)" : bundle.getSymbolicName() + " " + bundle.getVersion();
    }

    // ---------------------------------------------------------------- sources and formats

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeSource", updated = "updatedSource")
    void addSource(ServiceReference<WorkflowSource> reference, WorkflowSource source, Map<String, Object> properties) {
        registry.addSource(source, properties, origin(reference));
    }

    void updatedSource(ServiceReference<WorkflowSource> reference, WorkflowSource source, Map<String, Object> properties) {
        removeSource(reference, source, properties);
        addSource(reference, source, properties);
    }

    void removeSource(ServiceReference<WorkflowSource> reference, WorkflowSource source, Map<String, Object> properties) {
        if (properties.get("service.id") instanceof Number number) {
            registry.removeSource(number.longValue());
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeFormat", updated = "updatedFormat")
    void addFormat(ServiceReference<WorkflowFormat> reference, WorkflowFormat format, Map<String, Object> properties) {
        registry.addFormat(format, properties, origin(reference));
    }

    void updatedFormat(ServiceReference<WorkflowFormat> reference, WorkflowFormat format, Map<String, Object> properties) {
        removeFormat(reference, format, properties);
        addFormat(reference, format, properties);
    }

    void removeFormat(ServiceReference<WorkflowFormat> reference, WorkflowFormat format, Map<String, Object> properties) {
        if (properties.get("service.id") instanceof Number number) {
            registry.removeFormat(number.longValue());
        }
    }

    // ---------------------------------------------------------------- local files

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeFilesConfig")
    void addFilesConfig(ServiceReference<FilesConfigComponent> reference, FilesConfigComponent config) {
        registry.files(config.options(), origin(reference));
    }

    void removeFilesConfig(ServiceReference<FilesConfigComponent> reference, FilesConfigComponent config) {
        registry.files(FileSourceOptions.defaults(), origin(reference));
    }

    // ---------------------------------------------------------------- per-plugin configuration

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removePluginConfig")
    void addPluginConfig(PluginConfigComponent config) {
        registry.configurePlugin(config.entry().plugin(), config.entry().settings());
    }

    void removePluginConfig(PluginConfigComponent config) {
        registry.configurePlugin(config.entry().plugin(), null);
    }

    // ---------------------------------------------------------------- the service

    @Override
    public void register(String scheme, Class<? extends WorkflowCompilerPlugin> pluginClass) {
        registry.register(scheme, pluginClass);
    }

    @Override
    public void register(String scheme, PluginFactory factory) {
        registry.register(scheme, factory);
    }

    @Override
    public void unregister(String scheme) {
        registry.unregister(scheme);
    }

    @Override
    public WorkflowCompilerPlugin create(String uri, Map<String, ?> options) {
        return registry.create(uri, options);
    }

    @Override
    public CompiledGraph compile(String uri, String workflowName) {
        return registry.compile(uri, workflowName);
    }

    @Override
    public Set<String> schemes() {
        return registry.schemes();
    }

    // ---------------------------------------------------------------- administration

    @Override
    public List<PluginInfo> plugins() {
        return registry.plugins();
    }

    @Override
    public void setEnabled(String key, boolean enabled) {
        registry.setEnabled(key, enabled);
    }

    @Override
    public CacheStatistics cacheStatistics() {
        return registry.cacheStatistics();
    }

    @Override
    public void clearCache() {
        registry.clearCache();
    }

    @Override
    public List<String> workflowNames(String uri) {
        return registry.workflowNames(uri);
    }

    @Override
    public CompiledGraph compile(String uri, String workflowName, boolean validate) {
        return registry.compile(uri, workflowName, validate);
    }

    @Override
    public NodeServices nodeServices() {
        return registry.nodeServices();
    }
}
