package dev.victor.workflow.yaml.internal;

import java.math.BigInteger;
import java.util.Locale;

/**
 * Turns the text of a scalar into the value its (YAML 1.1) tag says, the way SnakeYAML's safe
 * constructor does, without constructing anything else.
 */
final class YamlScalars {
    private YamlScalars() {
    }

    /** {@code yes/no/true/false/on/off} in any of their spellings; {@code null} when not a boolean. */
    static Boolean bool(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on":
                return Boolean.TRUE;
            case "no", "false", "off":
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    /**
     * A YAML 1.1 integer: decimal, {@code 0x} hex, {@code 0b} binary, leading-zero octal,
     * {@code :}-separated base 60, underscores ignored. An {@link Integer} when it fits, else a
     * {@link Long}, else a {@link BigInteger}; {@code null} when the text is not an integer.
     */
    static Number integer(String text) {
        String value = text.replace("_", "");
        if (value.isEmpty()) {
            return null;
        }
        boolean negative = false;
        char first = value.charAt(0);
        if (first == '-' || first == '+') {
            negative = first == '-';
            value = value.substring(1);
        }
        if (value.isEmpty()) {
            return null;
        }
        try {
            BigInteger result;
            if (value.equals("0")) {
                result = BigInteger.ZERO;
            } else if (value.startsWith("0b")) {
                result = new BigInteger(value.substring(2), 2);
            } else if (value.startsWith("0x")) {
                result = new BigInteger(value.substring(2), 16);
            } else if (value.startsWith("0o")) {
                result = new BigInteger(value.substring(2), 8);
            } else if (value.startsWith("0")) {
                result = new BigInteger(value.substring(1), 8);
            } else if (value.indexOf(':') >= 0) {
                result = BigInteger.ZERO;
                for (String part : value.split(":", -1)) {
                    result = result.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
                }
            } else {
                result = new BigInteger(value);
            }
            return narrow(negative ? result.negate() : result);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Number narrow(BigInteger value) {
        if (value.bitLength() < 32) {
            return value.intValue();
        }
        if (value.bitLength() < 64) {
            return value.longValue();
        }
        return value;
    }

    /** A YAML 1.1 float, including {@code .inf}, {@code -.inf}, {@code .nan} and base 60; else {@code null}. */
    static Double floating(String text) {
        String value = text.replace("_", "");
        String lower = value.toLowerCase(Locale.ROOT);
        switch (lower) {
            case ".inf", "+.inf":
                return Double.POSITIVE_INFINITY;
            case "-.inf":
                return Double.NEGATIVE_INFINITY;
            case ".nan":
                return Double.NaN;
            default:
                break;
        }
        try {
            if (value.indexOf(':') >= 0) {
                double sign = 1;
                if (value.startsWith("-") || value.startsWith("+")) {
                    sign = value.startsWith("-") ? -1 : 1;
                    value = value.substring(1);
                }
                double result = 0;
                for (String part : value.split(":", -1)) {
                    result = result * 60 + Double.parseDouble(part);
                }
                return sign * result;
            }
            if (lower.contains("inf") || lower.contains("nan") || lower.endsWith("d") || lower.endsWith("f")
                    || lower.startsWith("0x")) {
                return null;
            }
            return Double.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
