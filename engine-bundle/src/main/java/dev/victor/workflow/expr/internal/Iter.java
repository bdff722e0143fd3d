package dev.victor.workflow.expr.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/** What {@code for} iterates over: the items of a list, the characters of a string, the keys of a map. */
final class Iter {
    private Iter() {
    }

    /**
     * The items, as a random-access list to walk by index. A program's list is walked live, so
     * items appended during the loop are seen (as in Python); the step limit bounds it.
     */
    static List<?> items(Ctx c, Object v) {
        if (v instanceof List<?> l) {
            if (l instanceof RandomAccess) {
                return l;
            }
            c.charge(l.size());
            return new ArrayList<>(l);
        }
        if (v instanceof String s) {
            c.charge(s.length());
            c.allocate(s.length());
            List<Object> out = new ArrayList<>(s.length());
            Text.addCodePoints(s, out);
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            c.charge(m.size());
            return new ArrayList<>(m.keySet());
        }
        if (v instanceof Collection<?> col) {
            c.charge(col.size());
            return new ArrayList<>(col);
        }
        throw PyException.type("'" + Values.typeName(v) + "' object is not iterable");
    }

    /** Binds one item to loop variables: one name, or several unpacked from a sequence. */
    static void bind(Ctx c, int[] slots, boolean unpack, Object item) {
        if (!unpack) {
            c.locals[slots[0]] = item;
            return;
        }
        if (!(item instanceof List<?> || item instanceof String || item instanceof Map<?, ?>
                || item instanceof Collection<?>)) {
            throw PyException.type("cannot unpack non-iterable " + Values.typeName(item) + " object");
        }
        List<?> parts = items(c, item);
        if (parts.size() < slots.length) {
            throw PyException.value("not enough values to unpack (expected " + slots.length + ", got "
                    + parts.size() + ")");
        }
        if (parts.size() > slots.length) {
            throw PyException.value("too many values to unpack (expected " + slots.length + ")");
        }
        for (int i = 0; i < slots.length; i++) {
            c.locals[slots[i]] = parts.get(i);
        }
    }
}
