package dev.victor.workflow.model.internal;

import dev.victor.workflow.model.NodeDefinition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** A node as read, before its edges are resolved. */
final class NodeDraft {

    /** Builds the record once the edges are known; {@code target} maps END tokens to {@code END}. */
    interface Builder {
        NodeDefinition build(List<String> next, boolean chained, UnaryOperator<String> target);
    }

    final List<Object> path;
    final Map<String, Object> raw;
    String id;
    String type;
    String name;

    /** True when the node has a {@code next} key (even {@code next: []}). */
    boolean hasNextKey;
    final List<String> writtenNext = new ArrayList<>();
    final List<List<Object>> writtenNextPaths = new ArrayList<>();
    /** Filled when the edges are resolved: the place of each entry of {@code next()}. */
    final List<List<Object>> resolvedNextPaths = new ArrayList<>();

    /** For parallel nodes: child ids and where each is written. */
    final List<String> children = new ArrayList<>();
    final List<List<Object>> childPaths = new ArrayList<>();

    /** For conditions: where each branch's target and the default are written. */
    final Map<String, List<Object>> branchPaths = new LinkedHashMap<>();
    List<Object> defaultPath;

    /** Logical field → the path actually written (e.g. timeout → timeout_seconds). */
    final Map<String, List<Object>> fieldPaths = new HashMap<>();
    /** Fields the reader already reported an error about. */
    final Set<String> reported = new HashSet<>();

    Builder builder;

    NodeDraft(List<Object> path, Map<String, Object> raw) {
        this.path = path;
        this.raw = raw;
    }

    boolean isCondition() {
        return "condition".equals(type);
    }

    List<Object> fieldPath(String field) {
        List<Object> written = fieldPaths.get(field);
        if (written != null) {
            return written;
        }
        return raw.containsKey(field) ? Paths.append(path, field) : path;
    }
}
