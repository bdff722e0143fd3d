package dev.victor.workflow.expr.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Hash keys that agree with Python equality (1, 1.0 and True are one key). */
final class Keys {
    private static final Object NONE = new Object();

    private record ListKey(boolean tuple, List<Object> items) {
    }

    private record MapKey(Map<Object, Object> entries) {
    }

    private Keys() {
    }

    /** Charges the hashing of a map key: a list, tuple or map key is walked as deep as it goes. */
    static void chargeHash(Ctx c, Object key) {
        if (key instanceof List<?> || key instanceof Map<?, ?>) {
            c.chargeDeep(key);
        }
    }

    static Object of(Object v) {
        if (v == null) {
            return NONE;
        }
        if (v instanceof String) {
            return v;
        }
        if (Num.isSmallInt(v)) {
            return Num.asLong(v);
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        if (v instanceof Number) {
            double d = Num.asDouble(v);
            if (!Double.isInfinite(d) && d == Math.rint(d)) {
                return d > -9.2e18 && d < 9.2e18 ? (Object) (long) d : new BigDecimal(d).toBigInteger();
            }
            return d;
        }
        if (v instanceof List<?> l) {
            List<Object> items = new ArrayList<>(l.size());
            for (Object o : l) {
                items.add(of(o));
            }
            return new ListKey(v instanceof PyTuple, items);
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> entries = new HashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                entries.put(of(e.getKey()), of(e.getValue()));
            }
            return new MapKey(entries);
        }
        return v;
    }
}
