package dev.victor.workflow.expr.internal;

import dev.victor.workflow.expr.Placeholder;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writing into lists and dicts: {@code d[k] = v}, {@code lst[i] = v}, {@code lst[i:j] = items},
 * their {@code del} and {@code op=} forms, with Python's semantics.
 *
 * <p>A list or dict the evaluation built is changed in place, so every name bound to it sees the
 * change (Python's aliasing). A list or dict read from the state is never changed: the first
 * write into it copies it, and the copy takes its place everywhere the program can reach (the
 * container that holds it, itself copied first, the state key, program names, the frames in
 * scope); a state key whose value changed so is written by the transform.
 */
final class Items {
    private Items() {
    }

    /** One step of a target's path below its root: an attribute (a map's key) or a subscript. */
    record Step(String attribute, Node key) {
    }

    /** Whether this evaluation built the value (so it may change it in place). */
    static boolean owned(Ctx c, Object v) {
        return v instanceof PyList l && l.ownedBy(c.owner()) || v instanceof PyDict d && d.ownedBy(c.owner());
    }

    /** The value itself when the evaluation may change it in place, else its copy (see the class comment). */
    static Object own(Ctx c, Object v) {
        return copyable(v) && !owned(c, v) ? thaw(c, v, null) : v;
    }

    private static boolean copyable(Object v) {
        return v instanceof Map<?, ?> || v instanceof List<?> && !(v instanceof PyTuple);
    }

    /**
     * The container the target writes into: the root's value, then each step's; a value from the
     * state on the way is copied (see the class comment).
     */
    static Object container(Ctx c, Statement.Item target) {
        Object cur = target.root().eval(c);
        if (copyable(cur) && !owned(c, cur)) {
            cur = thaw(c, cur, null);
        }
        for (Items.Step step : target.steps()) {
            Object child;
            Object key;
            if (step.attribute() != null) {
                key = step.attribute();
                if (cur instanceof Placeholder p) {
                    return p.part(key);
                }
                if (cur instanceof Map<?, ?> m) {
                    child = Maps.get(m, step.attribute());
                } else if (cur == null) {
                    child = null;
                } else {
                    throw PyException.attribute("'" + Values.typeName(cur) + "' object has no attribute '"
                            + step.attribute() + "'");
                }
            } else {
                key = step.key().eval(c);
                if (cur instanceof Placeholder p) {
                    return p.part(key);
                }
                child = Accessors.item(c, cur, key);
            }
            if (copyable(child) && !owned(c, child)) {
                child = thaw(c, child, owned(c, cur) ? new Parent(cur, exactKey(c, cur, key)) : null);
            }
            cur = child;
        }
        return cur;
    }

    /** Where a value sits: a container this evaluation owns, and the key or index that holds it. */
    record Parent(Object container, Object key) {
        boolean holds(Ctx c, Object value) {
            if (container instanceof PyDict d && d.ownedBy(c.owner())) {
                return d.get(key) == value;
            }
            return container instanceof PyList l && l.ownedBy(c.owner()) && (int) key < l.size()
                    && l.get((int) key) == value;
        }

        void put(Object value) {
            if (container instanceof PyDict d) {
                d.put(key, value);
            } else {
                ((PyList) container).set((int) key, value);
            }
        }
    }

    /**
     * The first write into a value that came from the state: a copy takes its place in the
     * container that holds it (found through the program's names, that container copied first in
     * the same way) and in every name bound to it, so that everything the program can reach sees
     * the change, as in Python. Charged per item copied and searched.
     */
    private static Object thaw(Ctx c, Object frozen, Parent known) {
        Parent at = known;
        if (at == null) {
            Parent seen = c.parents == null ? null : c.parents.get(frozen);
            at = seen != null && seen.holds(c, frozen) ? seen : find(c, frozen);
        }
        Object copy = copy(c, frozen);
        if (at != null) {
            at.put(copy);
        }
        rebind(c, frozen, copy);
        return copy;
    }

    /**
     * Searches the values bound to names (the state's keys, the program's names, the frames in
     * scope) for a container that holds value; the container, copied if it came from the state,
     * and the key; null when no container holds it. Remembers the parents of the values it passes.
     */
    private static Parent find(Ctx c, Object value) {
        java.util.IdentityHashMap<Object, Boolean> visited = new java.util.IdentityHashMap<>();
        java.util.ArrayDeque<Object> todo = new java.util.ArrayDeque<>();
        for (Map.Entry<String, ?> e : c.state.entrySet()) {
            if (c.assigned == null || !c.assigned.containsKey(e.getKey())) {
                todo.add(e.getValue() == null ? Boolean.FALSE : e.getValue());
            }
        }
        if (c.assigned != null) {
            for (Object v : c.assigned.values()) {
                todo.add(v == null ? Boolean.FALSE : v);
            }
        }
        for (Object[] frame = c.locals; frame != null && frame.length > 0; frame = (Object[]) frame[0]) {
            for (int i = 1; i < frame.length; i++) {
                if (frame[i] != null) {
                    todo.add(frame[i]);
                }
            }
        }
        while (!todo.isEmpty()) {
            Object v = todo.poll();
            if (!(copyable(v) || v instanceof PyTuple) || visited.put(v, Boolean.TRUE) != null) {
                continue;
            }
            Parent found = null;
            if (v instanceof Map<?, ?> m) {
                c.charge(m.size());
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    found = visit(c, v, e.getKey(), e.getValue(), value, found, todo);
                }
            } else {
                List<?> l = (List<?>) v;
                c.charge(l.size());
                for (int i = 0; i < l.size(); i++) {
                    found = visit(c, v, i, l.get(i), value, found, todo);
                }
            }
            if (found != null) {
                if (owned(c, found.container())) {
                    return found;
                }
                Object parentCopy = thaw(c, found.container(), null);
                return new Parent(parentCopy, found.key());
            }
        }
        return null;
    }

    private static Parent visit(Ctx c, Object container, Object key, Object child, Object value, Parent found,
                                java.util.ArrayDeque<Object> todo) {
        if (child == value && found == null && !(container instanceof PyTuple)) {
            return new Parent(container, key);
        }
        if (copyable(child) || child instanceof PyTuple) {
            if (owned(c, container) && !owned(c, child) && copyable(child)) {
                remember(c, child, new Parent(container, key));
            }
            todo.add(child);
        }
        return found;
    }

    private static void remember(Ctx c, Object child, Parent parent) {
        if (c.parents == null) {
            c.parents = new java.util.IdentityHashMap<>();
        }
        c.parents.put(child, parent);
    }

    private static Object copy(Ctx c, Object frozen) {
        int size = frozen instanceof Map<?, ?> m ? m.size() : ((List<?>) frozen).size();
        c.charge(size);
        c.allocate(size + 1L);
        if (frozen instanceof Map<?, ?> m) {
            PyDict d = new PyDict(c.owner(), m);
            for (Map.Entry<Object, Object> e : d.entrySet()) {
                if (copyable(e.getValue()) && !owned(c, e.getValue())) {
                    remember(c, e.getValue(), new Parent(d, e.getKey()));
                }
            }
            return d;
        }
        PyList l = new PyList(c.owner(), (List<?>) frozen);
        for (int i = 0; i < l.size(); i++) {
            if (copyable(l.get(i)) && !owned(c, l.get(i))) {
                remember(c, l.get(i), new Parent(l, i));
            }
        }
        return l;
    }

    /** The key object a dict holds for key (Python equality), or the list index (normalised). */
    private static Object exactKey(Ctx c, Object container, Object key) {
        if (container instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Object k = existingKey(c, (Map<Object, Object>) m, key);
            return k == Maps.MISSING ? key : k;
        }
        return index((List<?>) container, key, "list index out of range");
    }

    /** Binds every name that holds old (state keys, program names, the frames in scope) to copy. */
    private static void rebind(Ctx c, Object old, Object copy) {
        if (c.assigned != null) {
            List<String> names = new ArrayList<>();
            for (Map.Entry<String, ?> e : c.state.entrySet()) {
                if (e.getValue() == old && !c.assigned.containsKey(e.getKey())) {
                    names.add(e.getKey());
                }
            }
            for (Map.Entry<String, Object> e : c.assigned.entrySet()) {
                if (e.getValue() == old) {
                    names.add(e.getKey());
                }
            }
            c.charge(c.state.size() + (long) c.assigned.size());
            for (String name : names) {
                c.assign(name, copy);
            }
        }
        for (Object[] frame = c.locals; frame != null && frame.length > 0; frame = (Object[]) frame[0]) {
            c.charge(frame.length);
            for (int i = 1; i < frame.length; i++) {
                if (frame[i] == old) {
                    frame[i] = copy;
                }
            }
        }
    }

    /** {@code container[key] = value}. */
    static void set(Ctx c, Object container, Object key, Object value) {
        if (container instanceof Placeholder) {
            return;
        }
        if (container instanceof PyDict d && d.ownedBy(c.owner())) {
            Object existing = keyToWrite(c, d, key);
            if (existing == Maps.MISSING) {
                Ctx.checkSize(d.size() + 1L, "dict");
                c.allocate(1);
                d.put(key, value);
            } else {
                d.put(existing, value);
            }
            return;
        }
        if (container instanceof PyList l && l.ownedBy(c.owner())) {
            l.set(index(l, key, "list assignment index out of range"), value);
            return;
        }
        throw PyException.type("'" + Values.typeName(container) + "' object does not support item assignment");
    }

    /** {@code del container[key]}. */
    static void delete(Ctx c, Object container, Object key) {
        if (container instanceof Placeholder) {
            return;
        }
        if (container instanceof PyDict d && d.ownedBy(c.owner())) {
            Object existing = keyToWrite(c, d, key);
            if (existing == Maps.MISSING) {
                throw PyException.key(Repr.repr(key));
            }
            d.remove(existing);
            return;
        }
        if (container instanceof PyList l && l.ownedBy(c.owner())) {
            int i = index(l, key, "list assignment index out of range");
            c.charge(l.size() - i);
            l.remove(i);
            return;
        }
        throw PyException.type("'" + Values.typeName(container) + "' object doesn't support item deletion");
    }

    /** {@code container[start:stop:step] = value} (value null: {@code del}). */
    static void setSlice(Ctx c, Object container, Object start, Object stop, Object step, Object value, boolean del) {
        if (container instanceof Placeholder) {
            return;
        }
        if (container instanceof Map<?, ?>) {
            throw PyException.type("unhashable type: 'slice'");
        }
        if (!(container instanceof PyList l && l.ownedBy(c.owner()))) {
            throw PyException.type("'" + Values.typeName(container) + "' object "
                    + (del ? "doesn't support item deletion" : "does not support item assignment"));
        }
        int[] r = Slices.adjust(l.size(), start, stop, step);
        List<?> items = del ? List.of() : Iter.items(c, value);
        if (items == l) {
            items = new ArrayList<>(l);
        }
        c.charge(l.size() + (long) items.size());
        boolean simple = step == null || Num.isIntegral(step) && Num.asLong(step) == 1;
        if (simple) {
            Ctx.checkSize((long) l.size() - r[2] + items.size(), "list");
            c.allocate(items.size());
            List<Object> range = l.subList(r[0], r[0] + r[2]);
            range.clear();
            range.addAll(items);
            return;
        }
        if (del) {
            for (int k = r[2] - 1; k >= 0; k--) {
                l.remove(r[0] + k * r[1]);
            }
            return;
        }
        if (items.size() != r[2]) {
            throw PyException.value("attempt to assign sequence of size " + items.size()
                    + " to extended slice of size " + r[2]);
        }
        for (int k = 0; k < r[2]; k++) {
            l.set(r[0] + k * r[1], items.get(k));
        }
    }

    /**
     * {@code old op= value} where Python changes old in place: {@code +=} and {@code *=} on a list
     * the evaluation built (aliases see the change); otherwise the operator's new value.
     */
    static Object combine(Ctx c, BinOp op, Object old, Object value) {
        if (op == BinOp.OR && old instanceof PyDict d && d.ownedBy(c.owner()) && value instanceof Map<?, ?> m) {
            update(c, d, m);
            return d;
        }
        if (old instanceof PyList l && l.ownedBy(c.owner())) {
            if (op == BinOp.ADD) {
                List<?> items = Iter.items(c, value);
                if (items == l) {
                    items = new ArrayList<>(l);
                }
                Ctx.checkSize((long) l.size() + items.size(), "list");
                c.charge(items.size());
                c.allocate(items.size());
                l.addAll(items);
                return l;
            }
            if (op == BinOp.MUL) {
                List<?> repeated = (List<?>) Arith.binary(c, op, old, value);
                List<?> copy = new ArrayList<>(repeated);
                l.clear();
                l.addAll(copy);
                return l;
            }
        }
        return Arith.binary(c, op, old, value);
    }

    /** Puts every entry of source into an owned dict, with Python's key equality. */
    static void update(Ctx c, PyDict target, Map<?, ?> source) {
        c.charge(source.size());
        for (Map.Entry<?, ?> e : new ArrayList<>(source.entrySet())) {
            set(c, target, e.getKey(), e.getValue());
        }
    }

    /** {@link #existingKey} of a key being written or deleted: refused when unhashable, its hash charged. */
    private static Object keyToWrite(Ctx c, Map<Object, Object> d, Object key) {
        PySet.key(key);
        Keys.chargeHash(c, key);
        return existingKey(c, d, key);
    }

    private static Object existingKey(Ctx c, Map<Object, Object> d, Object key) {
        if (d.containsKey(key)) {
            return key;
        }
        if (key instanceof String) {
            return Maps.MISSING;
        }
        c.charge(d.size());
        for (Object k : d.keySet()) {
            if (Equality.equal(c, k, key)) {
                return k;
            }
        }
        return Maps.MISSING;
    }

    private static int index(List<?> l, Object key, String outOfRange) {
        if (!Num.isIntegral(key)) {
            throw PyException.type("list indices must be integers or slices, not " + Values.typeName(key));
        }
        long i = key instanceof BigInteger ? Long.MAX_VALUE : Num.asLong(key);
        if (i < 0) {
            i += l.size();
        }
        if (i < 0 || i >= l.size()) {
            throw PyException.index(outOfRange);
        }
        return (int) i;
    }
}
