package dev.victor.workflow.expr.internal;

import java.util.List;
import java.util.Map;

/**
 * {@code str.format} and {@code %} formatting, as CPython does them; the format specs are
 * those of f-strings ({@link Format}). A field reaches into an argument with {@code [key]}
 * only (an item of a list or dict); attributes are not read.
 */
final class StrFormat {
    private StrFormat() {
    }

    /** {@code template.format(*args, **keywords)}. */
    static String format(Ctx c, String template, Object[] args, String[] names, Object[] values) {
        c.chargeScan(template.length());
        StringBuilder b = new StringBuilder();
        int auto = 0;
        boolean manual = false;
        int n = template.length();
        for (int i = 0; i < n; i++) {
            char ch = template.charAt(i);
            if (ch == '}') {
                if (i + 1 < n && template.charAt(i + 1) == '}') {
                    b.append('}');
                    i++;
                    continue;
                }
                throw PyException.value("Single '}' encountered in format string");
            }
            if (ch != '{') {
                b.append(ch);
                continue;
            }
            if (i + 1 < n && template.charAt(i + 1) == '{') {
                b.append('{');
                i++;
                continue;
            }
            int end = i + 1;
            int depth = 1;
            while (end < n) {
                char e = template.charAt(end);
                if (e == '{') {
                    depth++;
                } else if (e == '}' && --depth == 0) {
                    break;
                }
                end++;
            }
            if (end >= n) {
                throw PyException.value(depth > 1 || template.indexOf('}', i) >= 0
                        ? "expected '}' before end of string" : "Single '{' encountered in format string");
            }
            String field = template.substring(i + 1, end);
            i = end;
            String spec = "";
            char conversion = 0;
            int colon = nameEnd(field, ':');
            if (colon >= 0) {
                spec = field.substring(colon + 1);
                field = field.substring(0, colon);
            }
            int bang = nameEnd(field, '!');
            if (bang >= 0) {
                String conv = field.substring(bang + 1);
                field = field.substring(0, bang);
                if (conv.length() != 1) {
                    throw PyException.value(conv.isEmpty() ? "end of string while looking for conversion specifier"
                            : "expected ':' after conversion specifier");
                }
                conversion = conv.charAt(0);
                if ("rsa".indexOf(conversion) < 0) {
                    throw PyException.value("Unknown conversion specifier " + conversion);
                }
            }
            if (spec.indexOf('{') >= 0) {
                throw PyException.value("nested replacement fields in a format spec are not supported");
            }
            int firstEnd = 0;
            while (firstEnd < field.length() && field.charAt(firstEnd) != '[' && field.charAt(firstEnd) != '.') {
                firstEnd++;
            }
            String first = field.substring(0, firstEnd);
            Object v;
            if (first.isEmpty()) {
                if (manual) {
                    throw PyException.value("cannot switch from manual field specification to automatic field numbering");
                }
                v = positional(args, auto++);
            } else if (first.chars().allMatch(Character::isDigit)) {
                if (auto > 0) {
                    throw PyException.value("cannot switch from automatic field numbering to manual field specification");
                }
                manual = true;
                v = positional(args, first.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(first));
            } else {
                v = keyword(names, values, first);
            }
            v = items(c, v, field, firstEnd);
            c.step();
            if (conversion == 'r' || conversion == 'a') {
                v = Repr.repr(v);
            } else if (conversion == 's') {
                v = Repr.str(c, v);
            }
            b.append(Format.format(c, v, spec));
            Ctx.checkSize(b.length(), "string built by format()");
        }
        c.chargeText(b.length());
        c.allocate(b.length());
        return b.toString();
    }

    /** The index of the first c outside brackets in a field, or -1. */
    private static int nameEnd(String field, char c) {
        boolean inBracket = false;
        for (int i = 0; i < field.length(); i++) {
            char ch = field.charAt(i);
            if (ch == '[') {
                inBracket = true;
            } else if (ch == ']') {
                inBracket = false;
            } else if (ch == c && !inBracket) {
                return i;
            }
        }
        return -1;
    }

