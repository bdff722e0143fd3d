package dev.victor.workflow.expr.internal;

import dev.victor.workflow.expr.ExpressionLimits;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code json.dumps} and {@code json.loads} with CPython's output and errors. Written here rather
 * than on Jackson, which the rest of the runtime uses for JSON, because the transform language
 * promises CPython's exact text: floats in Python's repr ({@code 1e+16}, {@code 1e-07}, where Jackson
 * writes {@code 1.0E16}), CPython's separators and {@code indent} layout, keys coerced as Python
 * does ({@code True} to {@code "true"}, {@code 1.5} to {@code "1.5"}), {@code sort_keys}'s
 * {@code TypeError} on mixed keys, and {@code JSONDecodeError} messages with line, column and
 * character offset; and because every value written or read is charged to the expression limits
 * (steps, allocation, nesting) as it goes.
 */
final class JsonModule {
    private JsonModule() {
    }

    static String dumps(Ctx c, Object value, String[] kn, Object[] kv) {
        Object indentV = Modules.keyword(kn, kv, "indent", null);
        String indent = indentV == null ? null : indentV instanceof String s ? s
                : " ".repeat((int) Math.max(0, Math.min(1000, Num.asLong(indentV))));
        boolean sortKeys = Values.truthy(Modules.keyword(kn, kv, "sort_keys", false));
        boolean ascii = Values.truthy(Modules.keyword(kn, kv, "ensure_ascii", true));
        String itemSep = indent == null ? ", " : ",";
        String keySep = ": ";
        Object seps = Modules.keyword(kn, kv, "separators", null);
        if (seps instanceof List<?> l && l.size() == 2 && l.get(0) instanceof String a && l.get(1) instanceof String b) {
            itemSep = a;
            keySep = b;
        }
        StringBuilder out = new StringBuilder();
        new Writer(c, out, indent, sortKeys, ascii, itemSep, keySep).write(value, 0);
        c.allocate(out.length());
        return out.toString();
    }

    private record Writer(Ctx c, StringBuilder out, String indent, boolean sortKeys, boolean ascii, String itemSep,
            String keySep) {
        void write(Object v, int level) {
            c.step();
            if (level > ExpressionLimits.MAX_NESTING_DEPTH) {
                throw PyException.limit("json.dumps of a value nested deeper than " + ExpressionLimits.MAX_NESTING_DEPTH
                        + " levels (ExpressionLimits.MAX_NESTING_DEPTH)");
            }
            if (v == null) {
                out.append("null");
            } else if (v instanceof Boolean b) {
                out.append(b ? "true" : "false");
            } else if (v instanceof String s) {
                string(s);
            } else if (Num.isIntegral(v)) {
                out.append(Num.asBig(v));
            } else if (v instanceof Number) {
                out.append(number(Num.asDouble(v)));
            } else if (v instanceof Map<?, ?> m) {
                map(m, level);
            } else if (v instanceof List<?> l) {
                if (l.isEmpty()) {
                    out.append("[]");
                    return;
                }
                out.append('[');
                boolean first = true;
                for (Object o : l) {
                    separator(first, level + 1);
                    first = false;
                    write(o, level + 1);
                }
                close(level);
                out.append(']');
            } else {
                throw PyException.type("Object of type " + Values.typeName(v) + " is not JSON serializable");
            }
        }

        private void map(Map<?, ?> m, int level) {
            if (m.isEmpty()) {
                out.append("{}");
                return;
            }
            List<Map.Entry<String, Object>> entries = new ArrayList<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                entries.add(Map.entry(key(e.getKey()), e.getValue() == null ? NULL : e.getValue()));
            }
            if (sortKeys) {
                entries.sort(Map.Entry.comparingByKey());
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : entries) {
                separator(first, level + 1);
                first = false;
                string(e.getKey());
                out.append(keySep);
                write(e.getValue() == NULL ? null : e.getValue(), level + 1);
            }
            close(level);
            out.append('}');
        }

        private void separator(boolean first, int level) {
            if (!first) {
                out.append(itemSep);
            }
            if (indent != null) {
                out.append('\n').append(indent.repeat(level));
            }
        }

        private void close(int level) {
            if (indent != null) {
                out.append('\n').append(indent.repeat(level));
            }
        }

        private String key(Object k) {
            if (k instanceof String s) {
                return s;
            }
            if (k == null) {
                return "null";
            }
            if (k instanceof Boolean b) {
                return b ? "true" : "false";
            }
            if (Num.isIntegral(k)) {
                return Num.asBig(k).toString();
            }
            if (k instanceof Number) {
                return number(Num.asDouble(k));
            }
            throw PyException.type("keys must be str, int, float, bool or None, not " + Values.typeName(k));
        }

