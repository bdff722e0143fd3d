package dev.victor.workflow.expr.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/** Python's format mini-language ({@code format(value, spec)}), as f-strings use it. */
final class Format {
    /** A width or precision this large is refused (counting stops here). */
    private static final int TOO_BIG = dev.victor.workflow.expr.ExpressionLimits.MAX_BUILT_SIZE;

    private Format() {
    }

    /** The parts of a spec: [[fill]align][sign][#][0][width][,|_][.precision][type]. */
    private record Spec(char fill, char align, char sign, boolean alternate, int width, char grouping, int precision,
            char type) {
    }

    static String format(Ctx c, Object v, String spec) {
        if (spec.isEmpty() || v instanceof dev.victor.workflow.expr.Placeholder) {
            return Repr.str(c, v);
        }
        Spec s = parse(spec);
        c.charge(((long) s.width() + Math.max(s.precision(), 0)) >> 5);
        c.allocate((long) s.width() + Math.max(s.precision(), 0));
        String body;
        if (v instanceof String str) {
            if (s.type() != 0 && s.type() != 's') {
                throw unknown(s.type(), "str");
            }
            if (s.sign() != 0 || s.grouping() != 0 || s.alternate()) {
                throw PyException.value("Sign not allowed in string format specifier");
            }
            body = s.precision() >= 0 && s.precision() < str.length() ? str.substring(0, s.precision()) : str;
            return pad(body, s, '<');
        }
        if (v instanceof Boolean b && s.type() == 0 && s.precision() < 0) {
            return number(BigInteger.valueOf(b ? 1 : 0), s);
        }
        if (v instanceof Boolean || Num.isIntegral(v)) {
            BigInteger i = v instanceof Boolean b ? (b ? BigInteger.ONE : BigInteger.ZERO) : Num.asBig(v);
            if ("eEfFgG%".indexOf(s.type()) >= 0 && s.type() != 0) {
                return real(i.doubleValue(), s);
            }
            if (s.precision() >= 0) {
                throw PyException.value("Precision not allowed in integer format specifier");
            }
            return number(i, s);
        }
        if (v instanceof Number) {
            if ("dbxXoc".indexOf(s.type()) >= 0 && s.type() != 0) {
                throw unknown(s.type(), "float");
            }
            return real(Num.asDouble(v), s);
        }
        throw PyException.type("unsupported format string passed to " + Values.typeName(v) + ".__format__");
    }

    private static PyException unknown(char type, String of) {
        return PyException.value("Unknown format code '" + type + "' for object of type '" + of + "'");
    }

    private static Spec parse(String spec) {
        int i = 0;
        int n = spec.length();
        char fill = ' ';
        char align = 0;
        if (n >= 2 && "<>=^".indexOf(spec.charAt(1)) >= 0) {
            fill = spec.charAt(0);
            align = spec.charAt(1);
            i = 2;
        } else if (n >= 1 && "<>=^".indexOf(spec.charAt(0)) >= 0) {
            align = spec.charAt(0);
            i = 1;
        }
        char sign = 0;
        if (i < n && "+- ".indexOf(spec.charAt(i)) >= 0) {
            sign = spec.charAt(i++);
        }
        boolean alternate = false;
        if (i < n && spec.charAt(i) == '#') {
            alternate = true;
            i++;
        }
        if (i < n && spec.charAt(i) == '0') {
            if (align == 0) {
                fill = '0';
                align = '=';
            }
            i++;
        }
        int width = 0;
        while (i < n && Character.isDigit(spec.charAt(i))) {
            width = Math.min(width * 10 + spec.charAt(i++) - '0', TOO_BIG);
        }
        char grouping = 0;
        if (i < n && (spec.charAt(i) == ',' || spec.charAt(i) == '_')) {
            grouping = spec.charAt(i++);
        }
        int precision = -1;
        if (i < n && spec.charAt(i) == '.') {
            i++;
            int start = i;
            precision = 0;
            while (i < n && Character.isDigit(spec.charAt(i))) {
                precision = Math.min(precision * 10 + spec.charAt(i++) - '0', TOO_BIG);
            }
            if (i == start) {
                throw PyException.value("Format specifier missing precision");
            }
        }
        char type = 0;
        if (i < n) {
            type = spec.charAt(i++);
            if ("bcdeEfFgGnosxX%".indexOf(type) < 0) {
                throw PyException.value("Invalid format specifier '" + spec + "'");
            }
        }
        if (i < n) {
            throw PyException.value("Invalid format specifier '" + spec + "'");
        }
        if (width >= TOO_BIG || precision >= TOO_BIG) {
            throw PyException.limit("format spec '" + spec + "' would build more than "
                    + dev.victor.workflow.expr.ExpressionLimits.MAX_BUILT_SIZE
                    + " characters (ExpressionLimits.MAX_BUILT_SIZE)");
        }
        return new Spec(fill, align, sign, alternate, width, grouping, precision, type);
    }

