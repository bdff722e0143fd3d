package dev.victor.workflow.http.internal;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.WorkflowCompilerRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

import java.util.List;
import java.util.Map;

/**
 * The {@code http} plugin as an OSGi service. It shares its configuration (PID
 * {@value HttpPluginConfig#PID}) with {@link HttpsCompilerComponent}; a new configuration replaces
 * both components, so the registry drops what it cached from the old ones. The registry is a
 * declared reference (the component runs only while there is one) but is looked up at the first
 * compile, see {@link RegistryLookup}.
 */
@Component(service = WorkflowCompilerPlugin.class, configurationPid = HttpPluginConfig.PID,
        property = {"scheme=http", "plugin.name=http"},
        reference = @Reference(name = "registry", service = WorkflowCompilerRegistry.class))
@Designate(ocd = HttpPluginConfig.class)
public final class HttpCompilerComponent implements WorkflowCompilerPlugin {
    private final HttpCompilerPlugin plugin;
    private final RegistryLookup registry;

    @Activate
    public HttpCompilerComponent(HttpPluginConfig config, BundleContext context, Map<String, Object> properties,
                                 @Reference(name = "logger", service = LoggerFactory.class,
                                         cardinality = ReferenceCardinality.OPTIONAL) Logger logger) {
        this.registry = new RegistryLookup(context);
        this.plugin = PluginComponents.plugin("http", config, properties, registry,
                new OsgiLogger(logger, System.getLogger(HttpCompilerPlugin.class.getName())));
    }

    @Deactivate
    void deactivate() {
        plugin.close();
        registry.close();
    }

    @Override
    public CompiledGraph compile(String source, String workflowName, boolean validate) {
        return plugin.compile(source, workflowName, validate);
    }

    @Override
    public boolean validateSource(String source) {
        return plugin.validateSource(source);
    }

    @Override
    public List<String> workflowNames(String source) {
        return plugin.workflowNames(source);
    }

    @Override
    public String getCacheKey(String source) {
        return plugin.getCacheKey(source);
    }

    @Override
    public String toString() {
        return plugin.toString();
    }
}
