package dev.victor.workflow.expr.internal;

import java.util.List;
import java.util.Map;

/** Python's {@code ==}: numbers by value across types, deep lists and maps, tuple is not list. */
public final class Equality {
    private Equality() {
    }

    public static boolean equal(Object a, Object b) {
        return equal(null, a, b);
    }

    /** Python's {@code ==}, charging the evaluation (when there is one) for what it compares. */
    static boolean equal(Ctx c, Object a, Object b) {
        if (a == b) {
            return !isNaN(a);
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof String s) {
            if (c != null && b instanceof String t && s.length() == t.length()) {
                c.chargeText(s.length());
            }
            return s.equals(b);
        }
        if (a instanceof Long x && b instanceof Long y) {
            return x.longValue() == y.longValue();
        }
        boolean an = Num.isNumber(a);
        boolean bn = Num.isNumber(b);
        if (an || bn) {
            return an && bn && Compare.numbers(a, b) == 0;
        }
        if (a instanceof PySet || b instanceof PySet) {
            if (c != null && a instanceof PySet s) {
                c.charge(s.size());
            }
            return a.equals(b);
        }
        if (a instanceof List<?> la) {
            if (!(b instanceof List<?> lb) || (a instanceof PyTuple) != (b instanceof PyTuple)) {
                return false;
            }
            int n = la.size();
            if (n != lb.size()) {
                return false;
            }
            if (c != null) {
                c.charge(n);
            }
            for (int i = 0; i < n; i++) {
                if (!equal(c, la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> ma) {
            if (!(b instanceof Map<?, ?> mb) || ma.size() != mb.size()) {
                return false;
            }
            if (c != null) {
                c.charge(ma.size());
            }
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                Object other = Maps.lookup(c, mb, e.getKey());
                if (other == Maps.MISSING || !equal(c, e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static boolean isNaN(Object o) {
        return o instanceof Double d && d.isNaN() || o instanceof Float f && f.isNaN();
    }
}
