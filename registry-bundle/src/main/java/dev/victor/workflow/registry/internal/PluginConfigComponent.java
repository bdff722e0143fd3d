package dev.victor.workflow.registry.internal;

import dev.victor.workflow.kernel.osgi.ConfigurationKeys;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

import java.util.Map;
import java.util.Set;

/** One per plugin factory configuration: publishes it for the registry component. */
@Component(configurationPid = PluginConfig.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = PluginConfigComponent.class)
@Designate(ocd = PluginConfig.class, factory = true)
public final class PluginConfigComponent {
    /** The OSGi names of the keys of {@link PluginConfig}. */
    static final Set<String> KEYS = Set.of("plugin", "enabled", "stale.if.error", "options");

    private final PluginConfigEntry entry;

    @Activate
    public PluginConfigComponent(PluginConfig config, Map<String, Object> properties,
                                 @Reference(name = "logger", service = LoggerFactory.class,
                                         cardinality = ReferenceCardinality.OPTIONAL) Logger logger) {
        ConfigurationKeys.warn(properties, KEYS, PluginConfig.FACTORY_PID, logger);
        this.entry = PluginConfigEntry.of(config);
    }

    public PluginConfigEntry entry() {
        return entry;
    }
}