    private static Object positional(Object[] args, int index) {
        if (index >= args.length) {
            throw PyException.index("Replacement index " + index + " out of range for positional args tuple");
        }
        return args[index];
    }

    private static Object keyword(String[] names, Object[] values, String name) {
        for (int k = 0; k < names.length; k++) {
            if (names[k].equals(name)) {
                return values[k];
            }
        }
        throw PyException.key(Repr.repr(name));
    }

    /** {@code [key]} parts after a field's name: an item of a list (digits) or a dict (text). */
    private static Object items(Ctx c, Object v, String field, int from) {
        int i = from;
        while (i < field.length()) {
            if (field.charAt(i) == '.') {
                throw PyException.attribute("format fields read items ([key]) here, not attributes ('"
                        + field + "')");
            }
            int close = field.indexOf(']', i);
            if (close < 0) {
                throw PyException.value("Missing ']' in format string");
            }
            String key = field.substring(i + 1, close);
            if (key.isEmpty()) {
                throw PyException.value("Empty attribute in format string");
            }
            Object k = key.chars().allMatch(Character::isDigit) && key.length() < 10 ? (Object) Long.parseLong(key) : key;
            v = Accessors.item(c, v, k);
            i = close + 1;
            if (i < field.length() && field.charAt(i) != '[' && field.charAt(i) != '.') {
                throw PyException.value("Only '.' or '[' may follow ']' in format field specifier");
            }
        }
        return v;
    }

    /** {@code template % args}: printf-style formatting. */
    static String percent(Ctx c, String template, Object args) {
        c.chargeScan(template.length());
        List<?> positional = args instanceof PyTuple t ? t : List.of(args == null ? NONE : args);
        Map<?, ?> mapping = args instanceof Map<?, ?> m ? m : null;
        StringBuilder b = new StringBuilder();
        int next = 0;
        boolean usedMapping = false;
        int n = template.length();
        for (int i = 0; i < n; i++) {
            char ch = template.charAt(i);
            if (ch != '%') {
                b.append(ch);
                continue;
            }
            int start = i;
            if (++i >= n) {
                throw PyException.value("incomplete format");
            }
            Object key = null;
            if (template.charAt(i) == '(') {
                int close = template.indexOf(')', i);
                if (close < 0) {
                    throw PyException.value("incomplete format key");
                }
                if (mapping == null) {
                    throw PyException.type("format requires a mapping");
                }
                key = template.substring(i + 1, close);
                usedMapping = true;
                i = close + 1;
            }
            StringBuilder flags = new StringBuilder();
            while (i < n && "-+ #0".indexOf(template.charAt(i)) >= 0) {
                flags.append(template.charAt(i++));
            }
            int width = -1;
            int precision = -1;
            int digits = i;
            while (i < n && Character.isDigit(template.charAt(i))) {
                i++;
            }
            if (i > digits) {
                width = parseCount(template.substring(digits, i));
            }
            if (i < n && template.charAt(i) == '.') {
                int p = ++i;
                while (i < n && Character.isDigit(template.charAt(i))) {
                    i++;
                }
                precision = i > p ? parseCount(template.substring(p, i)) : 0;
            }
            if (i < n && template.charAt(i) == '*') {
                throw PyException.value("'*' in % formatting is not supported: give the width in the format");
            }
            if (i >= n) {
                throw PyException.value("incomplete format");
            }
            char type = template.charAt(i);
            if (type == '%' && i == start + 1) {
                b.append('%');
                continue;
            }
            Object v;
            if (key != null) {
                Object found = Maps.lookup(c, mapping, key);
                if (found == Maps.MISSING) {
                    throw PyException.key(Repr.repr(key));
                }
                v = found;
            } else {
                if (next >= positional.size()) {
                    throw PyException.type("not enough arguments for format string");
                }
                v = positional.get(next++);
                v = v == NONE ? null : v;
            }
            c.step();
            b.append(convert(c, v, type, flags.toString(), width, precision, i));
            Ctx.checkSize(b.length(), "string built by % formatting");
        }
        if (!usedMapping && next < positional.size() && !(mapping != null && next == 0)) {
            throw PyException.type("not all arguments converted during string formatting");
        }
        c.chargeText(b.length());
        c.allocate(b.length());
        return b.toString();
    }

