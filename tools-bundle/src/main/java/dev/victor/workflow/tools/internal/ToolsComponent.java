package dev.victor.workflow.tools.internal;

import dev.victor.workflow.kernel.osgi.ConfigurationKeys;
import dev.victor.workflow.spi.Tool;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

/**
 * Publishes the standard tools as {@link Tool} services with the properties {@code name},
 * {@code tool.description} and {@code tool.parameters} (the JSON Schema of the arguments), so that
 * compute nodes and agents find them on the whiteboard. Needs its configuration; a workspace that
 * is not a folder fails the activation (and nothing is published).
 */
@Component(configurationPid = ToolsConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {})
@Designate(ocd = ToolsConfig.class)
public final class ToolsComponent {
    private final List<ServiceRegistration<Tool>> registrations = new ArrayList<>();

    @Activate
    public ToolsComponent(BundleContext context, ToolsConfig config, Map<String, Object> configuration,
                          @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL)
                          Logger logger) throws IOException {
        ConfigurationKeys.warn(configuration, ConfigurationKeys.of(ToolsConfig.class),
                ToolsConfig.PID, logger);
        for (StandardTool tool : StandardTools.of(config)) {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("name", tool.name());
            properties.put("tool.description", tool.description());
            properties.put("tool.parameters", tool.parameters());
            registrations.add(context.registerService(Tool.class, tool, properties));
        }
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
    }
}
