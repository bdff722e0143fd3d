package dev.victor.workflow.expr.internal;

import dev.victor.workflow.expr.ExpressionLimits;
import dev.victor.workflow.expr.ExpressionSyntaxException;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Splits a text into tokens. In an expression, line breaks are spaces; in a program, a line
 * break outside brackets ends a statement and indentation gives INDENT and DEDENT tokens, as
 * in Python. It also pairs the brackets, and notes which brackets directly hold a {@code for}
 * (comprehensions), so that the parser knows before it reads the element.
 */
final class Lexer {
    static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "if", "else", "for",
            "True", "False", "None", "true", "false", "null", "lambda", "import", "from", "def", "return",
            "while", "as", "try", "except", "finally", "raise", "assert", "del", "pass", "break", "continue",
            "elif");
    /** Keywords that start a statement (in a transform program). */
    static final Set<String> STATEMENTS = Set.of("import", "from", "def", "return", "while", "try", "except",
            "finally", "raise", "assert", "del", "pass", "break", "continue", "elif", "if", "for");
    /** Python keywords that this language does not have. */
    static final Set<String> UNSUPPORTED = Set.of("class", "yield", "with", "global", "nonlocal", "async",
            "await");
    private static final String[] OPERATORS = {"<<=", ">>=", "**=", "//=", "**", "//", "==", "!=", "<=", ">=",
        "<<", ">>", "&=", "|=", "^=", "+=", "-=",
        "*=", "/=", "%=", "+", "-", "*", "/", "%", "<", ">", "=", "(", ")", "[", "]", "{", "}", ",", ":", ".",
        ";", "&", "|", "^"};
    private static final String[] REFUSED = {":=", "->", "@=", "~", "@"};

    /** The tokens, and for each opening bracket the index of its closing one (-1) and whether it holds a for. */
    record Tokens(List<Token> list, int[] close, boolean[] holdsFor) {
    }

    final String src;
    private final boolean program;
    final List<Token> out = new ArrayList<>();
    private final Deque<Integer> open = new ArrayDeque<>();
    private int[] close = new int[16];
    private boolean[] holdsFor = new boolean[16];
    int pos;
    int line = 1;
    int lineStart;

    Lexer(String src, boolean program) {
        this.src = src;
        this.program = program;
    }

    static Tokens tokenize(String src, boolean program) {
        if (src.length() > ExpressionLimits.MAX_TEXT_LENGTH) {
            throw new ExpressionSyntaxException("text is longer than " + ExpressionLimits.MAX_TEXT_LENGTH
                    + " characters (ExpressionLimits.MAX_TEXT_LENGTH)", 1, 1);
        }
        Lexer l = new Lexer(src, program);
        l.run();
        int n = l.out.size();
        return new Tokens(List.copyOf(l.out), Arrays.copyOf(l.close, n), Arrays.copyOf(l.holdsFor, n));
    }

    ExpressionSyntaxException error(String msg, int atLine, int atCol) {
        return new ExpressionSyntaxException(msg, atLine, atCol);
    }

    int col() {
        return pos - lineStart + 1;
    }

    void add(Token.Kind kind, String text, Object value, int l, int c) {
        int index = out.size();
        if (index >= close.length) {
            close = Arrays.copyOf(close, index * 2);
            holdsFor = Arrays.copyOf(holdsFor, index * 2);
        }
        close[index] = -1;
        out.add(new Token(kind, text, value, l, c));
        if (kind == Token.Kind.OP) {
            if (text.equals("(") || text.equals("[") || text.equals("{")) {
                open.push(index);
            } else if ((text.equals(")") || text.equals("]") || text.equals("}")) && !open.isEmpty()) {
                close[open.pop()] = index;
            }
        } else if (kind == Token.Kind.KEYWORD && text.equals("for") && !open.isEmpty()) {
            holdsFor[open.peek()] = true;
        }
    }

    void newline() {
        line++;
        lineStart = pos;
    }

    void run() {
        Deque<Integer> indents = new ArrayDeque<>();
        indents.push(0);
        boolean atLineStart = program;
        int n = src.length();
        while (true) {
            if (atLineStart && open.isEmpty()) {
                atLineStart = false;
                int width = 0;
                int p = pos;
                while (p < n && (src.charAt(p) == ' ' || src.charAt(p) == '\t' || src.charAt(p) == '\f')) {
                    width = src.charAt(p) == '\t' ? (width / 8 + 1) * 8 : width + 1;
                    p++;
                }
                if (p >= n) {
                    pos = p;
                    break;
                }
                char c = src.charAt(p);
                if (c == '\n' || c == '\r' || c == '#') {
                    pos = p;
                    skipComment();
                    if (pos < n) {
                        consumeNewline();
                        atLineStart = true;
                        continue;
                    }
                    break;
                }
                pos = p;
                if (width > indents.peek()) {
                    indents.push(width);
                    add(Token.Kind.INDENT, "", null, line, 1);
                } else {
                    while (width < indents.peek()) {
                        indents.pop();
                        add(Token.Kind.DEDENT, "", null, line, col());
                    }
                    if (width != indents.peek()) {
                        throw error("unindent does not match any outer indentation level", line, col());
                    }
                }
            }
            if (pos >= n) {
                break;
            }
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
            } else if (c == '\n' || c == '\r') {
                boolean statementEnd = program && open.isEmpty();
                if (statementEnd && !out.isEmpty() && out.get(out.size() - 1).kind() != Token.Kind.NEWLINE) {
                    add(Token.Kind.NEWLINE, "", null, line, col());
                }
                consumeNewline();
                atLineStart = statementEnd;
            } else if (c == '#') {
                skipComment();
            } else if (c == '\\') {
                int p = pos + 1;
                if (p < n && (src.charAt(p) == '\n' || src.charAt(p) == '\r')) {
                    pos = p;
                    consumeNewline();
                } else {
                    throw error("unexpected character '\\' (a line continuation must end the line)", line, col());
                }
            } else if (c >= '0' && c <= '9' || c == '.' && pos + 1 < n && isDigit(src.charAt(pos + 1))) {
                number();
            } else if (c == '"' || c == '\'') {
                string("", line, col());
            } else if (isNameStart(src.codePointAt(pos))) {
                name();
            } else {
                operator();
            }
        }
        if (!open.isEmpty()) {
            Token unclosed = out.get(open.peek());
            throw error("'" + unclosed.text() + "' was never closed", unclosed.line(), unclosed.col());
        }
        if (program) {
            if (!out.isEmpty() && out.get(out.size() - 1).kind() != Token.Kind.NEWLINE) {
                add(Token.Kind.NEWLINE, "", null, line, col());
            }
            while (indents.peek() > 0) {
                indents.pop();
                add(Token.Kind.DEDENT, "", null, line, col());
            }
        }
        add(Token.Kind.EOF, "", null, line, col());
    }

    void consumeNewline() {
        if (src.charAt(pos) == '\r' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
            pos++;
        }
        pos++;
        newline();
    }

    private void skipComment() {
        if (pos < src.length() && src.charAt(pos) == '#') {
            while (pos < src.length() && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
                pos++;
            }
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(int cp) {
        return cp == '_' || Character.isLetter(cp);
    }

    private static boolean isNamePart(int cp) {
        if (isNameStart(cp) || Character.isDigit(cp)) {
            return true;
        }
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
                || t == Character.CONNECTOR_PUNCTUATION;
    }

    private void name() {
        int start = pos;
        int c = col();
        while (pos < src.length() && isNamePart(src.codePointAt(pos))) {
            pos += Character.charCount(src.codePointAt(pos));
        }
        String word = src.substring(start, pos);
        if (pos < src.length() && (src.charAt(pos) == '"' || src.charAt(pos) == '\'') && isStringPrefix(word)) {
            string(word.toLowerCase(java.util.Locale.ROOT), line, c);
            return;
        }
        Token.Kind kind = KEYWORDS.contains(word) || UNSUPPORTED.contains(word) ? Token.Kind.KEYWORD : Token.Kind.NAME;
        add(kind, word, word, line, c);
    }

    private static boolean isStringPrefix(String w) {
        String p = w.toLowerCase(java.util.Locale.ROOT);
        return p.equals("r") || p.equals("u") || p.equals("b") || p.equals("f") || p.equals("rb") || p.equals("br")
                || p.equals("fr") || p.equals("rf");
    }

    private void operator() {
        int c = col();
        for (String op : REFUSED) {
            if (src.startsWith(op, pos)) {
                throw error(op.equals(":=") ? "assignment expressions (':=') are not supported"
                        : "operator '" + op + "' is not supported", line, c);
            }
        }
        for (String op : OPERATORS) {
            if (src.startsWith(op, pos)) {
                pos += op.length();
                add(Token.Kind.OP, op, null, line, c);
                return;
            }
        }
        int cp = src.codePointAt(pos);
        String shown = Character.isISOControl(cp) || Character.isWhitespace(cp)
                ? String.format("U+%04X", cp) : "'" + new String(Character.toChars(cp)) + "'";
        throw error("unexpected character " + shown, line, c);
    }

    private void number() {
        int startLine = line;
        int c = col();
        int start = pos;
        int n = src.length();
        if (src.charAt(pos) == '0' && pos + 1 < n && "xXoObB".indexOf(src.charAt(pos + 1)) >= 0) {
            char kind = Character.toLowerCase(src.charAt(pos + 1));
            int radix = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
            pos += 2;
            int digitsStart = pos;
            while (pos < n && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                pos++;
            }
            String digits = radixDigits(src.substring(digitsStart, pos), radix);
            if (digits == null) {
                String name = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary";
                throw error("invalid " + name + " literal", startLine, c);
            }
            addInt(new BigInteger(digits, radix), src.substring(start, pos), startLine, c);
            return;
        }
        boolean isFloat = false;
        while (pos < n && (isDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        String intPart = src.substring(start, pos);
        String fracPart = "";
        String expPart = null;
        if (pos < n && src.charAt(pos) == '.') {
            isFloat = true;
            pos++;
            int f = pos;
            while (pos < n && (isDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                pos++;
            }
            fracPart = src.substring(f, pos);
        }
        if (pos < n && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int p = pos + 1;
            if (p < n && (src.charAt(p) == '+' || src.charAt(p) == '-')) {
                p++;
            }
            if (p < n && isDigit(src.charAt(p))) {
                isFloat = true;
                int e = pos + 1;
                pos = p;
                while (pos < n && (isDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                    pos++;
                }
                expPart = src.substring(e, pos);
            }
        }
        if (pos < n && isNamePart(src.codePointAt(pos))) {
            char next = src.charAt(pos);
            throw error(next == 'j' || next == 'J' ? "complex numbers are not supported" : "invalid decimal literal",
                    startLine, c);
        }
        String text = src.substring(start, pos);
        String ip = intPart.isEmpty() ? "" : Conversions.digitsWithUnderscores(intPart, 0, intPart.length());
        String fp = fracPart.isEmpty() ? "" : Conversions.digitsWithUnderscores(fracPart, 0, fracPart.length());
        String ep = "";
        if (expPart != null) {
            String sign = expPart.startsWith("+") || expPart.startsWith("-") ? expPart.substring(0, 1) : "";
            String ed = Conversions.digitsWithUnderscores(expPart, sign.length(), expPart.length());
            ep = ed == null ? null : "e" + sign + ed;
        }
        if (ip == null || fp == null || ep == null) {
            throw error("invalid decimal literal", startLine, c);
        }
        if (!isFloat) {
            if (ip.length() > 1 && ip.charAt(0) == '0' && !ip.chars().allMatch(ch -> ch == '0')) {
                throw error("leading zeros in decimal integer literals are not permitted", startLine, c);
            }
            addInt(new BigInteger(ip), text, startLine, c);
            return;
        }
        double d = Double.parseDouble((ip.isEmpty() ? "0" : ip) + "." + (fp.isEmpty() ? "0" : fp) + ep);
        add(Token.Kind.FLOAT, text, d, startLine, c);
    }

    /** The digits of a 0x/0o/0b literal without underscores, or null when it is malformed. */
    private static String radixDigits(String body, int radix) {
        StringBuilder b = new StringBuilder(body.length());
        boolean lastDigit = true;
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (ch == '_') {
                if (!lastDigit) {
                    return null;
                }
                lastDigit = false;
            } else if (Character.digit(ch, radix) >= 0) {
                b.append(ch);
                lastDigit = true;
            } else {
                return null;
            }
        }
        return lastDigit && b.length() > 0 ? b.toString() : null;
    }

    private void addInt(BigInteger v, String text, int l, int c) {
        if (v.bitLength() > ExpressionLimits.MAX_INTEGER_BITS) {
            throw error("integer literal has more than " + ExpressionLimits.MAX_INTEGER_BITS
                    + " bits (ExpressionLimits.MAX_INTEGER_BITS)", l, c);
        }
        add(Token.Kind.INT, text, v.bitLength() < 64 ? (Object) v.longValue() : v, l, c);
    }

    private void string(String prefix, int startLine, int startCol) {
        if (prefix.contains("b")) {
            throw error("bytes literals are not supported", startLine, startCol);
        }
        boolean raw = prefix.contains("r");
        if (prefix.contains("f")) {
            new FStrings(this).read(raw, startLine, startCol);
            return;
        }
        int n = src.length();
        int start = pos - prefix.length();
        char q = src.charAt(pos);
        boolean triple = pos + 2 < n && src.charAt(pos + 1) == q && src.charAt(pos + 2) == q;
        pos += triple ? 3 : 1;
        String closing = triple ? String.valueOf(q).repeat(3) : String.valueOf(q);
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= n) {
                throw error(triple ? "unterminated triple-quoted string" : "unterminated string", startLine, startCol);
            }
            char c = src.charAt(pos);
            if (c == q && (!triple || src.startsWith(closing, pos))) {
                pos += triple ? 3 : 1;
                break;
            }
            if (c == '\n' || c == '\r') {
                if (!triple) {
                    throw error("unterminated string", startLine, startCol);
                }
                b.append('\n');
                consumeNewline();
                continue;
            }
            if (c == '\\') {
                escape(b, raw);
                continue;
            }
            b.append(c);
            pos++;
        }
        add(Token.Kind.STRING, src.substring(start, pos), b.toString(), startLine, startCol);
    }

    void escape(StringBuilder b, boolean raw) {
        int n = src.length();
        int escLine = line;
        int escCol = col();
        pos++;
        if (pos >= n) {
            return;
        }
        char c = src.charAt(pos);
        if (c == '\n' || c == '\r') {
            if (raw) {
                b.append('\\').append('\n');
            }
            consumeNewline();
            return;
        }
        if (raw) {
            b.append('\\').append(c);
            pos++;
            return;
        }
        pos++;
        switch (c) {
            case '\\': b.append('\\'); return;
            case '\'': b.append('\''); return;
            case '"': b.append('"'); return;
            case 'a': b.append('\u0007'); return;
            case 'b': b.append('\b'); return;
            case 'f': b.append('\f'); return;
            case 'n': b.append('\n'); return;
            case 'r': b.append('\r'); return;
            case 't': b.append('\t'); return;
            case 'v': b.append('\u000b'); return;
            case 'x':
                b.appendCodePoint(hex(2, "\\xXX", escLine, escCol));
                return;
            case 'u':
                b.appendCodePoint(hex(4, "\\uXXXX", escLine, escCol));
                return;
            case 'U': {
                int cp = hex(8, "\\UXXXXXXXX", escLine, escCol);
                if (cp > Character.MAX_CODE_POINT) {
                    throw error("illegal Unicode character in \\U escape", escLine, escCol);
                }
                b.appendCodePoint(cp);
                return;
            }
            case 'N':
                throw error("\\N{...} escapes are not supported", escLine, escCol);
            default:
                if (c >= '0' && c <= '7') {
                    int v = c - '0';
                    for (int k = 0; k < 2 && pos < n && src.charAt(pos) >= '0' && src.charAt(pos) <= '7'; k++) {
                        v = v * 8 + (src.charAt(pos++) - '0');
                    }
                    b.append((char) v);
                    return;
                }
                b.append('\\').append(c);
        }
    }

    private int hex(int digits, String form, int escLine, int escCol) {
        if (pos + digits > src.length()) {
            throw error("truncated " + form + " escape", escLine, escCol);
        }
        int v = 0;
        for (int i = 0; i < digits; i++) {
            int d = Character.digit(src.charAt(pos + i), 16);
            if (d < 0) {
                throw error("truncated " + form + " escape", escLine, escCol);
            }
            v = v * 16 + d;
        }
        pos += digits;
        return v;
    }
}
