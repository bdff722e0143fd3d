package dev.victor.workflow.registry;

import dev.victor.workflow.api.Problem;

import java.util.List;

/**
 * Applies a JSON Schema to a parsed tree. The registry takes one (off OSGi through its builder, in
 * OSGi as a service) to check sources of {@link SchemaAware} plugins. This bundle ships none: a
 * real one wraps a JSON Schema library.
 */
@FunctionalInterface
public interface SchemaValidator {

    /**
     * The tree's problems against the schema; empty when it conforms.
     *
     * @param tree       maps, lists and scalars as read from the source
     * @param schema     the JSON Schema text
     * @param sourceName the URI or file, for the problems
     */
    List<Problem> validate(Object tree, String schema, String sourceName);
}
