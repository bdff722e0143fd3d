package dev.victor.workflow.model;

import dev.victor.workflow.format.SourcePosition;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs its children concurrently, each on its own copy of the state, and merges their writes.
 * Inline children ({@code nodes:}) are hoisted into the workflow's node list by the reader.
 *
 * @param children     ids of the child nodes, in merge order
 * @param joinStrategy how it finishes
 * @param timeout      for all children together, or {@code null}
 */
public record ParallelNode(String id, String name, List<String> next, boolean chained,
                           List<String> children, JoinStrategy joinStrategy, Duration timeout,
                           Map<String, Object> extras, SourcePosition position) implements NodeDefinition {
    @Override
    public String type() {
        return "parallel";
    }
}
