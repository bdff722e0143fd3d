package dev.victor.workflow.format;

import org.osgi.service.component.annotations.ComponentPropertyType;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How the registry recognises a {@link WorkflowFormat}'s documents when the scheme names no format:
 * the media types (service property {@code format.media.types}) and the file extensions without the
 * dot ({@code format.extensions}).
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface FormatDetection {
    /** The prefix of this type's property names. */
    String PREFIX_ = "format.";

    /** Named as Declarative Services maps names to properties: {@code media_types} is {@code format.media.types}. */
    String[] media_types() default {};

    String[] extensions() default {};
}
