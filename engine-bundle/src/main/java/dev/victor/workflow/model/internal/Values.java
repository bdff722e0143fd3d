package dev.victor.workflow.model.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversions of the values a YAML or JSON parser produces. */
public final class Values {
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    private Values() {
    }

    public static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Character;
    }

    /** The text of a scalar: strings as they are, numbers and booleans as YAML writes them. */
    public static String scalarText(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(value);
    }

    /** A map key as text (YAML may give booleans or numbers as keys). */
    public static String keyText(Object key) {
        return key == null ? "null" : scalarText(key);
    }

    /** "text", "a number", "a list", ... for messages. */
    public static String describe(Object value) {
        if (value == null) {
            return "nothing (null)";
        }
        if (value instanceof String) {
            return "text";
        }
        if (value instanceof Boolean) {
            return "a boolean (" + value + ")";
        }
        if (value instanceof Number) {
            return "a number (" + scalarText(value) + ")";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        return "a " + value.getClass().getSimpleName();
    }

    /**
     * Why a value is not a whole number in range: {@code must be a whole number, not ...}, or
     * {@code is out of range: ...} for an integer beyond an int (naming the limit).
     */
    public static String wholeNumberProblem(Object value) {
        boolean integer = value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof Long || value instanceof BigInteger;
        if (integer) {
            return "is out of range: " + value + " is " + (((Number) value).doubleValue() < 0 ? "less than "
                    + INT_MIN : "more than " + INT_MAX) + " (the limit of a whole number here)";
        }
        return "must be a whole number, not " + describe(value);
    }

    /** The value as an int when it is a whole number in range, else {@code null}. */
    public static Integer wholeNumber(Object value) {
        BigInteger big;
        if (value instanceof Integer || value instanceof Short || value instanceof Byte || value instanceof Long) {
            big = BigInteger.valueOf(((Number) value).longValue());
        } else if (value instanceof BigInteger b) {
            big = b;
        } else {
            return null;
        }
        if (big.compareTo(INT_MIN) < 0 || big.compareTo(INT_MAX) > 0) {
            return null;
        }
        return big.intValue();
    }

    /** Seconds (whole or fractional) as a duration, or {@code null} when not a number. */
    public static Duration seconds(Object value) {
        if (!(value instanceof Number) || value instanceof Float f && (f.isNaN() || f.isInfinite())
                || value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return null;
        }
        BigDecimal seconds = value instanceof BigDecimal b ? b
                : value instanceof BigInteger b ? new BigDecimal(b)
                : value instanceof Double || value instanceof Float ? BigDecimal.valueOf(((Number) value).doubleValue())
                : BigDecimal.valueOf(((Number) value).longValue());
        try {
            BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
            long nanos = seconds.subtract(whole).movePointRight(9).longValue();
            return Duration.ofSeconds(whole.longValueExact(), nanos);
        } catch (ArithmeticException tooLarge) {
            return null;
        }
    }

    /** A deep copy whose maps (written order kept, keys as text) and lists cannot be changed. */
    public static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            return freezeMap(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(freeze(item));
            }
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    public static Map<String, Object> freezeMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            copy.put(keyText(entry.getKey()), freeze(entry.getValue()));
        }
        return Collections.unmodifiableMap(copy);
    }

    /** {@code 'a'} for one id, {@code ['a', 'b']} for several (each once, in order). */
    public static String quoted(java.util.Collection<String> ids) {
        List<String> quoted = new ArrayList<>();
        for (String id : new java.util.LinkedHashSet<>(ids)) {
            quoted.add("'" + id + "'");
        }
        return quoted.size() == 1 ? quoted.get(0) : "[" + String.join(", ", quoted) + "]";
    }

    public static <T> List<T> list(List<T> items) {
        return Collections.unmodifiableList(new ArrayList<>(items));
    }

    public static <V> Map<String, V> map(Map<String, V> entries) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }
}
