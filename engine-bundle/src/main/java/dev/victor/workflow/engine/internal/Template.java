package dev.victor.workflow.engine.internal;

import dev.victor.workflow.engine.render.Json;
import dev.victor.workflow.expr.PyValues;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A goal or prompt with {@code {key}} / {@code {{key}}} placeholders (dotted paths allowed), parsed
 * once. Only {@code {identifier(.identifier)*}} is a placeholder, so JSON in the text stays as it
 * is; a name that is not in the state is left as written; maps and lists render as JSON,
 * strings as they are, other values as Python prints them.
 */
public final class Template {
    private static final Template EMPTY = new Template("", new Object[] {""});

    private final String text;
    /** Literal strings and {@link Slot}s, in order. */
    private final Object[] parts;

    private Template(String text, Object[] parts) {
        this.text = text;
        this.parts = parts;
    }

    private record Slot(String written, String name, String[] path) {
    }

    public String text() {
        return text;
    }

    public boolean isConstant() {
        return parts.length == 1 && parts[0] instanceof String;
    }

    public static Template parse(String text) {
        if (text == null || text.isEmpty()) {
            return EMPTY;
        }
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            if (c == '{') {
                boolean doubled = i + 1 < length && text.charAt(i + 1) == '{';
                int nameStart = doubled ? i + 2 : i + 1;
                int nameEnd = scanPath(text, nameStart);
                if (nameEnd > nameStart) {
                    int close = nameEnd;
                    boolean closed;
                    if (doubled) {
                        closed = close + 1 < length && text.charAt(close) == '}' && text.charAt(close + 1) == '}';
                        close += 2;
                    } else {
                        closed = close < length && text.charAt(close) == '}';
                        close += 1;
                    }
                    if (closed) {
                        if (literal.length() > 0) {
                            parts.add(literal.toString());
                            literal.setLength(0);
                        }
                        String name = text.substring(nameStart, nameEnd);
                        parts.add(new Slot(text.substring(i, close), name, Paths.split(name)));
                        i = close;
                        continue;
                    }
                }
            }
            literal.append(c);
            i++;
        }
        if (literal.length() > 0 || parts.isEmpty()) {
            parts.add(literal.toString());
        }
        return new Template(text, parts.toArray());
    }

    /** The end of an {@code identifier(.identifier)*} starting at {@code start}, or {@code start}. */
    private static int scanPath(String text, int start) {
        int i = start;
        int length = text.length();
        int lastGood = start;
        while (true) {
            if (i >= length || !isIdentifierStart(text.charAt(i))) {
                return lastGood;
            }
            i++;
            while (i < length && isIdentifierPart(text.charAt(i))) {
                i++;
            }
            lastGood = i;
            if (i < length && text.charAt(i) == '.') {
                i++;
            } else {
                return lastGood;
            }
        }
    }

    private static boolean isIdentifierStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9');
    }

    /** Renders against the state; {@code aliases} (may be empty) are looked up first. */
    public String render(Map<String, Object> state, Map<String, Object> aliases) {
        if (isConstant()) {
            return (String) parts[0];
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        for (Object part : parts) {
            if (part instanceof String literal) {
                out.append(literal);
                continue;
            }
            Slot slot = (Slot) part;
            Object value = Paths.MISSING;
            if (!aliases.isEmpty()) {
                value = Paths.lookup(aliases, slot.path());
            }
            if (value == Paths.MISSING) {
                value = Paths.lookup(state, slot.path());
            }
            if (value == Paths.MISSING) {
                out.append(slot.written());
            } else {
                appendValue(value, out);
            }
        }
        return out.toString();
    }

    static void appendValue(Object value, StringBuilder out) {
        if (value instanceof String text) {
            out.append(text);
        } else if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            Json.write(value, out);
        } else {
            out.append(PyValues.str(value));
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