    /** Stands for a None argument in the one-item list of a single argument. */
    private static final Object NONE = new Object();

    private static int parseCount(String digits) {
        if (digits.length() > 9) {
            throw PyException.value("width too big");
        }
        int v = Integer.parseInt(digits);
        Ctx.checkSize(v, "string built by % formatting");
        return v;
    }

    private static String convert(Ctx c, Object v, char type, String flags, int width, int precision, int index) {
        boolean left = flags.indexOf('-') >= 0;
        boolean zero = flags.indexOf('0') >= 0 && !left;
        String sign = flags.indexOf('+') >= 0 ? "+" : flags.indexOf(' ') >= 0 ? " " : "";
        String alt = flags.indexOf('#') >= 0 ? "#" : "";
        String w = width >= 0 ? Integer.toString(width) : "";
        String p = precision >= 0 ? "." + precision : "";
        switch (type) {
            case 's':
            case 'r':
            case 'a': {
                String text = type == 's' ? Repr.str(c, v) : Repr.repr(v);
                if (precision >= 0 && precision < text.length()) {
                    text = text.substring(0, precision);
                }
                return Format.format(c, text, (left ? "<" : ">") + w);
            }
            case 'd':
            case 'i':
            case 'u': {
                if (precision >= 0) {
                    throw PyException.value("a precision with %" + type + " is not supported: pad with zfill()");
                }
                if (!Num.isNumber(v)) {
                    throw PyException.type("%" + type + " format: a real number is required, not " + Values.typeName(v));
                }
                Object i = Conversions.toInt(c, v);
                return Format.format(c, i, numberSpec(left, zero, sign, "", w) + "d");
            }
            case 'x':
            case 'X':
            case 'o': {
                if (precision >= 0) {
                    throw PyException.value("a precision with %" + type + " is not supported: pad with zfill()");
                }
                if (!Num.isIntegral(v) && !(v instanceof Boolean)) {
                    throw PyException.type("%" + type + " format: an integer is required, not " + Values.typeName(v));
                }
                return Format.format(c, v instanceof Boolean bo ? (Object) (bo ? 1L : 0L) : v,
                        numberSpec(left, zero, sign, alt, w) + type);
            }
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G': {
                if (!Num.isNumber(v)) {
                    throw PyException.type("must be real number, not " + Values.typeName(v));
                }
                return Format.format(c, Num.asDouble(v), numberSpec(left, zero, sign, alt, w)
                        + (precision >= 0 ? p : ".6") + type);
            }
            case 'c': {
                if (v instanceof String s && s.codePointCount(0, s.length()) == 1) {
                    return Format.format(c, s, (left ? "<" : ">") + w);
                }
                if (!Num.isIntegral(v) || v instanceof Boolean) {
                    throw PyException.type("%c requires int or char");
                }
                long cp = Num.asLong(v);
                if (cp < 0 || cp > 0x10FFFF) {
                    throw PyException.overflow("%c arg not in range(0x110000)");
                }
                return Format.format(c, new String(Character.toChars((int) cp)), (left ? "<" : ">") + w);
            }
            default:
                throw PyException.value("unsupported format character '" + type + "' (0x"
                        + Integer.toHexString(type) + ") at index " + index);
        }
    }

    private static String numberSpec(boolean left, boolean zero, String sign, String alt, String width) {
        if (left) {
            return "<" + sign + alt + width;
        }
        return zero ? sign + alt + "0" + width : ">" + sign + alt + width;
    }
}
