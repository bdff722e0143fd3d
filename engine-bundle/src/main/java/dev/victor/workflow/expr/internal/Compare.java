package dev.victor.workflow.expr.internal;

import java.math.BigInteger;
import java.util.List;

/**
 * Python's ordering. {@link #compare} never throws: values that Python cannot order give
 * {@link #INCOMPARABLE}, and a NaN gives {@link #UNORDERED}; the comparison operators are then
 * false (FORMAT.md: a type error in a comparison is false).
 */
public final class Compare {
    public static final int LESS = -1;
    public static final int EQUAL = 0;
    public static final int GREATER = 1;
    public static final int UNORDERED = 2;
    public static final int INCOMPARABLE = 3;

    private Compare() {
    }

    public static int compare(Object a, Object b) {
        return compare(null, a, b);
    }

    /** As {@link #compare(Object, Object)}, charging the evaluation (when there is one) for what it compares. */
    static int compare(Ctx c, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (Num.isSmallInt(a) && Num.isSmallInt(b)) {
            return Long.compare(Num.asLong(a), Num.asLong(b));
        }
        if (Num.isNumber(a)) {
            return Num.isNumber(b) ? numbers(a, b) : INCOMPARABLE;
        }
        if (a instanceof String s) {
            if (!(b instanceof String t)) {
                return INCOMPARABLE;
            }
            return Integer.signum(c == null ? Text.compare(s, t) : Text.compare(c, s, t));
        }
        if (a instanceof List<?> la && b instanceof List<?> lb
                && (a instanceof PyTuple) == (b instanceof PyTuple)) {
            int n = Math.min(la.size(), lb.size());
            if (c != null) {
                c.charge(n);
            }
            for (int i = 0; i < n; i++) {
                Object x = la.get(i);
                Object y = lb.get(i);
                if (!Equality.equal(c, x, y)) {
                    return compare(c, x, y);
                }
            }
            return Integer.compare(la.size(), lb.size());
        }
        return INCOMPARABLE;
    }

    /** Two numbers (bool included): -1, 0, 1 or UNORDERED. */
    static int numbers(Object a, Object b) {
        boolean ai = Num.isIntegral(a);
        boolean bi = Num.isIntegral(b);
        if (ai && bi) {
            if (Num.isSmallInt(a) && Num.isSmallInt(b)) {
                return Long.compare(Num.asLong(a), Num.asLong(b));
            }
            return Num.asBig(a).compareTo(Num.asBig(b));
        }
        if (!ai && !bi) {
            double x = Num.asDouble(a);
            double y = Num.asDouble(b);
            return x < y ? LESS : x > y ? GREATER : x == y ? EQUAL : UNORDERED;
        }
        if (ai) {
            return intVsDouble(a, Num.asDouble(b));
        }
        int r = intVsDouble(b, Num.asDouble(a));
        return r == UNORDERED ? r : -r;
    }

    private static int intVsDouble(Object i, double d) {
        if (i instanceof BigInteger big) {
            return Num.compareBigDouble(big, d);
        }
        return Num.compareLongDouble(Num.asLong(i), d);
    }

    /** For min, max and sorted: an order, or a TypeError. NaN counts as equal. */
    public static int strict(Object a, Object b, String op) {
        return strict(null, a, b, op);
    }

    static int strict(Ctx c, Object a, Object b, String op) {
        int r = compare(c, a, b);
        if (r == INCOMPARABLE) {
            throw PyException.type("'" + op + "' not supported between instances of '"
                    + Values.typeName(a) + "' and '" + Values.typeName(b) + "'");
        }
        return r == UNORDERED ? 0 : r;
    }
}
