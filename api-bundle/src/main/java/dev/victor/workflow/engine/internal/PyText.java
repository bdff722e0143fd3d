package dev.victor.workflow.engine.internal;

import dev.victor.workflow.engine.render.Json;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * Python's view of values where the engine needs it: {@code str()} for branch labels and
 * templates, {@code ==} for merge conflicts. A stand-in until the expression language's
 * PyValues lands; then it delegates.
 */
public final class PyText {
    private PyText() {
    }

    /** Python's {@code str(value)}: strings as they are, True/False/None, numbers as Python prints them. */
    public static String str(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Boolean flag) {
            return flag ? "True" : "False";
        }
        if (value instanceof Double || value instanceof Float) {
            return floatText(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            return Json.write(value);
        }
        return value.toString();
    }

    private static String floatText(double number) {
        if (Double.isNaN(number)) {
            return "nan";
        }
        if (Double.isInfinite(number)) {
            return number > 0 ? "inf" : "-inf";
        }
        if (number == Math.rint(number) && Math.abs(number) < 1e16) {
            return ((long) number) + ".0";
        }
        String text = Double.toString(number);
        int exponent = text.indexOf('E');
        if (exponent < 0) {
            return text;
        }
        String mantissa = text.substring(0, exponent);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        int power = Integer.parseInt(text.substring(exponent + 1));
        return mantissa + "e" + (power < 0 ? "-" : "+") + (Math.abs(power) < 10 ? "0" : "") + Math.abs(power);
    }

    /** Python's {@code ==}: numbers compare by value across types. */
    public static boolean equal(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a instanceof Number x && b instanceof Number y && !(a instanceof Boolean) && !(b instanceof Boolean)) {
            if (x instanceof Double || x instanceof Float || y instanceof Double || y instanceof Float) {
                return x.doubleValue() == y.doubleValue();
            }
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return Objects.equals(a, b);
    }
}
