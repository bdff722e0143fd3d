package dev.victor.workflow.kernel;

import dev.victor.workflow.kernel.source.Sha256;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The fingerprint of a workflow: {@code sha256:} and the SHA-256 of the parsed document (the tree
 * a format produced, so layout, comments and the format itself do not count) with the chosen
 * workflow's name. Maps count in their order, numbers by value. Any change of the document
 * changes it, a change elsewhere in a document with several workflows included: a resume then
 * asks to migrate rather than guess.
 */
final class TreeFingerprint {
    private TreeFingerprint() {
    }

    static String of(Object tree, String workflowName) {
        StringBuilder text = new StringBuilder(1024);
        text.append(workflowName).append('\u0000');
        append(text, tree);
        return "sha256:" + Sha256.hex(text.toString());
    }

    private static void append(StringBuilder text, Object value) {
        if (value instanceof Map<?, ?> map) {
            text.append('{');
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                string(text, String.valueOf(entry.getKey()));
                text.append(':');
                append(text, entry.getValue());
                text.append(',');
            }
            text.append('}');
        } else if (value instanceof List<?> list) {
            text.append('[');
            for (Object item : list) {
                append(text, item);
                text.append(',');
            }
            text.append(']');
        } else if (value instanceof CharSequence string) {
            string(text, string.toString());
        } else if (value instanceof Number number) {
            text.append('n').append(number(number));
        } else {
            text.append(value);
        }
    }

    private static String number(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return Double.toString(d);
            }
            return "f" + new BigDecimal(d).stripTrailingZeros().toPlainString();
        }
        try {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return number.toString();
        }
    }

    private static void string(StringBuilder text, String string) {
        text.append('"').append(string.length()).append(':').append(string);
    }
}
