package dev.victor.workflow.model;

import dev.victor.workflow.format.SourcePosition;

import java.util.List;
import java.util.Map;

/**
 * A node of a type contributed by an installed node executor; its fields are kept as written.
 *
 * @param output the state key the result goes to (default: the id)
 */
public record CustomNode(String id, String name, String type, List<String> next, boolean chained,
                         Map<String, Object> fields, String output,
                         Map<String, Object> extras, SourcePosition position) implements NodeDefinition {
}
