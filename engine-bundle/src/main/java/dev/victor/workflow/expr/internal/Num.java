package dev.victor.workflow.expr.internal;

import dev.victor.workflow.expr.ExpressionLimits;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Numbers as Python sees them. Integers are {@code bool}, {@link Long} (and the smaller boxed
 * types that come from a state) or {@link BigInteger} outside the range of {@code long};
 * floats are {@link Double} (and {@link Float}, {@link BigDecimal} from a state).
 */
public final class Num {
    static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Num() {
    }

    /** Long, Integer, Short, Byte or Boolean: an integer that fits a long. */
    public static boolean isSmallInt(Object o) {
        return o instanceof Long || o instanceof Integer || o instanceof Boolean
                || o instanceof Short || o instanceof Byte;
    }

    /** An integer, bool included. */
    public static boolean isIntegral(Object o) {
        return isSmallInt(o) || o instanceof BigInteger;
    }

    /** Any number, bool included. */
    public static boolean isNumber(Object o) {
        return o instanceof Number || o instanceof Boolean;
    }

    /** A number that is not an integer. */
    public static boolean isFloat(Object o) {
        return o instanceof Number && !isIntegral(o);
    }

    /** The value of a small integer ({@link #isSmallInt}). */
    public static long asLong(Object o) {
        if (o instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        return ((Number) o).longValue();
    }

    public static BigInteger asBig(Object o) {
        if (o instanceof BigInteger b) {
            return b;
        }
        return BigInteger.valueOf(asLong(o));
    }

    /** The value of any number as a double; an integer too large for a float is an error. */
    public static double asDouble(Object o) {
        if (o instanceof Double d) {
            return d;
        }
        if (o instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (o instanceof BigInteger b) {
            double d = b.doubleValue();
            if (Double.isInfinite(d)) {
                throw PyException.overflow("int too large to convert to float");
            }
            return d;
        }
        if (o instanceof Float f) {
            return Double.parseDouble(Float.toString(f));
        }
        return ((Number) o).doubleValue();
    }

    /** An integer result: a Long when it fits, else a BigInteger within the size limit. */
    public static Object normalize(BigInteger b) {
        int bits = b.bitLength();
        if (bits < 64) {
            return b.longValue();
        }
        if (bits > ExpressionLimits.MAX_INTEGER_BITS) {
            throw tooLarge();
        }
        return b;
    }

    /** The error for an integer result beyond MAX_INTEGER_BITS. */
    static PyException tooLarge() {
        return PyException.limit("integer result has more than " + ExpressionLimits.MAX_INTEGER_BITS
                + " bits (ExpressionLimits.MAX_INTEGER_BITS)");
    }

    /** The integer nearest below or equal, of a finite double, as a Python int. */
    public static Object floorToInt(double d) {
        return truncToInt(Math.floor(d));
    }

    /** A finite double without its fraction, as a Python int. */
    public static Object truncToInt(double d) {
        if (Double.isNaN(d)) {
            throw PyException.value("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(d)) {
            throw PyException.overflow("cannot convert float infinity to integer");
        }
        if (d > -9.2e18 && d < 9.2e18) {
            return (long) d;
        }
        return normalize(new BigDecimal(d).toBigInteger());
    }

    /**
     * Compares an int and a double exactly, as Python does.
     *
     * @return -1, 0, 1, or {@link Compare#UNORDERED} when d is NaN
     */
    static int compareLongDouble(long a, double d) {
        if (Double.isNaN(d)) {
            return Compare.UNORDERED;
        }
        if (d >= 9.3e18) {
            return -1;
        }
        if (d <= -9.3e18) {
            return 1;
        }
        long t = (long) d;
        if (a != t) {
            return a < t ? -1 : 1;
        }
        double frac = d - t;
        return frac > 0 ? -1 : frac < 0 ? 1 : 0;
    }

    static int compareBigDouble(BigInteger a, double d) {
        if (Double.isNaN(d)) {
            return Compare.UNORDERED;
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? -1 : 1;
        }
        return Integer.signum(new BigDecimal(a).compareTo(new BigDecimal(d)));
    }
}
