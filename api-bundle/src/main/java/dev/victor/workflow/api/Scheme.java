package dev.victor.workflow.api;

import org.osgi.service.component.annotations.ComponentPropertyType;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The URI schemes a {@link WorkflowCompilerPlugin} or a {@link dev.victor.workflow.source.WorkflowSource}
 * serves, as the service property {@code scheme}: {@code @Component(service = WorkflowSource.class)
 * @Scheme("s3")} registers with {@code scheme=s3}. Schemes are matched without regard to case.
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Scheme {
    /** The schemes, without {@code ://}. */
    String[] value();
}
