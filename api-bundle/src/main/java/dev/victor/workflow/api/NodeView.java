package dev.victor.workflow.api;

import java.util.Map;

/**
 * One node of a {@link GraphView}.
 *
 * @param id         the node id
 * @param name       the display name
 * @param type       agent, compute, condition, transform, parallel, hitl, team or a custom type
 * @param attributes type-specific facts worth showing (role, handler, condition text, parent, ...)
 */
public record NodeView(String id, String name, String type, Map<String, Object> attributes) {
    public NodeView {
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }
}