    private static String number(BigInteger i, Spec s) {
        char t = s.type() == 0 || s.type() == 'n' ? 'd' : s.type();
        if (t == 's') {
            throw unknown('s', "int");
        }
        if (t == 'c') {
            return pad(new String(Character.toChars(i.intValueExact())), s, '<');
        }
        int radix = t == 'b' ? 2 : t == 'o' ? 8 : t == 'x' || t == 'X' ? 16 : 10;
        String digits = i.abs().toString(radix);
        if (t == 'X') {
            digits = digits.toUpperCase(java.util.Locale.ROOT);
        }
        if (s.grouping() != 0) {
            digits = group(digits, radix == 10 ? 3 : 4, s.grouping());
        }
        String prefix = s.alternate() && radix != 10 ? "0" + (t == 'X' ? 'X' : t) : "";
        return signed(i.signum() < 0, prefix, digits, s);
    }

    private static String real(double d, Spec s) {
        char t = s.type();
        boolean negative = d < 0 || d == 0 && 1 / d < 0;
        double a = Math.abs(d);
        String body;
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            body = Double.isNaN(d) ? "nan" : "inf";
            if (t == 'F' || t == 'E' || t == 'G') {
                body = body.toUpperCase(java.util.Locale.ROOT);
            }
            if (t == '%') {
                body += "%";
            }
            return signed(negative && !Double.isNaN(d), "", body, s);
        }
        int p = s.precision() < 0 ? 6 : s.precision();
        switch (t) {
            case 'f':
            case 'F':
                body = fixed(a, p);
                break;
            case '%':
                body = fixed(a * 100, p) + "%";
                break;
            case 'e':
            case 'E':
                body = scientific(a, p, t);
                break;
            case 'g':
            case 'G':
            case 'n':
                body = general(a, Math.max(p, 1), t == 'G' ? 'E' : 'e', s.alternate(), false);
                break;
            default:
                body = s.precision() < 0 ? Repr.floatRepr(a) : general(a, Math.max(p, 1), 'e', s.alternate(), true);
        }
        if (s.grouping() != 0) {
            int end = body.indexOf('.');
            int e = body.indexOf('e');
            end = end < 0 ? (e < 0 ? body.length() : e) : end;
            if (end > 0 && Character.isDigit(body.charAt(0))) {
                body = group(body.substring(0, end), 3, s.grouping()) + body.substring(end);
            }
        }
        return signed(negative, "", body, s);
    }

    private static String fixed(double a, int p) {
        return new BigDecimal(a).setScale(p, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String scientific(double a, int p, char t) {
        if (a == 0) {
            return (p > 0 ? "0." + "0".repeat(p) : "0") + t + "+00";
        }
        BigDecimal r = new BigDecimal(a).round(new MathContext(p + 1, RoundingMode.HALF_EVEN));
        int exp = r.precision() - r.scale() - 1;
        String digits = r.unscaledValue().toString();
        digits = (digits + "0".repeat(p + 1)).substring(0, p + 1);
        String mantissa = p > 0 ? digits.charAt(0) + "." + digits.substring(1) : digits.substring(0, 1);
        return mantissa + t + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    private static String general(double a, int p, char e, boolean alternate, boolean repr) {
        int exp;
        if (a == 0) {
            exp = 0;
        } else {
            BigDecimal r = new BigDecimal(a).round(new MathContext(p, RoundingMode.HALF_EVEN));
            exp = r.precision() - r.scale() - 1;
        }
        String out;
        if (exp >= -4 && exp < (repr ? p - 1 : p)) {
            out = fixed(a, Math.max(p - 1 - exp, 0));
            if (!alternate) {
                out = stripZeros(out);
            }
            if (repr && out.indexOf('.') < 0) {
                out += ".0";
            }
        } else {
            out = scientific(a, p - 1, e);
            if (!alternate) {
                int at = out.indexOf(e);
                out = stripZeros(out.substring(0, at)) + out.substring(at);
            }
        }
        return out;
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    private static String group(String digits, int size, char sep) {
        StringBuilder b = new StringBuilder();
        int first = digits.length() % size;
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (i - first) % size == 0) {
                b.append(sep);
            }
            b.append(digits.charAt(i));
        }
        return b.toString();
    }

    private static String signed(boolean negative, String prefix, String digits, Spec s) {
        String sign = negative ? "-" : s.sign() == '+' ? "+" : s.sign() == ' ' ? " " : "";
        if (s.align() == '=') {
            int fill = s.width() - sign.length() - prefix.length() - digits.length();
            return sign + prefix + (fill > 0 ? String.valueOf(s.fill()).repeat(fill) : "") + digits;
        }
        return pad(sign + prefix + digits, s, '>');
    }

    private static String pad(String body, Spec s, char defaultAlign) {
        int fill = s.width() - body.codePointCount(0, body.length());
        if (fill <= 0) {
            return body;
        }
        char align = s.align() == 0 ? defaultAlign : s.align();
        String f = String.valueOf(s.fill());
        switch (align) {
            case '<':
                return body + f.repeat(fill);
            case '^':
                return f.repeat(fill / 2) + body + f.repeat(fill - fill / 2);
            case '=':
                throw PyException.value("'=' alignment not allowed in string format specifier");
            default:
                return f.repeat(fill) + body;
        }
    }
}
