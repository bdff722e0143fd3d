package dev.victor.workflow.expr.internal;

/**
 * Reads an f-string for the {@link Lexer}: its literal parts as FTEXT tokens and each
 * replacement field's expression as the tokens of that expression (lexed by a Lexer of its own),
 * ended by a FIELD_END token whose value is the conversion and the format spec.
 */
final class FStrings {
    private final Lexer l;

    FStrings(Lexer l) {
        this.l = l;
    }

    /**
     * An f-string: its literal parts as FTEXT tokens, each replacement field's expression as the
     * tokens of that expression, ended by a FIELD_END whose value is the conversion and the spec.
     */
    void read(boolean raw, int startLine, int startCol) {
        int n = l.src.length();
        char q = l.src.charAt(l.pos);
        boolean triple = l.pos + 2 < n && l.src.charAt(l.pos + 1) == q && l.src.charAt(l.pos + 2) == q;
        l.pos += triple ? 3 : 1;
        String closing = triple ? String.valueOf(q).repeat(3) : String.valueOf(q);
        l.add(Token.Kind.FSTART, "f" + closing, null, startLine, startCol);
        StringBuilder text = new StringBuilder();
        while (true) {
            if (l.pos >= n) {
                throw l.error(triple ? "unterminated triple-quoted f-string" : "unterminated f-string", startLine, startCol);
            }
            char c = l.src.charAt(l.pos);
            if (c == q && (!triple || l.src.startsWith(closing, l.pos))) {
                l.pos += triple ? 3 : 1;
                break;
            }
            if (c == '{' && l.pos + 1 < n && l.src.charAt(l.pos + 1) == '{' || c == '}' && l.pos + 1 < n
                    && l.src.charAt(l.pos + 1) == '}') {
                text.append(c);
                l.pos += 2;
            } else if (c == '}') {
                throw l.error("f-string: single '}' is not allowed", l.line, l.col());
            } else if (c == '{') {
                if (text.length() > 0) {
                    l.add(Token.Kind.FTEXT, "", text.toString(), l.line, l.col());
                    text.setLength(0);
                }
                field(q, triple);
            } else if (c == '\\') {
                l.escape(text, raw);
            } else if (c == '\n' || c == '\r') {
                if (!triple) {
                    throw l.error("unterminated f-string", startLine, startCol);
                }
                text.append('\n');
                l.consumeNewline();
            } else {
                text.append(c);
                l.pos++;
            }
        }
        if (text.length() > 0) {
            l.add(Token.Kind.FTEXT, "", text.toString(), l.line, l.col());
        }
        l.add(Token.Kind.FEND, closing, null, l.line, l.col());
    }

    /** One replacement field {@code {expression!conversion:spec}}, at the '{'. */
    private void field(char quote, boolean triple) {
        int fieldLine = l.line;
        int fieldCol = l.col();
        int start = ++l.pos;
        int depth = 0;
        int end = -1;
        int bang = -1;
        int colon = -1;
        int n = l.src.length();
        while (l.pos < n) {
            char c = l.src.charAt(l.pos);
            if (c == quote && (!triple || l.src.startsWith(String.valueOf(quote).repeat(3), l.pos)) || c == '\\'
                    || (c == '\n' || c == '\r') && !triple) {
                break;
            }
            if (c == '\'' || c == '"') {
                int close = l.src.indexOf(c, l.pos + 1);
                if (close < 0) {
                    break;
                }
                l.pos = close + 1;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (depth == 0 && c == '}') {
                end = l.pos;
                break;
            } else if (depth == 0 && c == '!' && (l.pos + 1 >= n || l.src.charAt(l.pos + 1) != '=') && bang < 0
                    && colon < 0) {
                bang = l.pos;
            } else if (depth == 0 && c == ':' && colon < 0) {
                colon = l.pos;
                int close = l.src.indexOf('}', l.pos);
                if (close < 0) {
                    break;
                }
                String spec = l.src.substring(l.pos + 1, close);
                if (spec.indexOf('{') >= 0) {
                    throw l.error("f-string: nested replacement fields in a format spec are not supported", l.line, l.col());
                }
                end = close;
                break;
            } else if (c == '\n' || c == '\r') {
                l.newline();
            }
            l.pos++;
        }
        if (end < 0) {
            throw l.error("f-string: expecting '}'", fieldLine, fieldCol);
        }
        int exprEnd = bang >= 0 ? bang : colon >= 0 ? colon : end;
        String expression = l.src.substring(start, exprEnd);
        if (expression.strip().isEmpty()) {
            throw l.error("f-string: empty expression not allowed", fieldLine, fieldCol);
        }
        if (expression.stripTrailing().endsWith("=") && !expression.stripTrailing().endsWith("==")
                && !expression.stripTrailing().endsWith("!=") && !expression.stripTrailing().endsWith("<=")
                && !expression.stripTrailing().endsWith(">=")) {
            throw l.error("f-string: '=' (self-documenting expressions) is not supported", fieldLine, fieldCol);
        }
        String conversion = "";
        if (bang >= 0) {
            conversion = l.src.substring(bang + 1, colon >= 0 ? colon : end).strip();
            if (!conversion.equals("r") && !conversion.equals("s") && !conversion.equals("a")) {
                throw l.error("f-string: invalid conversion character: expected 's', 'r', or 'a'", fieldLine, fieldCol);
            }
        }
        String spec = colon >= 0 ? l.src.substring(colon + 1, end) : "";
        Lexer inner = new Lexer("(" + expression + ")", false);
        inner.line = fieldLine;
        inner.lineStart = -fieldCol;
        inner.run();
        for (Token t : inner.out) {
            if (t.kind() != Token.Kind.EOF) {
                l.add(t.kind(), t.text(), t.value(), t.line(), t.col());
            }
        }
        l.pos = end + 1;
        l.add(Token.Kind.FIELD_END, "}", new String[] {conversion, spec}, l.line, l.col());
    }
}
