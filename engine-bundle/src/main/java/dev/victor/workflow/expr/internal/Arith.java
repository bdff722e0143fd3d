package dev.victor.workflow.expr.internal;

import dev.victor.workflow.expr.ExpressionLimits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import dev.victor.workflow.expr.Placeholder;
import java.util.List;

/**
 * Python arithmetic. Integers never wrap: a result outside the range of long becomes a
 * BigInteger (up to {@link ExpressionLimits#MAX_INTEGER_BITS}). {@code /} always gives a float,
 * {@code //} floors, {@code %} takes the sign of the divisor.
 */
public final class Arith {
    private static final long EXACT_DOUBLE = 1L << 53;

    private Arith() {
    }

    public static Object binary(Ctx c, BinOp op, Object a, Object b) {
        if (a instanceof Placeholder || b instanceof Placeholder) {
            return a instanceof Placeholder ? a : b;
        }
        if (a instanceof BigInteger || b instanceof BigInteger) {
            chargeBig(c, op, a, b);
        }
        Object result = compute(c, op, a, b);
        if (result instanceof BigInteger big) {
            long words = Ctx.words(big);
            if (op == BinOp.POW) {
                c.chargeIntegers(words, words);
            }
            c.allocate(words);
        }
        return result;
    }

    /** Big-integer work: linear for + and -, the product of the sizes for the others. */
    private static void chargeBig(Ctx c, BinOp op, Object a, Object b) {
        long x = Num.isIntegral(a) ? Ctx.words(a) : 1;
        long y = Num.isIntegral(b) ? Ctx.words(b) : 1;
        if (op == BinOp.ADD || op == BinOp.SUB) {
            c.charge((x + y) >> 6);
        } else {
            c.chargeIntegers(x, y);
        }
    }

    private static Object compute(Ctx c, BinOp op, Object a, Object b) {
        if (Bitwise.isSetOperation(op, a, b)) {
            return Bitwise.sets(c, op, (PySet) a, (PySet) b);
        }
        if (op == BinOp.OR && a instanceof java.util.Map<?, ?> x && b instanceof java.util.Map<?, ?> y) {
            c.charge(x.size());
            c.allocate((long) x.size() + y.size());
            PyDict out = new PyDict(c.owner(), x);
            Items.update(c, out, y);
            return out;
        }
        switch (op) {
            case OR:
            case AND:
            case XOR:
            case LSHIFT:
            case RSHIFT:
                return Bitwise.integers(op, a, b, unsupported(op, a, b));
            case ADD:
                return add(c, a, b);
            case SUB:
                return sub(a, b);
            case MUL:
                return mul(c, a, b);
            case DIV:
                return div(a, b);
            case FLOORDIV:
                return floorDiv(a, b);
            case MOD:
                return a instanceof String text ? StrFormat.percent(c, text, b) : mod(a, b);
            case POW:
                return pow(a, b);
            default:
                throw new IllegalStateException(op.name());
        }
    }

    private static PyException unsupported(BinOp op, Object a, Object b) {
        return PyException.type("unsupported operand type(s) for " + op.symbol + ": '" + Values.typeName(a)
                + "' and '" + Values.typeName(b) + "'");
    }

