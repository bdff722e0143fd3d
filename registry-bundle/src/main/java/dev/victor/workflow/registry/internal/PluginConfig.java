package dev.victor.workflow.registry.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One plugin's configuration, a factory configuration (factory PID {@value #FACTORY_PID}), for
 * example {@code etc/dev.victor.workflow.registry.plugin-http.cfg}.
 */
@ObjectClassDefinition(id = PluginConfig.FACTORY_PID, name = "Victor workflow compiler plugin",
        description = "Enables or hides a compiler plugin, and sets its options")
public @interface PluginConfig {

    String FACTORY_PID = "dev.victor.workflow.registry.plugin";

    @AttributeDefinition(name = "Plugin", description = "A scheme (such as http) or a plugin's name")
    String plugin();

    @AttributeDefinition(name = "Enabled", description = "false hides the plugin's scheme(s) without uninstalling it")
    boolean enabled() default true;

    @AttributeDefinition(name = "Stale if error",
            description = "When the source cannot be read, serve the last good compiled graph, with a warning")
    boolean stale_if_error() default false;

    @AttributeDefinition(name = "Options", description = "key=value pairs given to the plugin when the registry builds it")
    String[] options() default {};
}
