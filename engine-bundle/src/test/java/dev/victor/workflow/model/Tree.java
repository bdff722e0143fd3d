package dev.victor.workflow.model;

import dev.victor.workflow.format.SourcePositions;

import dev.victor.workflow.format.SourcePosition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a document tree as a YAML parser would, plus the {@link SourcePositions} of the values
 * (and keys) marked with {@link #at}. A marked key gives the key's position, a marked value the
 * value's position. Path segments are keys as text and list indices.
 *
 * <pre>
 * Located doc = Tree.locate(map("workflows", map("w", map("nodes", list(
 *         map("id", at(4, 13, "a"), "next", at(5, 15, "b")))))));
 * </pre>
 */
final class Tree {
    private Tree() {
    }

    /** A value or key at a 1-based line and column. */
    record At(int line, int column, Object value) {
    }

    /** The tree without markers, and the positions of the marked values and keys. */
    record Located(Object tree, SourcePositions positions) {
    }

    static At at(int line, int column, Object value) {
        return new At(line, column, value);
    }

    static Map<Object, Object> map(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static List<Object> list(Object... items) {
        List<Object> list = new ArrayList<>();
        for (Object item : items) {
            list.add(item);
        }
        return list;
    }

    /** {@code {workflows: {name: {nodes: [nodes...]}}}}. */
    static Map<Object, Object> workflow(String name, Object... nodes) {
        return map("workflows", map(name, map("nodes", list(nodes))));
    }

    static Located locate(Object marked) {
        Map<List<Object>, SourcePosition> values = new HashMap<>();
        Map<List<Object>, SourcePosition> keys = new HashMap<>();
        Object tree = strip(marked, List.of(), values, keys);
        SourcePositions positions = new SourcePositions() {
            @Override
            public SourcePosition valueAt(List<Object> path) {
                return values.getOrDefault(path, SourcePosition.UNKNOWN);
            }

            @Override
            public SourcePosition keyAt(List<Object> path) {
                SourcePosition key = keys.get(path);
                return key != null ? key : valueAt(path);
            }
        };
        return new Located(tree, positions);
    }

    private static Object strip(Object value, List<Object> path, Map<List<Object>, SourcePosition> values,
                                Map<List<Object>, SourcePosition> keys) {
        if (value instanceof At at) {
            values.put(path, new SourcePosition(at.line(), at.column()));
            return strip(at.value(), path, values, keys);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object key = entry.getKey();
                if (key instanceof At at) {
                    key = at.value();
                    keys.put(append(path, text(key)), new SourcePosition(at.line(), at.column()));
                }
                copy.put(key, strip(entry.getValue(), append(path, text(key)), values, keys));
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                copy.add(strip(list.get(i), append(path, i), values, keys));
            }
            return copy;
        }
        return value;
    }

    private static String text(Object key) {
        return String.valueOf(key);
    }

    private static List<Object> append(List<Object> path, Object segment) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(segment);
        return List.copyOf(longer);
    }
}
