package dev.victor.workflow.expr.internal;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A set built by the program: items by Python equality (1, 1.0 and True are one item), kept in
 * the order they were first added. Lists, dicts and sets cannot be items (unhashable, as in
 * Python). In the state a set becomes a list in that order.
 */
public final class PySet extends AbstractSet<Object> {
    private final Map<Object, Object> items = new LinkedHashMap<>();

    static PySet of(Ctx c, Iterable<?> values) {
        PySet s = new PySet();
        for (Object v : values) {
            s.put(c, v);
        }
        return s;
    }

    /** Adds an item (charging its hashing); an unhashable item is a TypeError. */
    void put(Ctx c, Object v) {
        Object key = key(v);
        if (c != null) {
            Keys.chargeHash(c, v);
        }
        items.putIfAbsent(key, v);
    }

    static Object key(Object v) {
        if (v instanceof java.util.List<?> && !(v instanceof PyTuple) || v instanceof Map<?, ?> || v instanceof PySet) {
            throw PyException.type("unhashable type: '" + Values.typeName(v) + "'");
        }
        if (v instanceof PyTuple t) {
            for (Object o : t) {
                key(o);
            }
        }
        return Keys.of(v);
    }

    boolean has(Object v) {
        return items.containsKey(key(v));
    }

    boolean drop(Object v) {
        return items.remove(key(v)) != null;
    }

    @Override
    public boolean contains(Object o) {
        try {
            return has(o);
        } catch (PyException e) {
            return false;
        }
    }

    @Override
    public Iterator<Object> iterator() {
        return items.values().iterator();
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PySet s && s.items.keySet().equals(items.keySet());
    }

    @Override
    public int hashCode() {
        return items.keySet().hashCode();
    }
}