        private void string(String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '"': out.append("\\\""); break;
                    case '\\': out.append("\\\\"); break;
                    case '\n': out.append("\\n"); break;
                    case '\r': out.append("\\r"); break;
                    case '\t': out.append("\\t"); break;
                    case '\b': out.append("\\b"); break;
                    case '\f': out.append("\\f"); break;
                    default:
                        if (ch < 0x20 || ascii && ch > 0x7f) {
                            out.append(String.format("\\u%04x", (int) ch));
                        } else {
                            out.append(ch);
                        }
                }
            }
            out.append('"');
        }
    }

    private static final Object NULL = new Object();

    private static String number(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return Repr.floatRepr(d);
    }

    static Object loads(Ctx c, Object text) {
        if (!(text instanceof String s)) {
            throw PyException.type("the JSON object must be str, bytes or bytearray, not " + Values.typeName(text));
        }
        c.chargeScan(s.length());
        c.allocate(s.length());
        Reader r = new Reader(c, s);
        r.space();
        Object v = r.value(0);
        r.space();
        if (r.pos < s.length()) {
            throw r.error("Extra data");
        }
        return v;
    }

    private static final class Reader {
        private final Ctx c;
        private final String s;
        private int pos;

        Reader(Ctx c, String s) {
            this.c = c;
            this.s = s;
        }

        PyException error(String what) {
            int line = 1;
            int col = 1;
            for (int i = 0; i < pos && i < s.length(); i++) {
                if (s.charAt(i) == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            return PyException.of("JSONDecodeError", what + ": line " + line + " column " + col + " (char " + pos + ")");
        }

        void space() {
            while (pos < s.length() && " \t\n\r".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
        }

        Object value(int depth) {
            c.step();
            if (depth > ExpressionLimits.MAX_NESTING_DEPTH) {
                throw PyException.limit("json.loads of a document nested deeper than " + ExpressionLimits.MAX_NESTING_DEPTH
                        + " levels (ExpressionLimits.MAX_NESTING_DEPTH)");
            }
            if (pos >= s.length()) {
                throw error("Expecting value");
            }
            char ch = s.charAt(pos);
            switch (ch) {
                case '{':
                    return object(depth);
                case '[':
                    return array(depth);
                case '"':
                    return string();
                default:
                    break;
            }
            for (String[] word : new String[][] {{"null", null}, {"true", "t"}, {"false", "f"}, {"NaN", "n"},
                {"Infinity", "i"}, {"-Infinity", "-"}}) {
                if (s.startsWith(word[0], pos)) {
                    pos += word[0].length();
                    return word[1] == null ? null : switch (word[1]) {
                        case "t" -> Boolean.TRUE;
                        case "f" -> Boolean.FALSE;
                        case "n" -> Double.NaN;
                        case "i" -> Double.POSITIVE_INFINITY;
                        default -> Double.NEGATIVE_INFINITY;
                    };
                }
            }
            return number();
        }

        private Object number() {
            int start = pos;
            if (pos < s.length() && s.charAt(pos) == '-') {
                pos++;
            }
            int digits = pos;
            if (pos < s.length() && s.charAt(pos) == '0') {
                pos++;
            } else {
                while (pos < s.length() && Character.isDigit(s.charAt(pos)) && s.charAt(pos) < 128) {
                    pos++;
                }
            }
            if (pos == digits) {
                pos = start;
                throw error("Expecting value");
            }
            boolean real = false;
            if (pos + 1 < s.length() && s.charAt(pos) == '.' && isDigit(pos + 1)) {
                real = true;
                pos++;
                while (isDigit(pos)) {
                    pos++;
                }
            }
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                int p = pos + 1;
                if (p < s.length() && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
                    p++;
                }
                if (isDigit(p)) {
                    real = true;
                    pos = p;
                    while (isDigit(pos)) {
                        pos++;
                    }
                }
            }
            String text = s.substring(start, pos);
            if (real) {
                return Double.parseDouble(text);
            }
            if (text.length() > 4300) {
                throw PyException.value("Exceeds the limit (4300 digits) for integer string conversion");
            }
            return Modules.normal(new BigInteger(text));
        }

        private boolean isDigit(int p) {
            return p < s.length() && s.charAt(p) >= '0' && s.charAt(p) <= '9';
        }

        private String string() {
            pos++;
            StringBuilder b = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    throw error("Unterminated string starting at");
                }
                char ch = s.charAt(pos++);
                if (ch == '"') {
                    return b.toString();
                }
                if (ch < 0x20) {
                    pos--;
                    throw error("Invalid control character at");
                }
                if (ch != '\\') {
                    b.append(ch);
                    continue;
                }
                if (pos >= s.length()) {
                    throw error("Unterminated string starting at");
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case '"': b.append('"'); break;
                    case '\\': b.append('\\'); break;
                    case '/': b.append('/'); break;
                    case 'b': b.append('\b'); break;
                    case 'f': b.append('\f'); break;
                    case 'n': b.append('\n'); break;
                    case 'r': b.append('\r'); break;
                    case 't': b.append('\t'); break;
                    case 'u': {
                        if (pos + 4 > s.length()) {
                            throw error("Invalid \\uXXXX escape");
                        }
                        try {
                            b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException x) {
                            throw error("Invalid \\uXXXX escape");
                        }
                        pos += 4;
                        break;
                    }
                    default:
                        pos -= 2;
                        throw error("Invalid \\escape");
                }
            }
        }

        private List<Object> array(int depth) {
            pos++;
            PyList out = c.newList();
            space();
            if (pos < s.length() && s.charAt(pos) == ']') {
                pos++;
                return out;
            }
            while (true) {
                space();
                out.add(value(depth + 1));
                space();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                } else if (pos < s.length() && s.charAt(pos) == ']') {
                    pos++;
                    return out;
                } else {
                    throw error("Expecting ',' delimiter");
                }
            }
        }

        private Map<Object, Object> object(int depth) {
            pos++;
            Map<Object, Object> out = new PyDict(c.owner());
            space();
            if (pos < s.length() && s.charAt(pos) == '}') {
                pos++;
                return out;
            }
            while (true) {
                space();
                if (pos >= s.length() || s.charAt(pos) != '"') {
                    throw error("Expecting property name enclosed in double quotes");
                }
                String key = string();
                space();
                if (pos >= s.length() || s.charAt(pos) != ':') {
                    throw error("Expecting ':' delimiter");
                }
                pos++;
                space();
                out.put(key, value(depth + 1));
                space();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                } else if (pos < s.length() && s.charAt(pos) == '}') {
                    pos++;
                    return out;
                } else {
                    throw error("Expecting ',' delimiter");
                }
            }
        }
    }
}
