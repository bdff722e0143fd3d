package dev.victor.workflow.expr.internal;

import dev.victor.workflow.expr.ExpressionLimits;
import java.math.BigInteger;

/** {@code | & ^ << >>} on integers (bools are integers) and {@code | & ^ -} on sets. */
final class Bitwise {
    private Bitwise() {
    }

    /** Whether op on these operands is a set operation. */
    static boolean isSetOperation(BinOp op, Object a, Object b) {
        return a instanceof PySet && b instanceof PySet
                && (op == BinOp.OR || op == BinOp.AND || op == BinOp.XOR || op == BinOp.SUB);
    }

    static PySet sets(Ctx c, BinOp op, PySet a, PySet b) {
        c.charge((long) a.size() + b.size());
        c.allocate((long) a.size() + b.size());
        PySet out = new PySet();
        switch (op) {
            case OR:
                a.forEach(v -> out.put(null, v));
                b.forEach(v -> out.put(null, v));
                break;
            case AND:
                a.forEach(v -> {
                    if (b.has(v)) {
                        out.put(null, v);
                    }
                });
                break;
            case SUB:
                a.forEach(v -> {
                    if (!b.has(v)) {
                        out.put(null, v);
                    }
                });
                break;
            default:
                a.forEach(v -> {
                    if (!b.has(v)) {
                        out.put(null, v);
                    }
                });
                b.forEach(v -> {
                    if (!a.has(v)) {
                        out.put(null, v);
                    }
                });
        }
        return out;
    }

    static Object integers(BinOp op, Object a, Object b, PyException unsupported) {
        boolean ai = a instanceof Boolean || Num.isIntegral(a);
        boolean bi = b instanceof Boolean || Num.isIntegral(b);
        if (!ai || !bi) {
            throw unsupported;
        }
        if (a instanceof Boolean x && b instanceof Boolean y && op != BinOp.LSHIFT && op != BinOp.RSHIFT) {
            return op == BinOp.OR ? x | y : op == BinOp.AND ? x & y : x ^ y;
        }
        BigInteger x = big(a);
        BigInteger y = big(b);
        BigInteger r;
        switch (op) {
            case OR:
                r = x.or(y);
                break;
            case AND:
                r = x.and(y);
                break;
            case XOR:
                r = x.xor(y);
                break;
            default:
                if (y.signum() < 0) {
                    throw PyException.value("negative shift count");
                }
                if (op == BinOp.RSHIFT) {
                    r = y.bitLength() > 31 ? BigInteger.valueOf(x.signum() < 0 ? -1 : 0) : x.shiftRight(y.intValue());
                } else {
                    if (x.signum() != 0 && (y.bitLength() > 31
                            || x.bitLength() + y.longValue() > ExpressionLimits.MAX_INTEGER_BITS)) {
                        throw PyException.limit("integer result of more than " + ExpressionLimits.MAX_INTEGER_BITS
                                + " bits (ExpressionLimits.MAX_INTEGER_BITS)");
                    }
                    r = x.signum() == 0 ? BigInteger.ZERO : x.shiftLeft(y.intValue());
                }
        }
        return r.bitLength() < 64 ? (Object) r.longValue() : r;
    }

    private static BigInteger big(Object v) {
        if (v instanceof Boolean bool) {
            return bool ? BigInteger.ONE : BigInteger.ZERO;
        }
        return v instanceof BigInteger b ? b : BigInteger.valueOf(((Number) v).longValue());
    }
}
