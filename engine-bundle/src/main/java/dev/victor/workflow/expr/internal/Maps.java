package dev.victor.workflow.expr.internal;

import java.util.Map;

/** Reads from maps with Python key equality, safe against maps that refuse some keys. */
public final class Maps {
    /** Returned by {@link #lookup} for a key that is not there. */
    public static final Object MISSING = new Object();

    private Maps() {
    }

    /** The value for a string key, or null. */
    public static Object get(Map<?, ?> m, String key) {
        try {
            return m.get(key);
        } catch (ClassCastException | NullPointerException e) {
            return null;
        }
    }

    /** The value for a key compared with Python equality (1 finds 1.0 and True), or MISSING. */
    public static Object lookup(Map<?, ?> m, Object key) {
        return lookup(null, m, key);
    }

    /**
     * As {@link #lookup(Map, Object)}, charging the evaluation (when there is one): hashing a
     * collection key walks it, and a key of another type than the map's is compared with every key.
     */
    static Object lookup(Ctx c, Map<?, ?> m, Object key) {
        if (c != null && (key instanceof java.util.Collection<?> || key instanceof Map<?, ?>)) {
            c.chargeDeep(key);
        }
        boolean direct = true;
        try {
            Object v = m.get(key);
            if (v != null || m.containsKey(key)) {
                return v;
            }
        } catch (ClassCastException | NullPointerException e) {
            direct = false;
        }
        if (direct && key instanceof String) {
            return MISSING;
        }
        if (c != null) {
            c.charge(m.size());
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (Equality.equal(c, e.getKey(), key)) {
                return e.getValue();
            }
        }
        return MISSING;
    }

    public static boolean containsKey(Map<?, ?> m, Object key) {
        return lookup(m, key) != MISSING;
    }

    static boolean containsKey(Ctx c, Map<?, ?> m, Object key) {
        return lookup(c, m, key) != MISSING;
    }
}