    static Object add(Ctx c, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return addLong(x, y);
        }
        if (Num.isNumber(a) && Num.isNumber(b)) {
            if (Num.isSmallInt(a) && Num.isSmallInt(b)) {
                return addLong(Num.asLong(a), Num.asLong(b));
            }
            if (Num.isIntegral(a) && Num.isIntegral(b)) {
                return Num.normalize(Num.asBig(a).add(Num.asBig(b)));
            }
            return Num.asDouble(a) + Num.asDouble(b);
        }
        if (a instanceof String s) {
            if (b instanceof String t) {
                long len = (long) s.length() + t.length();
                Ctx.checkSize(len, "string concatenation");
                c.chargeText(len);
                c.allocate(len);
                return s.concat(t);
            }
            throw PyException.type("can only concatenate str (not \"" + Values.typeName(b) + "\") to str");
        }
        if (a instanceof List<?> la) {
            boolean tuple = a instanceof PyTuple;
            if (b instanceof List<?> lb && (b instanceof PyTuple) == tuple) {
                long len = (long) la.size() + lb.size();
                Ctx.checkSize(len, "list concatenation");
                c.charge(len);
                c.allocate(len);
                if (tuple) {
                    Object[] out = new Object[(int) len];
                    for (int i = 0; i < la.size(); i++) {
                        out[i] = la.get(i);
                    }
                    for (int i = 0; i < lb.size(); i++) {
                        out[la.size() + i] = lb.get(i);
                    }
                    return PyTuple.wrap(out);
                }
                PyList out = c.newList((int) len);
                out.addAll(la);
                out.addAll(lb);
                return out;
            }
            String name = tuple ? "tuple" : "list";
            throw PyException.type("can only concatenate " + name + " (not \"" + Values.typeName(b) + "\") to "
                    + name);
        }
        throw unsupported(BinOp.ADD, a, b);
    }

    private static Object addLong(long x, long y) {
        long r = x + y;
        if (((x ^ r) & (y ^ r)) < 0) {
            return BigInteger.valueOf(x).add(BigInteger.valueOf(y));
        }
        return r;
    }

    static Object sub(Object a, Object b) {
        if (Num.isNumber(a) && Num.isNumber(b)) {
            if (Num.isSmallInt(a) && Num.isSmallInt(b)) {
                long x = Num.asLong(a);
                long y = Num.asLong(b);
                long r = x - y;
                if (((x ^ y) & (x ^ r)) < 0) {
                    return BigInteger.valueOf(x).subtract(BigInteger.valueOf(y));
                }
                return r;
            }
            if (Num.isIntegral(a) && Num.isIntegral(b)) {
                return Num.normalize(Num.asBig(a).subtract(Num.asBig(b)));
            }
            return Num.asDouble(a) - Num.asDouble(b);
        }
        throw unsupported(BinOp.SUB, a, b);
    }

    static Object mul(Ctx c, Object a, Object b) {
        if (Num.isNumber(a) && Num.isNumber(b)) {
            if (Num.isSmallInt(a) && Num.isSmallInt(b)) {
                long x = Num.asLong(a);
                long y = Num.asLong(b);
                long hi = Math.multiplyHigh(x, y);
                long lo = x * y;
                if (hi == 0 && lo >= 0 || hi == -1 && lo < 0) {
                    return lo;
                }
                return Num.normalize(BigInteger.valueOf(x).multiply(BigInteger.valueOf(y)));
            }
            if (Num.isIntegral(a) && Num.isIntegral(b)) {
                BigInteger x = Num.asBig(a);
                BigInteger y = Num.asBig(b);
                if ((long) x.bitLength() + y.bitLength() > ExpressionLimits.MAX_INTEGER_BITS + 1L) {
                    throw Num.tooLarge();
                }
                return Num.normalize(x.multiply(y));
            }
            return Num.asDouble(a) * Num.asDouble(b);
        }
        if (isSequence(a) && Num.isIntegral(b)) {
            return repeat(c, a, b);
        }
        if (Num.isIntegral(a) && isSequence(b)) {
            return repeat(c, b, a);
        }
        if (isSequence(a) && Num.isNumber(b) || isSequence(b) && Num.isNumber(a)) {
            Object n = isSequence(a) ? b : a;
            throw PyException.type("can't multiply sequence by non-int of type '" + Values.typeName(n) + "'");
        }
        throw unsupported(BinOp.MUL, a, b);
    }

    private static boolean isSequence(Object o) {
        return o instanceof String || o instanceof List<?>;
    }

    private static Object repeat(Ctx c, Object seq, Object times) {
        long n;
        if (times instanceof BigInteger big && big.bitLength() >= 64) {
            throw PyException.overflow("cannot fit 'int' into an index-sized integer");
        } else if (times instanceof BigInteger big) {
            n = Math.max(0, big.longValue());
        } else {
            n = Math.max(0, Num.asLong(times));
        }
        int len = seq instanceof String s ? s.length() : ((List<?>) seq).size();
        if (n == 0 || len == 0) {
            if (seq instanceof String) {
                return "";
            }
            return seq instanceof PyTuple ? PyTuple.EMPTY : c.newList();
        }
        long total = n > ExpressionLimits.MAX_BUILT_SIZE ? Long.MAX_VALUE : n * len;
        if (seq instanceof String s) {
            Ctx.checkSize(total, "string repetition");
            c.chargeText(total);
            c.allocate(total);
            return s.repeat((int) n);
        }
        Ctx.checkSize(total, "list repetition");
        c.charge(total);
        c.allocate(total);
        List<?> l = (List<?>) seq;
        Object[] out = new Object[(int) total];
        for (int k = 0; k < total; k++) {
            out[k] = l.get(k % len);
        }
        if (seq instanceof PyTuple) {
            return PyTuple.wrap(out);
        }
        PyList list = c.newList(out.length);
        for (Object o : out) {
            list.add(o);
        }
        return list;
    }

    static Object div(Object a, Object b) {
        if (!(Num.isNumber(a) && Num.isNumber(b))) {
            throw unsupported(BinOp.DIV, a, b);
        }
        if (Num.isIntegral(a) && Num.isIntegral(b)) {
            if (Num.isSmallInt(a) && Num.isSmallInt(b)) {
                long x = Num.asLong(a);
                long y = Num.asLong(b);
                if (y == 0) {
                    throw PyException.zeroDivision("division by zero");
                }
                if (Math.abs(x) <= EXACT_DOUBLE && Math.abs(y) <= EXACT_DOUBLE) {
                    return (double) x / (double) y;
                }
            }
            BigInteger x = Num.asBig(a);
            BigInteger y = Num.asBig(b);
            if (y.signum() == 0) {
                throw PyException.zeroDivision("division by zero");
            }
            double r = new BigDecimal(x).divide(new BigDecimal(y), MathContext.DECIMAL128).doubleValue();
            if (Double.isInfinite(r)) {
                throw PyException.overflow("integer division result too large for a float");
            }
            return r;
        }
        double y = Num.asDouble(b);
        if (y == 0.0) {
            throw PyException.zeroDivision("division by zero");
        }
        return Num.asDouble(a) / y;
    }

    static Object floorDiv(Object a, Object b) {
        if (!(Num.isNumber(a) && Num.isNumber(b))) {
            throw unsupported(BinOp.FLOORDIV, a, b);
        }
        if (Num.isIntegral(a) && Num.isIntegral(b)) {
            if (Num.isSmallInt(a) && Num.isSmallInt(b)) {
                long x = Num.asLong(a);
                long y = Num.asLong(b);
                if (y == 0) {
                    throw PyException.zeroDivision("integer division or modulo by zero");
                }
                if (x == Long.MIN_VALUE && y == -1) {
                    return BigInteger.valueOf(x).negate();
                }
                return Math.floorDiv(x, y);
            }
            BigInteger x = Num.asBig(a);
            BigInteger y = Num.asBig(b);
            if (y.signum() == 0) {
                throw PyException.zeroDivision("integer division or modulo by zero");
            }
            BigInteger[] qr = x.divideAndRemainder(y);
            BigInteger q = qr[0];
            if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) {
                q = q.subtract(BigInteger.ONE);
            }
            return Num.normalize(q);
        }
        double x = Num.asDouble(a);
        double y = Num.asDouble(b);
        if (y == 0.0) {
            throw PyException.zeroDivision("float floor division by zero");
        }
        return floatDivMod(x, y)[0];
    }

    static Object mod(Object a, Object b) {
        if (!(Num.isNumber(a) && Num.isNumber(b))) {
            if (a instanceof String) {
                throw PyException.type("string formatting with % is not supported");
            }
            throw unsupported(BinOp.MOD, a, b);
        }
        if (Num.isIntegral(a) && Num.isIntegral(b)) {
            if (Num.isSmallInt(a) && Num.isSmallInt(b)) {
                long y = Num.asLong(b);
                if (y == 0) {
                    throw PyException.zeroDivision("integer division or modulo by zero");
                }
                return Math.floorMod(Num.asLong(a), y);
            }
            BigInteger x = Num.asBig(a);
            BigInteger y = Num.asBig(b);
            if (y.signum() == 0) {
                throw PyException.zeroDivision("integer division or modulo by zero");
            }
            BigInteger r = x.remainder(y);
            if (r.signum() != 0 && r.signum() != y.signum()) {
                r = r.add(y);
            }
            return Num.normalize(r);
        }
        double x = Num.asDouble(a);
        double y = Num.asDouble(b);
        if (y == 0.0) {
            throw PyException.zeroDivision("float modulo by zero");
        }
        return floatDivMod(x, y)[1];
    }

    /** CPython's float divmod: {floor quotient, modulo with the sign of y}. */
    private static double[] floatDivMod(double x, double y) {
        double mod = x % y;
        double div = (x - mod) / y;
        if (mod != 0.0) {
            if ((y < 0) != (mod < 0)) {
                mod += y;
                div -= 1.0;
            }
        } else {
            mod = Math.copySign(0.0, y);
        }
        double floorDiv;
        if (div != 0.0) {
            floorDiv = Math.floor(div);
            if (div - floorDiv > 0.5) {
                floorDiv += 1.0;
            }
        } else {
            floorDiv = Math.copySign(0.0, x / y);
        }
        return new double[] {floorDiv, mod};
    }

    static Object pow(Object a, Object b) {
        if (!(Num.isNumber(a) && Num.isNumber(b))) {
            throw unsupported(BinOp.POW, a, b);
        }
        if (Num.isIntegral(a) && Num.isIntegral(b)) {
            BigInteger e = Num.asBig(b);
            if (e.bitLength() > 31 || Math.abs(e.intValue()) > ExpressionLimits.MAX_POWER_EXPONENT) {
                throw PyException.limit("exponent " + e + " is larger than " + ExpressionLimits.MAX_POWER_EXPONENT
                        + " (ExpressionLimits.MAX_POWER_EXPONENT)");
            }
            int exp = e.intValue();
            if (exp < 0) {
                double base = Num.asDouble(a);
                if (base == 0.0) {
                    throw PyException.zeroDivision("0.0 cannot be raised to a negative power");
                }
                return Math.pow(base, exp);
            }
            BigInteger base = Num.asBig(a);
            long lowerBits = (long) (base.abs().bitLength() - 1) * exp + 1;
            if (base.abs().bitLength() > 1 && lowerBits > ExpressionLimits.MAX_INTEGER_BITS) {
                throw Num.tooLarge();
            }
            return Num.normalize(base.pow(exp));
        }
        double x = Num.asDouble(a);
        double y = Num.asDouble(b);
        if (x == 0.0 && y < 0) {
            throw PyException.zeroDivision("0.0 cannot be raised to a negative power");
        }
        if (x < 0 && y != Math.rint(y) && !Double.isInfinite(y)) {
            throw PyException.value("negative number cannot be raised to a fractional power");
        }
        double r = Math.pow(x, y);
        if (Double.isInfinite(r) && !Double.isInfinite(x) && !Double.isInfinite(y)) {
            throw PyException.overflow("float power result too large");
        }
        return r;
    }

    public static Object negate(Object a) {
        if (a instanceof Long l) {
            return l == Long.MIN_VALUE ? (Object) BigInteger.valueOf(l).negate() : (Object) (-l);
        }
        if (Num.isSmallInt(a)) {
            return -Num.asLong(a);
        }
        if (a instanceof BigInteger b) {
            return Num.normalize(b.negate());
        }
        if (a instanceof Number) {
            return -Num.asDouble(a);
        }
        throw PyException.type("bad operand type for unary -: '" + Values.typeName(a) + "'");
    }

    public static Object plus(Object a) {
        if (Num.isSmallInt(a)) {
            return Num.asLong(a);
        }
        if (a instanceof BigInteger b) {
            return Num.normalize(b);
        }
        if (a instanceof Number) {
            return Num.asDouble(a);
        }
        throw PyException.type("bad operand type for unary +: '" + Values.typeName(a) + "'");
    }
}
