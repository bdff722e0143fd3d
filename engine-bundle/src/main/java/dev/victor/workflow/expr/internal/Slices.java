package dev.victor.workflow.expr.internal;

import java.math.BigInteger;
import java.util.List;

/** Python slices {@code a[start:stop:step]} of lists, tuples and strings. */
final class Slices {
    private Slices() {
    }

    static Object slice(Ctx c, Object target, Object start, Object stop, Object step) {
        if (target instanceof String s) {
            int len = Text.hasSurrogates(s) ? Text.length(s) : s.length();
            int[] r = adjust(len, start, stop, step);
            c.chargeScan(s.length());
            c.chargeText(r[2]);
            c.allocate(r[2]);
            return Text.slice(s, r[0], r[1], r[2]);
        }
        if (target instanceof List<?> l) {
            int[] r = adjust(l.size(), start, stop, step);
            c.charge(r[2]);
            c.allocate(r[2]);
            Object[] out = new Object[r[2]];
            for (int k = 0, i = r[0]; k < r[2]; k++, i += r[1]) {
                out[k] = l.get(i);
            }
            if (target instanceof PyTuple) {
                return PyTuple.wrap(out);
            }
            PyList list = c.newList(out.length);
            for (Object o : out) {
                list.add(o);
            }
            return list;
        }
        if (target == null) {
            return null;
        }
        throw PyException.type("'" + Values.typeName(target) + "' object is not subscriptable");
    }

    /** {start, step, count} as Python's PySlice_AdjustIndices computes them. */
    static int[] adjust(int length, Object startV, Object stopV, Object stepV) {
        long step = stepV == null ? 1 : index(stepV);
        if (step == 0) {
            throw PyException.value("slice step cannot be zero");
        }
        long lower = step < 0 ? -1 : 0;
        long upper = step < 0 ? length - 1L : length;
        long start = startV == null ? (step < 0 ? upper : lower) : clamp(index(startV), length, lower, upper);
        long stop = stopV == null ? (step < 0 ? lower : upper) : clamp(index(stopV), length, lower, upper);
        long count;
        if (step > 0) {
            count = start < stop ? (stop - start - 1) / step + 1 : 0;
        } else {
            count = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
        }
        long safeStep = Math.max(Math.min(step, Integer.MAX_VALUE), -Integer.MAX_VALUE);
        return new int[] {(int) start, (int) safeStep, (int) count};
    }

    private static long clamp(long i, int length, long lower, long upper) {
        if (i < 0) {
            i += length;
            return i < lower ? lower : i;
        }
        return i > upper ? upper : i;
    }

    private static long index(Object v) {
        if (Num.isSmallInt(v)) {
            return Num.asLong(v);
        }
        if (v instanceof BigInteger b) {
            return b.signum() < 0 ? -Long.MAX_VALUE / 2 : Long.MAX_VALUE / 2;
        }
        throw PyException.type("slice indices must be integers or None");
    }
}
