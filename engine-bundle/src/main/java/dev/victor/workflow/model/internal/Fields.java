package dev.victor.workflow.model.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Typed access to the keys of one mapping of a node (the node itself, its constraints, a member). */
final class Fields {
    private final Scope scope;
    private final NodeDraft draft;
    private final Map<String, Object> raw;
    private final List<Object> base;

    Fields(Scope scope, NodeDraft draft, Map<String, Object> raw, List<Object> base) {
        this.scope = scope;
        this.draft = draft;
        this.raw = raw;
        this.base = base;
    }

    /**
     * The mapping with its keys as text ({@link Values#keyText}), read-only. A mapping whose keys
     * are all text already (the usual case) is not copied.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> textKeys(Map<?, ?> map) {
        boolean text = true;
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                text = false;
                break;
            }
        }
        if (text) {
            return Collections.unmodifiableMap((Map<String, Object>) map);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            result.put(Values.keyText(entry.getKey()), entry.getValue());
        }
        return Collections.unmodifiableMap(result);
    }

    boolean has(String key) {
        return raw.containsKey(key);
    }

    /** Written and not null. */
    boolean present(String key) {
        return raw.get(key) != null;
    }

    Object get(String key) {
        return raw.get(key);
    }

    List<Object> path(String key) {
        return Paths.append(base, key);
    }

    String node() {
        return draft.id;
    }

    void fail(String key, String message) {
        draft.reported.add(key);
        scope.error(path(key), draft.id, message);
    }

    String text(String key, String otherwise) {
        Object value = raw.get(key);
        if (value == null) {
            return otherwise;
        }
        if (Values.isScalar(value)) {
            return Values.scalarText(value);
        }
        fail(key, "'" + key + "' must be text, not " + Values.describe(value));
        return otherwise;
    }

    /** A list of names; a single name is a one-element list; not written is empty. */
    List<String> texts(String key) {
        Object value = raw.get(key);
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (Values.isScalar(value)) {
            result.add(Values.scalarText(value));
            return result;
        }
        if (!(value instanceof List<?> list)) {
            fail(key, "'" + key + "' must be a list of names, not " + Values.describe(value));
            return result;
        }
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (Values.isScalar(item)) {
                result.add(Values.scalarText(item));
            } else {
                draft.reported.add(key);
                scope.error(Paths.append(base, key, i), draft.id,
                        "'" + key + "' must be a list of names; entry " + i + " is " + Values.describe(item));
            }
        }
        return result;
    }

    int whole(String key, int otherwise) {
        Object value = raw.get(key);
        if (value == null) {
            return otherwise;
        }
        Integer number = Values.wholeNumber(value);
        if (number == null) {
            fail(key, "'" + key + "' " + Values.wholeNumberProblem(value));
            return otherwise;
        }
        return number;
    }

    boolean bool(String key, boolean otherwise) {
        Object value = raw.get(key);
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        fail(key, "'" + key + "' must be true or false, not " + Values.describe(value));
        return otherwise;
    }

    /**
     * Seconds from the first of {@code keys} that is written; remembered as the logical field
     * {@code field} so that the validator can point at it.
     */
    Duration seconds(String field, Duration otherwise, String... keys) {
        for (String key : keys) {
            Object value = raw.get(key);
            if (value == null) {
                continue;
            }
            Duration duration = Values.seconds(value);
            if (duration == null) {
                draft.reported.add(field);
                scope.error(path(key), draft.id,
                        "'" + key + "' must be a number of seconds, not " + Values.describe(value));
                return otherwise;
            }
            draft.fieldPaths.put(field, path(key));
            return duration;
        }
        return otherwise;
    }

    /** A mapping kept as written (read-only copy); not written is empty. */
    Map<String, Object> map(String key) {
        Object value = raw.get(key);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return Values.freezeMap(map);
        }
        fail(key, "'" + key + "' must be a mapping, not " + Values.describe(value));
        return Map.of();
    }

    /** A mapping whose values are names (text). */
    Map<String, String> textMap(String key) {
        Object value = raw.get(key);
        Map<String, String> result = new LinkedHashMap<>();
        if (value == null) {
            return result;
        }
        if (!(value instanceof Map<?, ?> map)) {
            fail(key, "'" + key + "' must be a mapping, not " + Values.describe(value));
            return result;
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = Values.keyText(entry.getKey());
            Object item = entry.getValue();
            if (Values.isScalar(item)) {
                result.put(name, Values.scalarText(item));
            } else {
                draft.reported.add(key);
                scope.error(Paths.append(base, key, name), draft.id,
                        "'" + key + "." + name + "' must be a state key (text), not " + Values.describe(item));
            }
        }
        return result;
    }

    /** One of an enum's values, written in lower case (any case is accepted). */
    <E extends Enum<E>> E choice(String key, E[] values, E otherwise) {
        Object value = raw.get(key);
        if (value == null) {
            return otherwise;
        }
        List<String> valid = new ArrayList<>();
        for (E candidate : values) {
            valid.add(candidate.name().toLowerCase(Locale.ROOT));
        }
        if (value instanceof String text) {
            String wanted = text.trim().toLowerCase(Locale.ROOT);
            for (E candidate : values) {
                if (candidate.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                    return candidate;
                }
            }
        }
        String written = Values.isScalar(value) ? "'" + Values.scalarText(value) + "'" : Values.describe(value);
        fail(key, "invalid " + key + " " + written + "; valid values: " + String.join(", ", valid)
                + (value instanceof String s ? Suggest.didYouMean(s, valid) : ""));
        return otherwise;
    }
}
