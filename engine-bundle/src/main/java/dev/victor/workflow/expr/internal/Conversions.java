package dev.victor.workflow.expr.internal;

import dev.victor.workflow.expr.ExpressionLimits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;

/** The numeric conversions int(), float() and round(), with Python's syntax and rounding. */
final class Conversions {
    /** Digits int() reads from a string, in step with MAX_INTEGER_BITS. */
    private static final int MAX_DIGITS = (int) (ExpressionLimits.MAX_INTEGER_BITS * 0.30103) + 2;

    private Conversions() {
    }

    static Object toInt(Ctx c, Object o) {
        if (Num.isSmallInt(o)) {
            return Num.asLong(o);
        }
        if (o instanceof BigInteger b) {
            return Num.normalize(b);
        }
        if (o instanceof Number) {
            return Num.truncToInt(Num.asDouble(o));
        }
        if (o instanceof String s) {
            c.chargeText(s.length());
            return parseInt(c, s);
        }
        throw PyException.type("int() argument must be a string or a real number, not '"
                + Values.typeName(o) + "'");
    }

    private static Object parseInt(Ctx c, String text) {
        String s = stripSpace(text);
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        String digits = digitsWithUnderscores(s, i, s.length());
        if (digits == null) {
            throw PyException.value("invalid literal for int() with base 10: " + Repr.brief(text));
        }
        if (digits.length() > MAX_DIGITS) {
            throw Num.tooLarge();
        }
        long words = digits.length() / 19 + 1;
        c.chargeIntegers(words, words);
        BigInteger v = new BigInteger(digits);
        return Num.normalize(negative ? v.negate() : v);
    }

    /** The digits of s[from, to) without underscores, or null if it is not digit(_?digit)*. */
    static String digitsWithUnderscores(String s, int from, int to) {
        if (from >= to) {
            return null;
        }
        StringBuilder b = new StringBuilder(to - from);
        boolean lastDigit = false;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch >= '0' && ch <= '9') {
                b.append(ch);
                lastDigit = true;
            } else if (ch == '_' && lastDigit && i + 1 < to) {
                lastDigit = false;
            } else {
                return null;
            }
        }
        return lastDigit ? b.toString() : null;
    }

    static String stripSpace(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && Text.isSpace(s.charAt(a))) {
            a++;
        }
        while (b > a && Text.isSpace(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    static Object toFloat(Ctx c, Object o) {
        if (o instanceof Number || o instanceof Boolean) {
            return Num.asDouble(o);
        }
        if (o instanceof String s) {
            c.chargeText(s.length());
            Double d = parseFloat(stripSpace(s));
            if (d == null) {
                throw PyException.value("could not convert string to float: " + Repr.brief(s));
            }
            return d;
        }
        throw PyException.type("float() argument must be a string or a real number, not '"
                + Values.typeName(o) + "'");
    }

    /** Python's float() syntax, or null. */
    private static Double parseFloat(String s) {
        int i = 0;
        int n = s.length();
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        String rest = s.substring(i).toLowerCase(Locale.ROOT);
        if (rest.equals("inf") || rest.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (rest.equals("nan")) {
            return Double.NaN;
        }
        int mantissaEnd = i;
        while (mantissaEnd < n && s.charAt(mantissaEnd) != 'e' && s.charAt(mantissaEnd) != 'E') {
            mantissaEnd++;
        }
        int dot = s.indexOf('.', i);
        if (dot >= mantissaEnd) {
            dot = -1;
        }
        StringBuilder clean = new StringBuilder(n);
        clean.append(negative ? '-' : '+');
        String intPart = dot < 0 ? s.substring(i, mantissaEnd) : s.substring(i, dot);
        String fracPart = dot < 0 ? "" : s.substring(dot + 1, mantissaEnd);
        String ip = intPart.isEmpty() ? "" : digitsWithUnderscores(intPart, 0, intPart.length());
        String fp = fracPart.isEmpty() ? "" : digitsWithUnderscores(fracPart, 0, fracPart.length());
        if (ip == null || fp == null || ip.isEmpty() && fp.isEmpty()) {
            return null;
        }
        clean.append(ip.isEmpty() ? "0" : ip).append('.').append(fp.isEmpty() ? "0" : fp);
        if (mantissaEnd < n) {
            int e = mantissaEnd + 1;
            String sign = "";
            if (e < n && (s.charAt(e) == '+' || s.charAt(e) == '-')) {
                sign = String.valueOf(s.charAt(e));
                e++;
            }
            String ed = digitsWithUnderscores(s, e, n);
            if (ed == null) {
                return null;
            }
            clean.append('e').append(sign).append(ed);
        }
        return Double.parseDouble(clean.toString());
    }

    static Object round(Ctx c, Object x, Object ndigits) {
        if (!Num.isNumber(x)) {
            throw PyException.type("type " + Values.typeName(x) + " doesn't define __round__ method");
        }
        if (ndigits == null) {
            if (Num.isIntegral(x)) {
                return Num.isSmallInt(x) ? (Object) Num.asLong(x) : Num.normalize(Num.asBig(x));
            }
            return Num.truncToInt(Math.rint(Num.asDouble(x)));
        }
        if (!Num.isIntegral(ndigits)) {
            throw PyException.type("'" + Values.typeName(ndigits) + "' object cannot be interpreted as an integer");
        }
        long n = ndigits instanceof BigInteger b ? b.signum() * 100_000L : Num.asLong(ndigits);
        if (Num.isIntegral(x)) {
            BigInteger v = Num.asBig(x);
            if (n >= 0) {
                return Num.normalize(v);
            }
            if (-n > 20_000) {
                return 0L;
            }
            long words = Ctx.words(v) - n / 19 + 1;
            c.chargeIntegers(words, words);
            return Num.normalize(new BigDecimal(v).setScale((int) n, RoundingMode.HALF_EVEN).toBigInteger());
        }
        double d = Num.asDouble(x);
        if (Double.isNaN(d) || Double.isInfinite(d) || n > 400) {
            return d;
        }
        if (n < -400) {
            return Math.copySign(0.0, d);
        }
        double r = new BigDecimal(d).setScale((int) n, RoundingMode.HALF_EVEN).doubleValue();
        return r == 0.0 ? Math.copySign(0.0, d) : r;
    }
}
