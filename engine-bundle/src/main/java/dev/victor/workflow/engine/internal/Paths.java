package dev.victor.workflow.engine.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dotted paths into the state ({@code a.b.c}: map keys, or list indices written as numbers) and
 * the {@code $ctx.key} / {@code $state.key} references of compute inputs.
 */
public final class Paths {
    /** What {@link #lookup} returns when the path leads nowhere. */
    public static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "<missing>";
        }
    };

    private static final String CTX = "$ctx.";
    private static final String STATE = "$state.";

    private Paths() {
    }

    /** Splits a dotted path once, at compile time. */
    public static String[] split(String dotted) {
        return dotted.split("\\.", -1);
    }

    /** The value at the path, or {@link #MISSING}. */
    public static Object lookup(Map<String, ?> state, String[] path) {
        Object current = state;
        for (String part : path) {
            if (current instanceof Map<?, ?> map) {
                Object next = map.get(part);
                if (next == null && !map.containsKey(part)) {
                    return MISSING;
                }
                current = next;
            } else if (current instanceof List<?> list && isIndex(part)) {
                int index = Integer.parseInt(part);
                if (index >= list.size()) {
                    return MISSING;
                }
                current = list.get(index);
            } else {
                return MISSING;
            }
        }
        return current;
    }

    private static boolean isIndex(String part) {
        if (part.isEmpty() || part.length() > 9) {
            return false;
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The path of a {@code $ctx.key} / {@code $state.key} reference, or {@code null} when the text is not one. */
    public static String[] reference(String text) {
        String rest;
        if (text.startsWith(CTX)) {
            rest = text.substring(CTX.length());
        } else if (text.startsWith(STATE)) {
            rest = text.substring(STATE.length());
        } else {
            return null;
        }
        return rest.isEmpty() ? null : split(rest);
    }

    /**
     * Compiles a tree of inputs: a function of the state that gives the tree with every
     * reference replaced by the state's value (missing: {@code null}). A tree without references
     * is frozen once and returned as it is.
     */
    public static Resolver resolver(Object tree) {
        if (!hasReference(tree)) {
            Object constant = Frozen.freeze(tree);
            return state -> constant;
        }
        return state -> resolve(tree, state);
    }

    /** The inputs of a node, resolved against the state. */
    @FunctionalInterface
    public interface Resolver {
        Object resolve(Map<String, Object> state);
    }

    private static boolean hasReference(Object tree) {
        if (tree instanceof String text) {
            return reference(text) != null;
        }
        if (tree instanceof Map<?, ?> map) {
            for (Object value : map.values()) {
                if (hasReference(value)) {
                    return true;
                }
            }
        } else if (tree instanceof List<?> list) {
            for (Object value : list) {
                if (hasReference(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Object resolve(Object tree, Map<String, Object> state) {
        if (tree instanceof String text) {
            String[] path = reference(text);
            if (path == null) {
                return text;
            }
            Object value = lookup(state, path);
            return value == MISSING ? null : value;
        }
        if (tree instanceof Map<?, ?> map) {
            LinkedHashMap<Object, Object> out = new LinkedHashMap<>();
            map.forEach((key, value) -> out.put(key, resolve(value, state)));
            return Frozen.freeze(out);
        }
        if (tree instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object value : list) {
                out.add(resolve(value, state));
            }
            return Frozen.freeze(out);
        }
        return Frozen.freeze(tree);
    }
}
