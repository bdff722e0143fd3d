package dev.victor.workflow.expr.internal;

import dev.victor.workflow.expr.Placeholder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Truthiness, Python type names, and the normal form of results. */
public final class Values {
    private Values() {
    }

    /** Python truthiness: None, False, 0, 0.0, "", empty collections and maps are false. */
    public static boolean truthy(Object o) {
        if (o == null) {
            return false;
        }
        if (o instanceof Boolean b) {
            return b;
        }
        if (o instanceof String s) {
            return !s.isEmpty();
        }
        if (o instanceof Long l) {
            return l != 0L;
        }
        if (o instanceof Number n) {
            if (Num.isSmallInt(n)) {
                return n.longValue() != 0L;
            }
            if (n instanceof BigInteger b) {
                return b.signum() != 0;
            }
            if (n instanceof BigDecimal b) {
                return b.signum() != 0;
            }
            return n.doubleValue() != 0.0;
        }
        if (o instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (o instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    /** The Python name of a value's type, for messages. */
    public static String typeName(Object o) {
        if (o == null) {
            return "NoneType";
        }
        if (o instanceof Boolean) {
            return "bool";
        }
        if (Num.isIntegral(o)) {
            return "int";
        }
        if (o instanceof Number) {
            return "float";
        }
        if (o instanceof String) {
            return "str";
        }
        if (o instanceof Placeholder) {
            return "placeholder";
        }
        if (o instanceof PyTuple) {
            return "tuple";
        }
        if (o instanceof PySet) {
            return "set";
        }
        if (o instanceof PyFunction) {
            return "function";
        }
        if (o instanceof PyBuiltin) {
            return "builtin_function_or_method";
        }
        if (o instanceof PyError e) {
            return e.kind();
        }
        if (o instanceof PyDateTime) {
            return "datetime.datetime";
        }
        if (o instanceof PyMatch) {
            return "re.Match";
        }
        if (o instanceof PyType) {
            return "type";
        }
        if (o instanceof List<?>) {
            return "list";
        }
        if (o instanceof Map<?, ?>) {
            return "dict";
        }
        if (o instanceof Collection<?>) {
            return "collection";
        }
        return "object";
    }

    /**
     * What a transform writes to the state: its top-level names with their values normalised; the
     * program's helpers (functions, regular expression matches, caught errors) are left out, a set
     * becomes a list (in the order its items were added); a datetime is refused naming the key.
     * Works in place: the map given, which the evaluation no longer needs, is the map returned.
     */
    public static Map<String, Object> stateValues(Map<String, Object> assigned) {
        // in place and in order, without an entry set; helpers are marked, then dropped (rare)
        assigned.replaceAll(Values::stateValue);
        if (assigned.containsValue(LEFT_OUT)) {
            assigned.values().removeIf(value -> value == LEFT_OUT);
        }
        return assigned;
    }

    /** A helper of the program that {@link #stateValues} leaves out. */
    private static final Object LEFT_OUT = new Object();

    private static Object stateValue(String key, Object v) {
        if (v instanceof PyFunction || v instanceof PyBuiltin || v instanceof PyMatch || v instanceof PyError
                || v instanceof PyType) {
            return LEFT_OUT;
        }
        if (v instanceof PySet set) {
            v = new PyList(null, set);
        }
        if (v instanceof PyDateTime) {
            throw PyException.type("'" + key + "' holds a datetime.datetime, which is not a state value"
                    + " (write .isoformat())");
        }
        return normalize(v);
    }

    /**
     * The normal form of a top-level result: integers as Long (BigInteger when large), floats
     * as Double. Values inside collections are left as they are.
     */
    public static Object normalize(Object o) {
        if (o == null || o instanceof Long || o instanceof Double || o instanceof String
                || o instanceof Boolean) {
            return o;
        }
        if (o instanceof Integer || o instanceof Short || o instanceof Byte) {
            return ((Number) o).longValue();
        }
        if (o instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        if (o instanceof Float || o instanceof BigDecimal) {
            return Num.asDouble(o);
        }
        return o;
    }
}
