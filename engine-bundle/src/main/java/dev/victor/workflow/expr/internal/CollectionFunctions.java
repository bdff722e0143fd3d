package dev.victor.workflow.expr.internal;

import dev.victor.workflow.expr.Placeholder;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The collection functions: Python's {@code dict range enumerate zip}, and the documented
 * extensions {@code merge concat filter deduplicate} that Victor workflows use.
 */
final class CollectionFunctions {
    private CollectionFunctions() {
    }

    /**
     * merge(a, b, ...): None arguments are skipped; maps merge deeply (nested maps merge, nested
     * lists concatenate, otherwise the later value wins); lists concatenate. No arguments, or
     * only None: an empty map.
     */
    static Object merge(Ctx c, Object[] args) {
        Map<Object, Object> map = null;
        PyList list = null;
        Object first = null;
        for (Object a : args) {
            if (a == null || a instanceof Placeholder) {
                continue;
            }
            if (a instanceof Map<?, ?> m && list == null) {
                if (map == null) {
                    map = new PyDict(c.owner());
                    first = a;
                }
                mergeInto(c, map, m);
            } else if (a instanceof List<?> l && map == null) {
                if (list == null) {
                    list = c.newList();
                    first = a;
                }
                appendAll(c, list, l);
            } else if (a instanceof Map<?, ?> || a instanceof List<?>) {
                throw PyException.type("merge() arguments must be all maps or all lists (got '"
                        + Values.typeName(first) + "' and '" + Values.typeName(a) + "')");
            } else {
                throw PyException.type("merge() argument must be a map or a list, not '" + Values.typeName(a) + "'");
            }
        }
        if (list != null) {
            return list;
        }
        return map != null ? map : new PyDict(c.owner());
    }

    private static void mergeInto(Ctx c, Map<Object, Object> target, Map<?, ?> source) {
        c.charge(source.size());
        c.allocate(source.size());
        for (Map.Entry<?, ?> e : source.entrySet()) {
            Object key = e.getKey();
            Object value = e.getValue();
            Object old = target.get(key);
            if (old instanceof Map<?, ?> om && value instanceof Map<?, ?> nm) {
                Map<Object, Object> merged = new PyDict(c.owner());
                mergeInto(c, merged, om);
                mergeInto(c, merged, nm);
                target.put(key, merged);
            } else if (old instanceof List<?> ol && value instanceof List<?> nl
                    && !(old instanceof PyTuple) && !(value instanceof PyTuple)) {
                PyList joined = c.newList();
                appendAll(c, joined, ol);
                appendAll(c, joined, nl);
                target.put(key, joined);
            } else {
                target.put(key, value);
            }
        }
        Ctx.checkSize(target.size(), "merge() result");
    }

    private static void appendAll(Ctx c, PyList target, List<?> items) {
        Ctx.checkSize((long) target.size() + items.size(), "list result");
        c.charge(items.size());
        c.allocate(items.size());
        target.addAll(items);
    }

    /** concat(a, b, ...): the lists one after the other; None arguments are skipped. */
    static Object concat(Ctx c, Object[] args) {
        PyList out = c.newList();
        for (Object a : args) {
            if (a == null || a instanceof Placeholder) {
                continue;
            }
            if (!(a instanceof List<?> l)) {
                throw PyException.type("concat() argument must be a list, not '" + Values.typeName(a) + "'");
            }
            appendAll(c, out, l);
        }
        return out;
    }

    /**
     * filter(items, key=value, ...): the maps among items whose keys equal all the given values
     * (Python equality). With no keywords: the items that are true. None items: an empty list.
     */
    static Object filter(Ctx c, Object items, String[] names, Object[] values) {
        PyList out = c.newList();
        if (items == null) {
            return out;
        }
        List<?> list = Iter.items(c, items);
        for (int i = 0; i < list.size(); i++) {
            c.step();
            Object item = list.get(i);
            if (names.length == 0) {
                if (Values.truthy(item)) {
                    out.add(item);
                }
                continue;
            }
            if (!(item instanceof Map<?, ?> m)) {
                continue;
            }
            boolean match = true;
            for (int k = 0; k < names.length && match; k++) {
                Object v = Maps.lookup(c, m, names[k]);
                match = v != Maps.MISSING && Equality.equal(c, v, values[k]);
            }
            if (match) {
                out.add(item);
            }
        }
        return out;
    }

