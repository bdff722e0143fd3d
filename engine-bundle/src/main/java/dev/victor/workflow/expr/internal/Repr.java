package dev.victor.workflow.expr.internal;

import dev.victor.workflow.expr.ExpressionLimits;
import dev.victor.workflow.expr.Placeholder;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

/** Python's {@code str()} and {@code repr()} of values. */
public final class Repr {
    private Repr() {
    }

    /** Python's str(): a string as it is, everything else as repr(). */
    public static String str(Object o) {
        return str(null, o);
    }

    /** Python's str(), charging the evaluation (when there is one) for integers written in decimal. */
    static String str(Ctx c, Object o) {
        if (o instanceof String s) {
            return s;
        }
        if (o instanceof PyError e) {
            return e.message();
        }
        if (o instanceof PyDateTime d) {
            return d.toString();
        }
        if (o == null) {
            return "None";
        }
        if (o instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (o instanceof Long || o instanceof Integer || o instanceof Placeholder) {
            return o.toString();
        }
        StringBuilder b = new StringBuilder();
        write(c, b, o, null);
        return b.toString();
    }

    /** repr() for an error message: at most about 200 characters. */
    static String brief(Object o) {
        String text = repr(o instanceof String s && s.length() > 200 ? s.substring(0, 200) : o);
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    public static String repr(Object o) {
        StringBuilder b = new StringBuilder();
        write(null, b, o, null);
        return b.toString();
    }

    private static void write(Ctx c, StringBuilder b, Object o, IdentityHashMap<Object, Boolean> open) {
        if (b.length() > ExpressionLimits.MAX_BUILT_SIZE) {
            throw PyException.limit("str() result longer than " + ExpressionLimits.MAX_BUILT_SIZE
                    + " characters (ExpressionLimits.MAX_BUILT_SIZE)");
        }
        if (o instanceof Placeholder) {
            b.append(o);
        } else if (o instanceof PySet set) {
            if (set.isEmpty()) {
                b.append("set()");
                return;
            }
            b.append('{');
            boolean first = true;
            for (Object item : set) {
                if (!first) {
                    b.append(", ");
                }
                first = false;
                write(c, b, item, open);
            }
            b.append('}');
        } else if (o instanceof PyDateTime d) {
            b.append("datetime.datetime(").append(d.value().getYear()).append(", ").append(d.value().getMonthValue())
                    .append(", ").append(d.value().getDayOfMonth()).append(", ").append(d.value().getHour()).append(", ")
                    .append(d.value().getMinute()).append(", ").append(d.value().getSecond());
            if (d.value().getNano() > 0) {
                b.append(", ").append(d.value().getNano() / 1000);
            }
            b.append(')');
        } else if (o == null) {
            b.append("None");
        } else if (o instanceof Boolean bool) {
            b.append(bool ? "True" : "False");
        } else if (o instanceof String s) {
            quote(b, s);
        } else if (Num.isIntegral(o)) {
            if (c != null && o instanceof java.math.BigInteger) {
                long words = Ctx.words(o);
                c.chargeIntegers(words, words);
            }
            b.append(o);
        } else if (o instanceof Number) {
            b.append(floatRepr(Num.asDouble(o)));
        } else if (o instanceof Collection<?> || o instanceof Map<?, ?>) {
            IdentityHashMap<Object, Boolean> seen = open == null ? new IdentityHashMap<>() : open;
            if (seen.put(o, Boolean.TRUE) != null) {
                b.append(o instanceof Map<?, ?> ? "{...}" : o instanceof PyTuple ? "(...)" : "[...]");
                return;
            }
            if (o instanceof Map<?, ?> m) {
                b.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) {
                        b.append(", ");
                    }
                    first = false;
                    write(c, b, e.getKey(), seen);
                    b.append(": ");
                    write(c, b, e.getValue(), seen);
                }
                b.append('}');
            } else {
                Collection<?> items = (Collection<?>) o;
                boolean tuple = o instanceof PyTuple;
                b.append(tuple ? '(' : '[');
                boolean first = true;
                for (Object item : items) {
                    if (!first) {
                        b.append(", ");
                    }
                    first = false;
                    write(c, b, item, seen);
                }
                if (tuple && items.size() == 1) {
                    b.append(',');
                }
                b.append(tuple ? ')' : ']');
            }
            seen.remove(o);
        } else {
            b.append(o);
        }
    }

    /** Python's repr of a string: single quotes unless it holds a single quote and no double. */
    static void quote(StringBuilder b, String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        b.append(q);
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == q || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c < 0x20 || c >= 0x7f && c < 0xa0) {
                b.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            } else {
                b.append(c);
            }
        }
        b.append(q);
    }

    /** Python's repr of a float: the shortest digits that read back the same value. */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0.0) {
            return 1.0 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(d);
        BigDecimal shortest = exact;
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == d) {
                shortest = r;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int exp10 = digits.length() - 1 - shortest.scale();
        StringBuilder b = new StringBuilder(24);
        if (d < 0) {
            b.append('-');
        }
        if (exp10 >= -4 && exp10 < 16) {
            String plain = shortest.abs().toPlainString();
            b.append(plain);
            if (plain.indexOf('.') < 0) {
                b.append(".0");
            }
        } else {
            b.append(digits.charAt(0));
            if (digits.length() > 1) {
                b.append('.').append(digits, 1, digits.length());
            }
            b.append('e').append(exp10 < 0 ? '-' : '+');
            int e = Math.abs(exp10);
            if (e < 10) {
                b.append('0');
            }
            b.append(e);
        }
        return b.toString();
    }
}
