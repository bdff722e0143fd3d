package dev.victor.workflow.model;

import dev.victor.workflow.format.SourcePosition;

import dev.victor.workflow.expr.Expression;

import java.util.List;
import java.util.Map;

/**
 * Routes. When the whole condition text is the name of a registered condition function, that is
 * called; otherwise the expression is evaluated. A boolean picks branch "true"/"false", any
 * other value the branch whose label is its string form; no match takes {@code defaultTarget};
 * without one the run ends (completed, with a warning).
 *
 * @param condition     the text as written
 * @param expression    the parsed text
 * @param branches      label → node id or {@link NodeDefinition#END}, in written order; labels
 *                      are strings (YAML booleans normalised to "true"/"false")
 * @param defaultTarget the node-level {@code default}, else the {@code default} branch, else {@code null}
 */
public record ConditionNode(String id, String name, List<String> next, boolean chained,
                            String condition, Expression expression, Map<String, String> branches,
                            String defaultTarget,
                            Map<String, Object> extras, SourcePosition position) implements NodeDefinition {
    @Override
    public String type() {
        return "condition";
    }
}
