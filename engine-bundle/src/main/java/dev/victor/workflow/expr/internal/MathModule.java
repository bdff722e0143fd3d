package dev.victor.workflow.expr.internal;

import dev.victor.workflow.expr.ExpressionLimits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** The functions of {@code math}, with Python's results and errors. */
final class MathModule {
    private MathModule() {
    }

    static Object call(Ctx c, String name, Object[] a, String[] kn, Object[] kv) {
        switch (name) {
            case "sqrt": {
                double x = Modules.real(a[0]);
                if (x < 0) {
                    throw domain();
                }
                return Math.sqrt(x);
            }
            case "floor":
            case "ceil":
            case "trunc":
                return toInteger(a[0], name);
            case "exp":
                return range(Math.exp(Modules.real(a[0])), a[0]);
            case "fabs":
                return Math.abs(Modules.real(a[0]));
            case "log":
                return a.length == 1 ? log(a[0]) : log(a[0]) / log(a[1]);
            case "log2": {
                if (!(a[0] instanceof BigInteger)) {
                    double x = Modules.real(a[0]);
                    if (x > 0 && Double.isFinite(x) && x == Math.scalb(1.0, Math.getExponent(x))) {
                        return (double) Math.getExponent(x);
                    }
                }
                return log(a[0]) / Math.log(2);
            }
            case "log10":
                return Num.isIntegral(a[0]) && Num.asBig(a[0]).bitLength() > 1000 ? log(a[0]) / Math.log(10)
                        : checkPositive(Modules.real(a[0]), Math.log10(Modules.real(a[0])));
            case "isnan":
                return Double.isNaN(Modules.real(a[0]));
            case "isinf":
                return Double.isInfinite(Modules.real(a[0]));
            case "isfinite":
                return Double.isFinite(Modules.real(a[0]));
            case "pow": {
                double x = Modules.real(a[0]);
                double y = Modules.real(a[1]);
                if (x == 0 && y < 0 || x < 0 && y != Math.rint(y) && Double.isFinite(y)) {
                    throw domain();
                }
                return range(Math.pow(x, y), null);
            }
            case "comb":
            case "perm":
                return combinations(c, name, a);
            case "factorial": {
                BigInteger n = Modules.integer(a[0], "factorial");
                if (n.signum() < 0) {
                    throw PyException.value("factorial() not defined for negative values");
                }
                return product(c, BigInteger.ONE, n.add(BigInteger.ONE), n);
            }
            case "gcd": {
                BigInteger g = BigInteger.ZERO;
                for (Object o : a) {
                    g = g.gcd(Modules.integer(o, "gcd"));
                }
                return Modules.normal(g);
            }
            case "fsum": {
                BigDecimal sum = BigDecimal.ZERO;
                double special = 0;
                for (Object o : Iter.items(c, a[0])) {
                    c.step();
                    double d = Modules.real(o);
                    if (!Double.isFinite(d)) {
                        special += d;
                    } else {
                        sum = sum.add(new BigDecimal(d));
                    }
                }
                return special != 0 || Double.isNaN(special) ? special : sum.doubleValue();
            }
            case "prod": {
                Object result = Modules.keyword(kn, kv, "start", 1L);
                for (Object o : Iter.items(c, a[0])) {
                    c.step();
                    result = Arith.binary(c, BinOp.MUL, result, o);
                }
                return result;
            }
            case "isclose": {
                double x = Modules.real(a[0]);
                double y = Modules.real(a[1]);
                double rel = Modules.real(Modules.keyword(kn, kv, "rel_tol", 1e-9));
                double abs = Modules.real(Modules.keyword(kn, kv, "abs_tol", 0.0));
                if (rel < 0 || abs < 0) {
                    throw PyException.value("tolerances must be non-negative");
                }
                if (x == y) {
                    return true;
                }
                if (Double.isInfinite(x) || Double.isInfinite(y)) {
                    return false;
                }
                double diff = Math.abs(y - x);
                return diff <= Math.abs(rel * y) || diff <= Math.abs(rel * x) || diff <= abs;
            }
            default:
                throw new IllegalStateException(name);
        }
    }

    private static PyException domain() {
        return PyException.value("math domain error");
    }

    private static double range(double r, Object in) {
        if (Double.isInfinite(r) && (in == null || Double.isFinite(Modules.real(in)))) {
            throw PyException.overflow("math range error");
        }
        return r;
    }

    private static double checkPositive(double x, double r) {
        if (x <= 0) {
            throw domain();
        }
        return r;
    }

    /** The natural logarithm of any number, big integers included. */
    private static double log(Object o) {
        if (Num.isIntegral(o) && o instanceof BigInteger big && big.bitLength() > 1000) {
            if (big.signum() <= 0) {
                throw domain();
            }
            int shift = big.bitLength() - 64;
            return Math.log(big.shiftRight(shift).doubleValue()) + shift * Math.log(2);
        }
        double x = Modules.real(o);
        if (x <= 0) {
            throw domain();
        }
        return Math.log(x);
    }

    private static Object toInteger(Object o, String name) {
        if (o instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (Num.isIntegral(o)) {
            return o;
        }
        double d = Modules.real(o);
        if (Double.isNaN(d)) {
            throw PyException.value("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(d)) {
            throw PyException.overflow("cannot convert float infinity to integer");
        }
        double r = name.equals("floor") ? Math.floor(d) : name.equals("ceil") ? Math.ceil(d) : d < 0 ? Math.ceil(d)
                : Math.floor(d);
        return Modules.normal(new BigDecimal(r).setScale(0, RoundingMode.UNNECESSARY).toBigInteger());
    }

    private static Object combinations(Ctx c, String name, Object[] a) {
        BigInteger n = Modules.integer(a[0], name);
        BigInteger k = a.length > 1 && a[1] != null ? Modules.integer(a[1], name) : n;
        if (n.signum() < 0) {
            throw PyException.value("n must be a non-negative integer");
        }
        if (k.signum() < 0) {
            throw PyException.value("k must be a non-negative integer");
        }
        if (k.compareTo(n) > 0) {
            return 0L;
        }
        if (name.equals("perm")) {
            return product(c, n.subtract(k).add(BigInteger.ONE), n.add(BigInteger.ONE), k);
        }
        BigInteger kk = k.min(n.subtract(k));
        if (kk.bitLength() > 31) {
            throw tooBig();
        }
        BigInteger r = BigInteger.ONE;
        for (long i = 1; i <= kk.longValue(); i++) {
            c.step();
            r = r.multiply(n.subtract(kk).add(BigInteger.valueOf(i))).divide(BigInteger.valueOf(i));
            checkBits(r);
        }
        return Modules.normal(r);
    }

    /** from * (from+1) * ... * (to-1), bounded by the integer size. */
    private static Object product(Ctx c, BigInteger from, BigInteger to, BigInteger count) {
        if (count.bitLength() > 31) {
            throw tooBig();
        }
        BigInteger r = BigInteger.ONE;
        for (BigInteger i = from; i.compareTo(to) < 0; i = i.add(BigInteger.ONE)) {
            c.step();
            r = r.multiply(i);
            checkBits(r);
        }
        return Modules.normal(r);
    }

    private static void checkBits(BigInteger r) {
        if (r.bitLength() > ExpressionLimits.MAX_INTEGER_BITS) {
            throw tooBig();
        }
    }

    private static PyException tooBig() {
        return PyException.limit("integer result of more than " + ExpressionLimits.MAX_INTEGER_BITS
                + " bits (ExpressionLimits.MAX_INTEGER_BITS)");
    }
}