    /**
     * deduplicate(items, by="key"): the first item for each value of item[key] (Python
     * equality); without by, the first of equal items. None items: an empty list.
     */
    static Object deduplicate(Ctx c, Object items, Object by) {
        PyList out = c.newList();
        if (items == null) {
            return out;
        }
        if (by != null && !(by instanceof String)) {
            throw PyException.type("deduplicate() argument 'by' must be a string, not '" + Values.typeName(by) + "'");
        }
        List<?> list = Iter.items(c, items);
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            c.step();
            Object item = list.get(i);
            Object key;
            if (by == null) {
                key = item;
            } else if (item instanceof Map<?, ?> m) {
                Object v = Maps.lookup(c, m, by);
                key = v == Maps.MISSING ? null : v;
            } else {
                throw PyException.type("deduplicate(by=" + Repr.repr(by) + ") needs maps, got '"
                        + Values.typeName(item) + "'");
            }
            c.chargeDeep(key);
            if (seen.add(Keys.of(key))) {
                out.add(item);
            }
        }
        return out;
    }

    /** dict(), dict(map), dict(pairs), with keyword entries added. */
    static Object dict(Ctx c, Object source, String[] names, Object[] values) {
        Map<Object, Object> out = new PyDict(c.owner());
        if (source instanceof Map<?, ?> m) {
            c.charge(m.size());
            out.putAll(m);
        } else if (source != null) {
            List<?> pairs = Iter.items(c, source);
            for (int i = 0; i < pairs.size(); i++) {
                c.step();
                List<?> pair = pair(c, pairs.get(i), i);
                Items.set(c, out, pair.get(0), pair.get(1));
            }
        }
        for (int i = 0; i < names.length; i++) {
            out.put(names[i], values[i]);
        }
        return out;
    }

    /** An item of the pairs given to dict() or update(): a key and a value, as Python checks it. */
    static List<?> pair(Ctx c, Object p, int index) {
        if (!(p instanceof String || p instanceof java.util.Collection<?> || p instanceof Map<?, ?>)) {
            throw PyException.type("cannot convert dictionary update sequence element #" + index + " to a sequence");
        }
        List<?> items = Iter.items(c, p);
        if (items.size() != 2) {
            throw PyException.value("dictionary update sequence element #" + index + " has length " + items.size()
                    + "; 2 is required");
        }
        return items;
    }

    /** range(stop), range(start, stop[, step]) as a list of ints, charged one step per item. */
    static Object range(Ctx c, Object[] args) {
        long[] v = new long[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof BigInteger) {
                throw PyException.limit("range() bound " + a + " is too large (ExpressionLimits.MAX_BUILT_SIZE)");
            }
            if (!Num.isSmallInt(a)) {
                throw PyException.type("'" + Values.typeName(a) + "' object cannot be interpreted as an integer");
            }
            v[i] = Num.asLong(a);
        }
        long start = args.length == 1 ? 0 : v[0];
        long stop = args.length == 1 ? v[0] : v[1];
        long step = args.length == 3 ? v[2] : 1;
        if (step == 0) {
            throw PyException.value("range() arg 3 must not be zero");
        }
        BigInteger span = step > 0 ? BigInteger.valueOf(stop).subtract(BigInteger.valueOf(start))
                : BigInteger.valueOf(start).subtract(BigInteger.valueOf(stop));
        BigInteger stride = BigInteger.valueOf(step).abs();
        BigInteger exact = span.signum() <= 0 ? BigInteger.ZERO
                : span.add(stride).subtract(BigInteger.ONE).divide(stride);
        long count = exact.bitLength() < 63 ? exact.longValue() : Long.MAX_VALUE;
        Ctx.checkSize(count, "range()");
        c.charge(count);
        c.allocate(count);
        PyList out = c.newList((int) count);
        long x = start;
        for (long i = 0; i < count; i++, x += step) {
            out.add(x);
        }
        return out;
    }

    /** enumerate(items, start=0): a list of (index, item) tuples. */
    static Object enumerate(Ctx c, Object items, Object start) {
        if (!Num.isSmallInt(start)) {
            throw PyException.type("'" + Values.typeName(start) + "' object cannot be interpreted as an integer");
        }
        List<?> list = Iter.items(c, items);
        c.charge(list.size());
        PyList out = c.newList(list.size());
        long i = Num.asLong(start);
        for (int k = 0; k < list.size(); k++) {
            out.add(PyTuple.of(i + k, list.get(k)));
        }
        return out;
    }

    /** zip(a, b, ...): a list of tuples, as long as the shortest argument. */
    static Object zip(Ctx c, Object[] args) {
        List<?>[] lists = new List<?>[args.length];
        int n = args.length == 0 ? 0 : Integer.MAX_VALUE;
        for (int i = 0; i < args.length; i++) {
            lists[i] = Iter.items(c, args[i]);
            n = Math.min(n, lists[i].size());
        }
        c.charge((long) n * Math.max(1, args.length));
        PyList out = c.newList(n);
        for (int k = 0; k < n; k++) {
            Object[] row = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                row[i] = lists[i].get(k);
            }
            out.add(PyTuple.wrap(row));
        }
        return out;
    }
}
