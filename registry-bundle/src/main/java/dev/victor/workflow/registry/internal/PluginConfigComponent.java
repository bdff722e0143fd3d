package dev.victor.workflow.registry.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/** One per plugin factory configuration: publishes it for the registry component. */
@Component(configurationPid = PluginConfig.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = PluginConfigComponent.class)
@Designate(ocd = PluginConfig.class, factory = true)
public final class PluginConfigComponent {
    private final PluginConfigEntry entry;

    @Activate
    public PluginConfigComponent(PluginConfig config) {
        this.entry = PluginConfigEntry.of(config);
    }

    public PluginConfigEntry entry() {
        return entry;
    }
}
