package dev.victor.workflow.engine.internal;

import dev.victor.workflow.expr.Placeholder;

import java.lang.reflect.Array;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Deep-frozen state values. A value written into a run's state is frozen once: strings, numbers,
 * booleans and other immutable scalars stay as they are; maps, lists, sets and arrays become
 * read-only copies whose elements are frozen too. Frozen collections are recognised and never
 * copied again, so a value read from the state and written back costs nothing.
 *
 * <p>Objects of other classes (a user's own types) are kept as they are: the engine cannot know
 * whether they are immutable.
 */
public final class Frozen {
    private Frozen() {
    }

    /**
     * How deeply maps and lists may nest in a state value; deeper (or a value that contains
     * itself) is refused with {@link TooDeepException}, before any stack runs out. Checkpoints
     * (JSON) and the command line's JSON allow at least this depth.
     */
    public static final int MAX_DEPTH = 200;

    /** A value nested more than {@link #MAX_DEPTH} levels deep, or one that contains itself. */
    public static final class TooDeepException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        TooDeepException() {
            super("a state value is nested more than " + MAX_DEPTH + " levels deep, or contains itself"
                    + " (the state's depth limit, Frozen.MAX_DEPTH)");
        }
    }

    /**
     * How much a frozen state value holds, in cells: one per value, plus one per character of a
     * string and per 64-bit word of a big integer. Maps, lists and sets remember theirs, so a
     * value made of frozen parts is weighed in time proportional to its new parts.
     */
    public static long weight(Object frozen) {
        if (frozen instanceof String text) {
            return 1L + text.length();
        }
        if (frozen instanceof FrozenMap map) {
            return map.weight();
        }
        if (frozen instanceof FrozenList list) {
            return list.weight();
        }
        if (frozen instanceof FrozenSet set) {
            return set.weight();
        }
        if (frozen instanceof java.math.BigInteger big) {
            return 1L + big.bitLength() / 64;
        }
        return 1L;
    }

    private static long weightOf(Iterable<?> values) {
        long total = 1;
        for (Object value : values) {
            total += weight(value);
        }
        return total;
    }

    /** The value, deep-frozen. */
    public static Object freeze(Object value) {
        return freeze(value, 0);
    }

    private static Object freeze(Object value, int depth) {
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Boolean || value instanceof Double) {
            return value;
        }
        if (value instanceof FrozenMap || value instanceof FrozenList || value instanceof FrozenSet
                || value instanceof Placeholder) {
            return value;
        }
        if (depth >= MAX_DEPTH) {
            throw new TooDeepException();
        }
        if (value instanceof Map<?, ?> map) {
            return freezeMap(map, depth);
        }
        if (value instanceof List<?> list) {
            return freezeList(list, depth);
        }
        if (value instanceof Set<?> set) {
            LinkedHashSet<Object> copy = new LinkedHashSet<>(Math.max(4, set.size() * 2));
            for (Object element : set) {
                copy.add(freeze(element, depth + 1));
            }
            return new FrozenSet(copy);
        }
        if (value instanceof Collection<?> items) {
            return freezeList(items, depth);
        }
        if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            Object[] elements = new Object[length];
            for (int i = 0; i < length; i++) {
                elements[i] = freeze(Array.get(value, i), depth + 1);
            }
            return new FrozenList(elements);
        }
        return value;
    }

    /** A frozen copy of the map (the same map when it is frozen already). */
    public static FrozenMap freezeMap(Map<?, ?> map) {
        return freezeMap(map, 0);
    }

    private static FrozenMap freezeMap(Map<?, ?> map, int depth) {
        if (map instanceof FrozenMap frozen) {
            return frozen;
        }
        LinkedHashMap<Object, Object> copy = new LinkedHashMap<>(Math.max(4, (int) (map.size() / 0.75f) + 1));
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            copy.put(freeze(entry.getKey(), depth + 1), freeze(entry.getValue(), depth + 1));
        }
        return new FrozenMap(copy);
    }

    private static FrozenList freezeList(Collection<?> items, int depth) {
        Object[] elements = new Object[items.size()];
        int i = 0;
        for (Object element : items) {
            elements[i++] = freeze(element, depth + 1);
        }
        return new FrozenList(i == elements.length ? elements : java.util.Arrays.copyOf(elements, i));
    }

    /** A frozen list of values that are frozen already (used by the engine for its own results). */
    public static FrozenList listOfFrozen(List<?> frozenElements) {
        return new FrozenList(frozenElements.toArray());
    }

    /** A frozen map over a fresh map whose values are frozen already; the map must not be used again. */
    public static FrozenMap wrapFrozen(LinkedHashMap<?, ?> fresh) {
        return new FrozenMap(fresh);
    }

    /** A read-only map whose values are frozen. */
    public static final class FrozenMap extends AbstractMap<Object, Object> {
        private final LinkedHashMap<Object, Object> entries;
        private final Map<Object, Object> readOnly;
        /** See {@link Frozen#weight}; computed on first use (a race computes the same number twice). */
        private long weight = -1;

        long weight() {
            long known = weight;
            if (known < 0) {
                known = weightOf(entries.keySet()) + weightOf(entries.values()) - 1;
                weight = known;
            }
            return known;
        }

        @SuppressWarnings("unchecked")
        FrozenMap(LinkedHashMap<?, ?> entries) {
            this.entries = (LinkedHashMap<Object, Object>) entries;
            this.readOnly = Collections.unmodifiableMap(this.entries);
        }

        @Override
        public Object get(Object key) {
            return entries.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return entries.containsKey(key);
        }

        @Override
        public Object getOrDefault(Object key, Object defaultValue) {
            Object value = entries.get(key);
            return value != null || entries.containsKey(key) ? value : defaultValue;
        }

        @Override
        public int size() {
            return entries.size();
        }

        @Override
        public boolean isEmpty() {
            return entries.isEmpty();
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return readOnly.entrySet();
        }

        @Override
        public Set<Object> keySet() {
            return readOnly.keySet();
        }

        @Override
        public Collection<Object> values() {
            return readOnly.values();
        }

        @Override
        public void forEach(BiConsumer<? super Object, ? super Object> action) {
            readOnly.forEach(action);
        }
    }

    /** A read-only list whose elements are frozen. */
    public static final class FrozenList extends AbstractList<Object> implements RandomAccess {
        private final Object[] elements;
        private long weight = -1;

        long weight() {
            long known = weight;
            if (known < 0) {
                known = weightOf(java.util.Arrays.asList(elements));
                weight = known;
            }
            return known;
        }

        FrozenList(Object[] elements) {
            this.elements = elements;
        }

        @Override
        public Object get(int index) {
            return elements[index];
        }

        @Override
        public int size() {
            return elements.length;
        }

        @Override
        public Object[] toArray() {
            return elements.clone();
        }
    }

    /** A read-only set whose elements are frozen. */
    public static final class FrozenSet extends AbstractSet<Object> {
        private final Set<Object> elements;
        private long weight = -1;

        long weight() {
            long known = weight;
            if (known < 0) {
                known = weightOf(elements);
                weight = known;
            }
            return known;
        }

        FrozenSet(LinkedHashSet<Object> elements) {
            this.elements = Collections.unmodifiableSet(elements);
        }

        @Override
        public Iterator<Object> iterator() {
            return elements.iterator();
        }

        @Override
        public boolean contains(Object o) {
            return elements.contains(o);
        }

        @Override
        public int size() {
            return elements.size();
        }
    }
}
