package dev.victor.workflow.spi;

import org.osgi.annotation.versioning.ConsumerType;

import java.util.Map;

/**
 * A transform registered by name. A transform node whose whole {@code transform} text is that
 * name calls it instead of evaluating statements.
 */
@ConsumerType
@FunctionalInterface
public interface TransformFunction {
    /** Returns the state keys to write, with their values. */
    Map<String, Object> apply(Map<String, Object> state) throws Exception;
}
