package dev.victor.workflow.expr.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * The functions of {@code statistics}: exact arithmetic as in CPython (sums of fractions), results
 * of the data's type (int data gives an int when the result is whole, else a float).
 */
final class Statistics {
    private static final MathContext WIDE = new MathContext(80, RoundingMode.HALF_EVEN);

    private Statistics() {
    }

    /** An exact fraction. */
    private record Ratio(BigInteger num, BigInteger den) {
        static Ratio of(Object o) {
            BigDecimal d = Modules.exact(o);
            return d.scale() <= 0 ? new Ratio(d.toBigIntegerExact(), BigInteger.ONE)
                    : new Ratio(d.unscaledValue(), BigInteger.TEN.pow(d.scale())).reduce();
        }

        Ratio reduce() {
            BigInteger g = num.gcd(den);
            if (g.signum() == 0) {
                return this;
            }
            return den.signum() < 0 ? new Ratio(num.negate().divide(g), den.negate().divide(g))
                    : new Ratio(num.divide(g), den.divide(g));
        }

        Ratio add(Ratio o) {
            return new Ratio(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den)).reduce();
        }

        Ratio sub(Ratio o) {
            return add(new Ratio(o.num.negate(), o.den));
        }

        Ratio mul(Ratio o) {
            return new Ratio(num.multiply(o.num), den.multiply(o.den)).reduce();
        }

        Ratio div(long n) {
            return new Ratio(num, den.multiply(BigInteger.valueOf(n))).reduce();
        }

        double toDouble() {
            return new BigDecimal(num).divide(new BigDecimal(den), WIDE).doubleValue();
        }

        double sqrt() {
            return new BigDecimal(num).divide(new BigDecimal(den), WIDE).sqrt(WIDE).doubleValue();
        }
    }

    static Object call(Ctx c, String name, Object[] a) {
        List<Object> data = name.startsWith("median") || name.equals("mode")
                ? new java.util.ArrayList<>(Iter.items(c, a[0])) : Modules.numbers(c, a[0], name);
        boolean floats = false;
        for (Object o : data) {
            floats |= !Num.isIntegral(o) && !(o instanceof Boolean);
        }
        switch (name) {
            case "mean":
            case "fmean": {
                if (data.isEmpty()) {
                    throw error(name.equals("mean") ? "mean requires at least one data point"
                            : "fmean requires at least one data point");
                }
                for (Object o : data) {
                    if (o instanceof Double d && !Double.isFinite(d)) {
                        double s = 0;
                        for (Object x : data) {
                            s += Num.asDouble(x);
                        }
                        return s / data.size();
                    }
                }
                Ratio mean = sum(c, data).div(data.size());
                return name.equals("fmean") ? mean.toDouble() : convert(mean, floats);
            }
            case "median":
            case "median_low":
            case "median_high": {
                if (data.isEmpty()) {
                    throw error("no median for empty data");
                }
                List<?> sorted = (List<?>) Builtins.call(c, Builtin.SORTED, new Object[] {data}, new String[0],
                        new Object[0]);
                int n = sorted.size();
                if (n % 2 == 1) {
                    return sorted.get(n / 2);
                }
                if (name.equals("median_low")) {
                    return sorted.get(n / 2 - 1);
                }
                if (name.equals("median_high")) {
                    return sorted.get(n / 2);
                }
                return Arith.binary(c, BinOp.DIV, Arith.binary(c, BinOp.ADD, sorted.get(n / 2 - 1), sorted.get(n / 2)),
                        2L);
            }
            case "mode": {
                if (data.isEmpty()) {
                    throw error("no mode for empty data");
                }
                java.util.Map<Object, Integer> counts = new java.util.LinkedHashMap<>();
                java.util.Map<Object, Object> first = new java.util.HashMap<>();
                for (Object o : data) {
                    Object k = Keys.of(o);
                    counts.merge(k, 1, Integer::sum);
                    first.putIfAbsent(k, o);
                }
                Object best = null;
                int most = 0;
                for (java.util.Map.Entry<Object, Integer> e : counts.entrySet()) {
                    if (e.getValue() > most) {
                        most = e.getValue();
                        best = first.get(e.getKey());
                    }
                }
                return best;
            }
            default: {
                boolean sample = name.equals("stdev") || name.equals("variance");
                if (data.size() < (sample ? 2 : 1)) {
                    throw error(name + " requires at least " + (sample ? "two data points" : "one data point"));
                }
                for (Object o : data) {
                    if (o instanceof Double d && !Double.isFinite(d)) {
                        return Double.NaN;
                    }
                }
                Ratio sx = sum(c, data);
                Ratio sxx = new Ratio(BigInteger.ZERO, BigInteger.ONE);
                for (Object o : data) {
                    Ratio r = Ratio.of(o);
                    sxx = sxx.add(r.mul(r));
                }
                long n = data.size();
                Ratio ss = sxx.mul(new Ratio(BigInteger.valueOf(n), BigInteger.ONE)).sub(sx.mul(sx)).div(n);
                Ratio variance = ss.div(sample ? n - 1 : n);
                if (name.endsWith("stdev")) {
                    return variance.sqrt();
                }
                return convert(variance, floats);
            }
        }
    }

    private static Ratio sum(Ctx c, List<Object> data) {
        Ratio s = new Ratio(BigInteger.ZERO, BigInteger.ONE);
        for (Object o : data) {
            c.step();
            s = s.add(Ratio.of(o));
        }
        return s;
    }

    private static Object convert(Ratio r, boolean floats) {
        if (!floats && r.den().equals(BigInteger.ONE)) {
            return Modules.normal(r.num());
        }
        return r.toDouble();
    }

    private static PyException error(String message) {
        return PyException.of("StatisticsError", message);
    }
}
