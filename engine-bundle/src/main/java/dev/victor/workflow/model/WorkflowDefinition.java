package dev.victor.workflow.model;

import dev.victor.workflow.format.SourcePosition;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One workflow, as read.
 *
 * @param name        its key in the document
 * @param description {@code ""} when not set
 * @param metadata    {@code metadata}, plus {@code services}, {@code batch_config}, {@code schedule}
 *                    and {@code temporal_context} kept under their own keys
 * @param nodes       in written order (inline parallel children hoisted after their parent)
 * @param startNode   the entry: {@code start_node}, else the first node
 * @param limits      as written
 * @param extras      unknown workflow keys, kept as written
 * @param source      the file or URI it came from, or {@code null}
 * @param position    where the workflow starts
 */
public record WorkflowDefinition(String name, String description, Map<String, Object> metadata,
                                 List<NodeDefinition> nodes, String startNode, Limits limits,
                                 Map<String, Object> extras, String source, SourcePosition position) {

    public Optional<NodeDefinition> node(String id) {
        for (NodeDefinition node : nodes) {
            if (node.id().equals(id)) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }
}
