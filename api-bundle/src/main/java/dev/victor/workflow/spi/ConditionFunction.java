package dev.victor.workflow.spi;

import org.osgi.annotation.versioning.ConsumerType;

import java.util.Map;

/**
 * A condition registered by name. A condition node whose whole {@code condition} text is that
 * name calls it instead of evaluating the text as an expression.
 */
@ConsumerType
@FunctionalInterface
public interface ConditionFunction {
    /** Returns the branch: a boolean routes to "true"/"false", anything else to its string form. */
    Object evaluate(Map<String, Object> state) throws Exception;
}
