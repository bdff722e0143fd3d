package dev.victor.workflow.kernel;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

    /** Text is hashed in pieces of about this many characters, so a large document is never held as one text. */
    private static final int PIECE = 8192;

    static String of(Object tree, String workflowName) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
        StringBuilder text = new StringBuilder(PIECE + 256);
        text.append(workflowName).append('\u0000');
        append(text, tree, digest);
        feed(text, digest);
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Hashes what the text holds and empties it. Called only between whole values, so a piece
     * never ends inside a character's UTF-16 pair: the bytes hashed are those of the whole text.
     */
    private static void feed(StringBuilder text, MessageDigest digest) {
        digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
        text.setLength(0);
    }

    private static void append(StringBuilder text, Object value, MessageDigest digest) {
        if (text.length() >= PIECE) {
            feed(text, digest);
        }
        if (value instanceof Map<?, ?> map) {
            text.append('{');
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                string(text, String.valueOf(entry.getKey()));
                text.append(':');
                append(text, entry.getValue(), digest);
                text.append(',');
            }
            text.append('}');
        } else if (value instanceof List<?> list) {
            text.append('[');
            for (Object item : list) {
                append(text, item, digest);
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
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte
                || number instanceof java.math.BigInteger) {
            return number.toString();
        }
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
