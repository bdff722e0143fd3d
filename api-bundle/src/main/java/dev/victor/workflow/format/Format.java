package dev.victor.workflow.format;

import org.osgi.service.component.annotations.ComponentPropertyType;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name of a {@link WorkflowFormat} (service property {@code format}): the name a compound scheme
 * uses ({@code yaml+https}) and the registry lists.
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Format {
    String value();
}
