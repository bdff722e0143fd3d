package dev.victor.workflow.spi;

import java.util.Map;

/**
 * What a handler or custom node returns.
 *
 * @param value        stored at the node's output key
 * @param stateUpdates further state keys to write (may be empty)
 */
public record NodeOutput(Object value, Map<String, Object> stateUpdates) {
    public NodeOutput {
        stateUpdates = stateUpdates == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stateUpdates));
    }

    public static NodeOutput of(Object value) {
        return new NodeOutput(value, Map.of());
    }

    public static NodeOutput of(Object value, Map<String, Object> stateUpdates) {
        return new NodeOutput(value, stateUpdates);
    }
}
