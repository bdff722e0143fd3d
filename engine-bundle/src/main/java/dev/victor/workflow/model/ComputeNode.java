package dev.victor.workflow.model;

import dev.victor.workflow.format.SourcePosition;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Calls a handler, or tools in order, through the installed services.
 *
 * @param handler     the handler's name, or {@code null} when tools are called
 * @param tools       tool names, called in order when no handler is set
 * @param inputs      values as written; strings {@code $ctx.key} and {@code $state.key} are
 *                    resolved from the state when the node runs
 * @param output      the state key the result goes to (default: the id)
 * @param constraints what the node may do
 * @param timeout     its own; {@code null} when it sets none (then {@code default_node_timeout}, else 60 s)
 * @param failFast    stop after the first failing tool (default true)
 */
public record ComputeNode(String id, String name, List<String> next, boolean chained,
                          String handler, List<String> tools, Map<String, Object> inputs, String output,
                          Constraints constraints, Duration timeout, boolean failFast,
                          Map<String, Object> extras, SourcePosition position) implements NodeDefinition {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    @Override
    public String type() {
        return "compute";
    }
}
