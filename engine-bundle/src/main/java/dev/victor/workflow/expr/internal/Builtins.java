package dev.victor.workflow.expr.internal;

import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The implementations of the {@link Builtin} functions. */
final class Builtins {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Builtins() {
    }

    /** divmod(a, b): (a // b, a % b) of two numbers. */
    private static Object divmod(Ctx c, Object a, Object b) {
        if (!Num.isNumber(a) || !Num.isNumber(b)) {
            throw PyException.type("unsupported operand type(s) for divmod(): '" + Values.typeName(a) + "' and '"
                    + Values.typeName(b) + "'");
        }
        return PyTuple.of(Arith.binary(c, BinOp.FLOORDIV, a, b), Arith.binary(c, BinOp.MOD, a, b));
    }

    /** reversed(seq): the items of a list, tuple, string or dict (its keys) last first, as a list. */
    private static Object reversed(Ctx c, Object seq) {
        if (!(seq instanceof java.util.List<?> || seq instanceof String || seq instanceof java.util.Map<?, ?>)) {
            throw PyException.type("'" + Values.typeName(seq) + "' object is not reversible");
        }
        java.util.List<?> items = Iter.items(c, seq);
        c.charge(items.size());
        c.allocate(items.size());
        PyList out = c.newList(items.size());
        for (int i = items.size() - 1; i >= 0; i--) {
            out.add(items.get(i));
        }
        return out;
    }

    static Object call(Ctx c, Builtin f, Object[] args, String[] kwNames, Object[] kwValues) {
        switch (f) {
            case LEN:
                return len(c, args[0]);
            case MIN:
                return extreme(c, f, args, kw(kwNames, kwValues, "default", Maps.MISSING), -1,
                        kw(kwNames, kwValues, "key", null));
            case MAX:
                return extreme(c, f, args, kw(kwNames, kwValues, "default", Maps.MISSING), 1,
                        kw(kwNames, kwValues, "key", null));
            case SUM:
                return sum(c, args[0], args.length > 1 ? args[1] : kw(kwNames, kwValues, "start", 0L));
            case ABS:
                return abs(args[0]);
            case ROUND:
                return Conversions.round(c, args[0], args.length > 1 ? args[1] : kw(kwNames, kwValues, "ndigits", null));
            case STR: {
                String s = args.length == 0 ? "" : Repr.str(c, args[0]);
                c.chargeText(s.length());
                c.allocate(s.length());
                return s;
            }
            case INT:
                return args.length == 0 ? (Object) 0L : Conversions.toInt(c, args[0]);
            case FLOAT:
                return args.length == 0 ? 0.0 : Conversions.toFloat(c, args[0]);
            case BOOL:
                return args.length != 0 && Values.truthy(args[0]);
            case SORTED:
                return sorted(c, args[0], Values.truthy(kw(kwNames, kwValues, "reverse", false)),
                        kw(kwNames, kwValues, "key", null));
            case ANY:
            case ALL:
                return anyAll(c, args[0], f == Builtin.ALL);
            case CURRENT_TIMESTAMP:
                return TIMESTAMP.format(Instant.now().truncatedTo(ChronoUnit.MICROS));
            case MERGE:
                return CollectionFunctions.merge(c, args);
            case CONCAT:
                return CollectionFunctions.concat(c, args);
            case FILTER:
                return CollectionFunctions.filter(c, args[0], kwNames, kwValues);
            case DEDUPLICATE:
                return CollectionFunctions.deduplicate(c, args[0], kw(kwNames, kwValues, "by", null));
            case LIST: {
                PyList out = c.newList();
                if (args.length > 0) {
                    List<?> items = Iter.items(c, args[0]);
                    c.charge(items.size());
                    out.addAll(items);
                }
                return out;
            }
            case DICT:
                return CollectionFunctions.dict(c, args.length > 0 ? args[0] : null, kwNames, kwValues);
            case RANGE:
                return CollectionFunctions.range(c, args);
            case ENUMERATE:
                return CollectionFunctions.enumerate(c, args[0], args.length > 1 ? args[1] : kw(kwNames, kwValues, "start", 0L));
            case ZIP:
                return CollectionFunctions.zip(c, args);
            case DIVMOD:
                return divmod(c, args[0], args[1]);
            case REVERSED:
                return reversed(c, args[0]);
            case ISINSTANCE:
                return PyType.isInstance(args[0], args[1]);
            case SET: {
                if (args.length == 0) {
                    return new PySet();
                }
                List<?> items = Iter.items(c, args[0]);
                c.charge(items.size());
                c.allocate(items.size());
                return PySet.of(c, items);
            }
            case TUPLE: {
                if (args.length == 0) {
                    return PyTuple.EMPTY;
                }
                List<?> items = Iter.items(c, args[0]);
                c.charge(items.size());
                c.allocate(items.size());
                return PyTuple.copyOf(items);
            }
            case LOCALS:
            case GLOBALS:
                return c.whole();
            default:
                throw new IllegalStateException(f.name());
        }
    }

