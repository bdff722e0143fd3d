package dev.victor.workflow.engine.internal;

import java.util.Map;

/**
 * Writes the updates a node's function returned into its scope, in the map's order, without
 * building an entry set: a map of one entry made by {@code Map.of(k, v)} (the usual answer of a
 * builder node, whose {@code forEach} builds an entry set on JDK 17) is read through the key the
 * node wrote the last time, checked with {@code containsKey}; other maps with
 * {@link Map#forEach}, which hash maps run over their table. One per node body, shared by the
 * graph's runs: the remembered key is only a guess, checked before it is used, so runs racing
 * on it stay correct.
 */
final class Updates {
    private static final Class<?> ONE_ENTRY = Map.of("", "").getClass();

    /** The key of the node's last one-entry update, or {@code null}. */
    private String lastKey;

    void writeTo(Scope scope, Map<String, ?> updates) {
        if (updates.getClass() != ONE_ENTRY) {
            scope.writeAll(updates);
            return;
        }
        String key = lastKey;
        if (key == null || !updates.containsKey(key)) {
            key = updates.keySet().iterator().next();
            lastKey = key;
        }
        scope.write(key, updates.get(key));
    }
}
