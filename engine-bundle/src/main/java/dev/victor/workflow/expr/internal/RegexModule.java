package dev.victor.workflow.expr.internal;

import dev.victor.workflow.expr.ExpressionLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code re}: Python patterns run by Java's engine after translation ({@code (?P<name>...)},
 * {@code (?P=name)}, {@code \Z}); constructs whose meaning differs between the two are refused.
 * The matcher reads the text through a counter: every 32 characters read are an evaluation step,
 * and one call may read at most {@link ExpressionLimits#MAX_REGEX_STEPS} characters, so
 * backtracking is bounded and the run's deadline reaches it.
 */
final class RegexModule {
    private RegexModule() {
    }

    /** Translates and compiles a Python pattern with Python's flag bits. */
    static Pattern compile(String pattern, long flags) {
        StringBuilder b = new StringBuilder(pattern.length() + 8);
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '\\' && i + 1 < pattern.length()) {
                char n = pattern.charAt(i + 1);
                if ("pPQEGRXhHvVkK".indexOf(n) >= 0 || n == 'z' || n == 'e' || n == 'c') {
                    throw refused(pattern, "'\\" + n + "' means something else (or nothing) in Python");
                }
                b.append(n == 'Z' ? "\\z" : "\\" + n);
                i++;
            } else if (inClass) {
                if (ch == '[' || ch == '&' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '&') {
                    throw refused(pattern, "'" + ch + "' inside [...] differs between Python and Java: escape it");
                }
                if (ch == ']' && b.charAt(b.length() - 1) != '[') {
                    inClass = false;
                }
                b.append(ch);
            } else if (ch == '[') {
                inClass = true;
                b.append(ch);
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '^') {
                    b.append('^');
                    i++;
                }
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == ']') {
                    b.append("\\]");
                    i++;
                }
            } else if (pattern.startsWith("(?P<", i)) {
                b.append("(?<");
                i += 3;
            } else if (pattern.startsWith("(?P=", i)) {
                int end = pattern.indexOf(')', i);
                if (end < 0) {
                    throw refused(pattern, "missing ), unterminated name");
                }
                b.append("\\k<").append(pattern, i + 4, end).append('>');
                i = end;
            } else {
                b.append(ch);
            }
        }
        int f = Pattern.UNICODE_CHARACTER_CLASS;
        f |= (flags & 2) != 0 ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        f |= (flags & 8) != 0 ? Pattern.MULTILINE : 0;
        f |= (flags & 16) != 0 ? Pattern.DOTALL : 0;
        f |= (flags & 64) != 0 ? Pattern.COMMENTS : 0;
        try {
            return Pattern.compile(b.toString(), f);
        } catch (PatternSyntaxException e) {
            throw refused(pattern, e.getDescription());
        }
    }

    private static PyException refused(String pattern, String why) {
        return PyException.of("re.error", why + " in pattern " + Repr.brief(pattern));
    }

    /** The text as the matcher reads it: every read is counted. */
    private static final class Counted implements CharSequence {
        private final Ctx c;
        private final String s;
        private long reads;

        Counted(Ctx c, String s) {
            this.c = c;
            this.s = s;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 31) == 0) {
                c.step();
                if (reads > ExpressionLimits.MAX_REGEX_STEPS) {
                    throw PyException.limit("the regular expression read more than " + ExpressionLimits.MAX_REGEX_STEPS
                            + " characters (ExpressionLimits.MAX_REGEX_STEPS)");
                }
            }
            return s.charAt(index);
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return s.substring(start, end);
        }

        @Override
        public String toString() {
            return s;
        }
    }

    private static String text(Object o, String what) {
        if (!(o instanceof String s)) {
            throw PyException.type("expected string or bytes-like object, got '" + Values.typeName(o) + "' (" + what + ")");
        }
        return s;
    }

    static Object call(Ctx c, String name, Object[] a, String[] kn, Object[] kv) {
        if (name.equals("escape")) {
            String s = text(a[0], "escape");
            StringBuilder b = new StringBuilder();
            for (char ch : s.toCharArray()) {
                if (!Character.isLetterOrDigit(ch) && ch != '_' && ch < 128) {
                    b.append('\\');
                }
                b.append(ch);
            }
            return b.toString();
        }
        String pattern = text(a[0], "pattern");
        int flagIndex = name.equals("sub") ? 4 : name.equals("split") ? 3 : 2;
        Object flagsV = a.length > flagIndex ? a[flagIndex] : Modules.keyword(kn, kv, "flags", 0L);
        c.chargeScan(pattern.length());
        Pattern p = compile(pattern, Num.asLong(flagsV));
        String s = text(name.equals("sub") ? a[2] : a[1], "string");
        c.chargeScan(s.length());
        Matcher m = p.matcher(new Counted(c, s));
        switch (name) {
            case "match":
                return m.lookingAt() ? new PyMatch(s, m.toMatchResult(), groupNames(p)) : null;
            case "search":
                return m.find() ? new PyMatch(s, m.toMatchResult(), groupNames(p)) : null;
            case "fullmatch":
                return m.matches() ? new PyMatch(s, m.toMatchResult(), groupNames(p)) : null;
            case "findall": {
                PyList out = c.newList();
                while (m.find()) {
                    c.step();
                    c.allocate(1);
                    if (m.groupCount() == 0) {
                        out.add(m.group());
                    } else if (m.groupCount() == 1) {
                        out.add(m.group(1) == null ? "" : m.group(1));
                    } else {
                        Object[] g = new Object[m.groupCount()];
                        for (int i = 0; i < g.length; i++) {
                            g[i] = m.group(i + 1) == null ? "" : m.group(i + 1);
                        }
                        out.add(PyTuple.wrap(g));
                    }
                }
                return out;
            }
            case "sub":
                return sub(c, p, m, s, a[1], a.length > 3 ? a[3] : Modules.keyword(kn, kv, "count", 0L));
            default:
                return split(c, m, s, a.length > 2 ? a[2] : Modules.keyword(kn, kv, "maxsplit", 0L));
        }
    }

    /** The name of each group by number (null for unnamed ones), read from the translated pattern. */
    private static List<String> groupNames(Pattern p) {
        List<String> names = new ArrayList<>();
        names.add(null);
        String s = p.pattern();
        boolean inClass = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\') {
                i++;
            } else if (inClass) {
                inClass = ch != ']';
            } else if (ch == '[') {
                inClass = true;
            } else if (ch == '(') {
                if (s.startsWith("(?<", i) && i + 3 < s.length() && s.charAt(i + 3) != '=' && s.charAt(i + 3) != '!') {
                    names.add(s.substring(i + 3, s.indexOf('>', i)));
                } else if (i + 1 >= s.length() || s.charAt(i + 1) != '?') {
                    names.add(null);
                }
            }
        }
        return names;
    }

    private static Object sub(Ctx c, Pattern p, Matcher m, String s, Object repl, Object countV) {
        long count = Num.asLong(countV);
        if (!(repl instanceof PyFunction)) {
            check(text(repl, "repl"), groupNames(p));
        }
        StringBuilder out = new StringBuilder();
        int last = 0;
        long done = 0;
        while ((count <= 0 || done < count) && m.find()) {
            c.step();
            out.append(s, last, m.start());
            if (repl instanceof PyFunction f) {
                Object r = f.call(c, new Object[] {new PyMatch(s, m.toMatchResult(), groupNames(p))}, new String[0],
                        new Object[0]);
                out.append(text(r, "the replacement function's result"));
            } else {
                expand(text(repl, "repl"), m, p, out);
            }
            last = m.end();
            done++;
            Ctx.checkSize(out.length(), "string built by re.sub");
        }
        out.append(s, last, s.length());
        c.allocate(out.length());
        return out.toString();
    }

    /** Python's replacement template: \1, \g<1>, \g<name> and the escapes. */
    private static void expand(String template, Matcher m, Pattern p, StringBuilder out) {
        for (int i = 0; i < template.length(); i++) {
            char ch = template.charAt(i);
            if (ch != '\\' || i + 1 == template.length()) {
                out.append(ch);
                continue;
            }
            char n = template.charAt(++i);
            if (Character.isDigit(n)) {
                int g = n - '0';
                if (i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
                    g = g * 10 + template.charAt(++i) - '0';
                }
                out.append(group(m, g));
            } else if (n == 'g' && i + 1 < template.length() && template.charAt(i + 1) == '<') {
                int end = template.indexOf('>', i);
                if (end < 0) {
                    throw PyException.of("re.error", "missing >, unterminated name");
                }
                String ref = template.substring(i + 2, end);
                out.append(ref.chars().allMatch(Character::isDigit) ? group(m, Integer.parseInt(ref))
                        : named(m, ref));
                i = end;
            } else {
                switch (n) {
                    case 'n': out.append('\n'); break;
                    case 't': out.append('\t'); break;
                    case 'r': out.append('\r'); break;
                    case '\\': out.append('\\'); break;
                    default:
                        if (Character.isLetter(n)) {
                            throw PyException.of("re.error", "bad escape \\" + n);
                        }
                        out.append('\\').append(n);
                }
            }
        }
    }

    /** Checks a replacement template before any match, as Python does: group references and escapes. */
    private static void check(String template, List<String> names) {
        for (int i = 0; i < template.length() - 1; i++) {
            if (template.charAt(i) != '\\') {
                continue;
            }
            char n = template.charAt(++i);
            int g = -1;
            if (Character.isDigit(n)) {
                g = n - '0';
                if (i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
                    g = g * 10 + template.charAt(++i) - '0';
                }
            } else if (n == 'g' && i + 1 < template.length() && template.charAt(i + 1) == '<') {
                int end = template.indexOf('>', i);
                if (end < 0) {
                    throw PyException.of("re.error", "missing >, unterminated name");
                }
                String ref = template.substring(i + 2, end);
                if (ref.chars().allMatch(Character::isDigit) && !ref.isEmpty()) {
                    g = Integer.parseInt(ref);
                } else if (!names.contains(ref)) {
                    throw PyException.of("IndexError", "unknown group name '" + ref + "'");
                }
                i = end;
            } else if (Character.isLetter(n) && "ntr".indexOf(n) < 0) {
                throw PyException.of("re.error", "bad escape \\" + n);
            }
            if (g >= names.size()) {
                throw PyException.of("re.error", "invalid group reference " + g);
            }
        }
    }

    private static String group(Matcher m, int g) {
        if (g > m.groupCount()) {
            throw PyException.of("re.error", "invalid group reference " + g);
        }
        return m.group(g) == null ? "" : m.group(g);
    }

    private static String named(Matcher m, String name) {
        try {
            return m.group(name) == null ? "" : m.group(name);
        } catch (IllegalArgumentException e) {
            throw PyException.of("IndexError", "unknown group name '" + name + "'");
        }
    }

    private static Object split(Ctx c, Matcher m, String s, Object maxV) {
        long max = Num.asLong(maxV);
        PyList out = c.newList();
        int last = 0;
        long done = 0;
        while ((max <= 0 || done < max) && m.find()) {
            c.step();
            out.add(s.substring(last, m.start()));
            for (int g = 1; g <= m.groupCount(); g++) {
                out.add(m.group(g));
            }
            last = m.end();
            done++;
        }
        out.add(s.substring(last));
        c.allocate(out.size());
        return out;
    }
}
