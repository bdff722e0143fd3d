package dev.victor.workflow.api;

import org.osgi.service.component.annotations.ComponentPropertyType;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name under which the registry lists, configures and reports a plugin or source (service
 * property {@code plugin.name}); without it, the component's name is used.
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PluginName {
    String value();
}