    private static Object kw(String[] names, Object[] values, String name, Object dflt) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        return dflt;
    }

    static Object len(Ctx c, Object o) {
        if (o instanceof String s) {
            c.chargeScan(s.length());
            return (long) Text.length(s);
        }
        if (o instanceof Collection<?> col) {
            return (long) col.size();
        }
        if (o instanceof Map<?, ?> m) {
            return (long) m.size();
        }
        throw PyException.type("object of type '" + Values.typeName(o) + "' has no len()");
    }

    private static Object extreme(Ctx c, Builtin f, Object[] args, Object dflt, int sign, Object key) {
        List<?> items;
        if (args.length == 1) {
            items = Iter.items(c, args[0]);
        } else {
            if (dflt != Maps.MISSING) {
                throw PyException.type("Cannot specify a default for " + f.pyName
                        + "() with multiple positional arguments");
            }
            items = List.of(args);
        }
        c.charge(items.size());
        if (items.isEmpty()) {
            if (dflt != Maps.MISSING) {
                return dflt;
            }
            throw PyException.value(f.pyName + "() arg is an empty sequence");
        }
        List<?> keys = keys(c, items, key);
        int best = 0;
        String op = sign < 0 ? "<" : ">";
        for (int i = 1; i < items.size(); i++) {
            if (Compare.strict(c, keys.get(i), keys.get(best), op) * sign > 0) {
                best = i;
            }
        }
        return items.get(best);
    }

    /** The items themselves, or key(item) for each when a key function is given. */
    private static List<?> keys(Ctx c, List<?> items, Object key) {
        if (key == null) {
            return items;
        }
        List<Object> out = new java.util.ArrayList<>(items.size());
        for (Object item : items) {
            out.add(Accessors.callValue(c, key, new Object[] {item}, new String[0], new Object[0]));
        }
        return out;
    }

    private static Object sum(Ctx c, Object iterable, Object start) {
        if (start instanceof String) {
            throw PyException.type("sum() can't sum strings [use ''.join(seq) instead]");
        }
        List<?> items = Iter.items(c, iterable);
        Object acc = start;
        for (int i = 0; i < items.size(); i++) {
            c.step();
            Object x = items.get(i);
            if (x instanceof String && i == 0 && Num.isNumber(acc)) {
                throw PyException.type("unsupported operand type(s) for +: '" + Values.typeName(acc) + "' and 'str'");
            }
            acc = Arith.add(c, acc, x);
        }
        return acc;
    }

    private static Object abs(Object o) {
        if (Num.isSmallInt(o)) {
            long v = Num.asLong(o);
            return v == Long.MIN_VALUE ? (Object) BigInteger.valueOf(v).negate() : (Object) Math.abs(v);
        }
        if (o instanceof BigInteger b) {
            return Num.normalize(b.abs());
        }
        if (o instanceof Number) {
            return Math.abs(Num.asDouble(o));
        }
        throw PyException.type("bad operand type for abs(): '" + Values.typeName(o) + "'");
    }

    private static Object sorted(Ctx c, Object iterable, boolean reverse, Object key) {
        List<?> items = Iter.items(c, iterable);
        c.charge(items.size());
        List<?> keys = keys(c, items, key);
        List<Integer> order = new java.util.ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            order.add(i);
        }
        try {
            if (reverse) {
                order.sort((x, y) -> Compare.strict(c, keys.get(y), keys.get(x), "<"));
            } else {
                order.sort((x, y) -> Compare.strict(c, keys.get(x), keys.get(y), "<"));
            }
        } catch (IllegalArgumentException e) {
            throw PyException.value("sorted() cannot order these values consistently (NaN?)");
        }
        PyList out = new PyList(c.owner(), items.size());
        for (int i : order) {
            out.add(items.get(i));
        }
        return out;
    }

    private static Object anyAll(Ctx c, Object iterable, boolean all) {
        List<?> items = Iter.items(c, iterable);
        for (int i = 0; i < items.size(); i++) {
            c.step();
            if (Values.truthy(items.get(i)) != all) {
                return !all;
            }
        }
        return all;
    }
}
