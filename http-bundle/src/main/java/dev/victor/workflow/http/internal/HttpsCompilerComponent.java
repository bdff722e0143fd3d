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

import java.util.List;
import java.util.Map;

/**
 * The {@code https} plugin as an OSGi service; see {@link HttpCompilerComponent}, whose
 * configuration (PID {@value HttpPluginConfig#PID}) it shares.
 */
@Component(service = WorkflowCompilerPlugin.class, configurationPid = HttpPluginConfig.PID,
        property = {"scheme=https", "plugin.name=http"},
        reference = @Reference(name = "registry", service = WorkflowCompilerRegistry.class))
public final class HttpsCompilerComponent implements WorkflowCompilerPlugin {
    private final HttpCompilerPlugin plugin;
    private final RegistryLookup registry;

    @Activate
    public HttpsCompilerComponent(HttpPluginConfig config, BundleContext context, Map<String, Object> properties,
                                  @Reference(name = "logger", service = LoggerFactory.class,
                                          cardinality = ReferenceCardinality.OPTIONAL) Logger logger) {
        this.registry = new RegistryLookup(context);
        this.plugin = PluginComponents.plugin("https", config, properties, registry,
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
