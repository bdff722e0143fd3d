package dev.victor.workflow.spi;

import java.util.Map;

/**
 * What a handler, tool or custom node executor is given when a node runs.
 *
 * @param workflow the workflow's name
 * @param nodeId   the node's id
 * @param threadId the run's thread id
 * @param inputs   the node's inputs with {@code $ctx.key} / {@code $state.key} resolved
 * @param state    a read-only view of the state as the node sees it
 * @param settings the node's own fields as written in the workflow (read-only)
 */
public record NodeCall(String workflow, String nodeId, String threadId, Map<String, Object> inputs,
                       Map<String, Object> state, Map<String, Object> settings) {
    public NodeCall {
        inputs = inputs == null ? Map.of() : java.util.Collections.unmodifiableMap(inputs);
        state = state == null ? Map.of() : java.util.Collections.unmodifiableMap(state);
        settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(settings);
    }
}
