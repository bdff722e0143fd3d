package dev.victor.workflow.expr.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds, before a function body is parsed, the names it binds (assignment targets, loop
 * variables, {@code except ... as} names, nested {@code def}s): as in Python, those are local
 * to the function everywhere in its body. Also finds the names a whole program binds to its
 * own functions.
 */
final class LocalNames {
    private static final Set<String> COMPOUND = Set.of("if", "elif", "else", "while", "for", "try", "except",
            "finally", "def");

    private LocalNames() {
    }

    /**
     * The names a function body binds (its locals, without those it declares {@code global} or
     * {@code nonlocal}), and the names it declares so.
     */
    record Body(Set<String> locals, Set<String> globals, Set<String> nonlocals) {
    }

    /** The names bound and declared by the body that starts at token start (after the ':' of its def). */
    static Body ofBody(List<Token> tokens, int start) {
        Set<String> bound = new LinkedHashSet<>();
        Set<String> globals = new LinkedHashSet<>();
        Set<String> nonlocals = new LinkedHashSet<>();
        scan(tokens, start, bound, globals, nonlocals);
        bound.removeAll(globals);
        bound.removeAll(nonlocals);
        return new Body(bound, globals, nonlocals);
    }

    private static void scan(List<Token> tokens, int start, Set<String> out, Set<String> globals,
                             Set<String> nonlocals) {
        int i = start;
        boolean block = tokens.get(i).kind() == Token.Kind.NEWLINE;
        int indent = 0;
        boolean statementStart = true;
        boolean compoundLine = false;
        int brackets = 0;
        for (; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            switch (t.kind()) {
                case EOF:
                    return;
                case INDENT:
                    indent++;
                    statementStart = true;
                    continue;
                case DEDENT:
                    indent--;
                    if (block && indent <= 0) {
                        return;
                    }
                    statementStart = true;
                    continue;
                case NEWLINE:
                    if (!block) {
                        return;
                    }
                    statementStart = true;
                    compoundLine = false;
                    continue;
                default:
                    break;
            }
            if (t.isOp("(") || t.isOp("[") || t.isOp("{")) {
                brackets++;
            } else if (t.isOp(")") || t.isOp("]") || t.isOp("}")) {
                brackets--;
            }
            if (statementStart) {
                statementStart = false;
                compoundLine = t.kind() == Token.Kind.KEYWORD && COMPOUND.contains(t.text());
                if (t.isKeyword("def") && tokens.get(i + 1).kind() == Token.Kind.NAME) {
                    out.add(tokens.get(i + 1).text());
                    i = skipDef(tokens, i);
                    statementStart = true;
                    continue;
                }
                if (t.isKeyword("global") || t.isKeyword("nonlocal")) {
                    Set<String> into = t.isKeyword("global") ? globals : nonlocals;
                    for (int j = i + 1; j < tokens.size() && tokens.get(j).kind() != Token.Kind.NEWLINE
                            && tokens.get(j).kind() != Token.Kind.EOF; j++) {
                        if (tokens.get(j).kind() == Token.Kind.NAME) {
                            into.add(tokens.get(j).text());
                        }
                    }
                } else if (t.isKeyword("for")) {
                    for (int j = i + 1; j < tokens.size() && !tokens.get(j).isKeyword("in"); j++) {
                        if (tokens.get(j).kind() == Token.Kind.NAME) {
                            out.add(tokens.get(j).text());
                        }
                    }
                } else if (t.kind() == Token.Kind.NAME || t.isOp("(") || t.isOp("[")) {
                    assigned(tokens, i, out);
                }
            } else if (t.isKeyword("as") && tokens.get(i + 1).kind() == Token.Kind.NAME) {
                out.add(tokens.get(i + 1).text());
            } else if (compoundLine && brackets == 0 && t.isOp(":")) {
                statementStart = true;
                compoundLine = false;
            }
        }
        return;
    }

    /** The plain names on the left of an assignment that starts at i, if the statement is one. */
    private static void assigned(List<Token> tokens, int i, Set<String> out) {
        int brackets = 0;
        for (int j = i; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            if (t.kind() == Token.Kind.NEWLINE || t.kind() == Token.Kind.EOF || t.kind() == Token.Kind.DEDENT
                    || t.kind() == Token.Kind.INDENT) {
                return;
            }
            if (t.isOp("(") || t.isOp("[") || t.isOp("{")) {
                brackets++;
            } else if (t.isOp(")") || t.isOp("]") || t.isOp("}")) {
                if (--brackets < 0) {
                    return;
                }
            } else if (brackets == 0 && t.kind() == Token.Kind.OP && (t.text().equals("=")
                    || t.text().length() >= 2 && t.text().endsWith("=") && !t.text().equals("==")
                    && !t.text().equals("!=") && !t.text().equals("<=") && !t.text().equals(">="))) {
                int inside = 0;
                for (int k = i; k < j; k++) {
                    Token n = tokens.get(k);
                    if (inside > 0) {
                        inside += n.isOp("(") || n.isOp("[") || n.isOp("{") ? 1
                                : n.isOp(")") || n.isOp("]") || n.isOp("}") ? -1 : 0;
                        continue;
                    }
                    if (k > i && (n.isOp("[") || n.isOp("(")) && (tokens.get(k - 1).kind() == Token.Kind.NAME
                            || tokens.get(k - 1).isOp(")") || tokens.get(k - 1).isOp("]"))) {
                        inside = 1; // a subscript or a call: the names inside are read, not bound
                        continue;
                    }
                    boolean afterDot = k > i && tokens.get(k - 1).isOp(".");
                    boolean beforeAccess = tokens.get(k + 1).isOp(".") || tokens.get(k + 1).isOp("[");
                    if (n.kind() == Token.Kind.NAME && !afterDot && !beforeAccess) {
                        out.add(n.text());
                    }
                }
                return;
            }
        }
    }

    /** The index of the last token of the def that starts at i (its body included). */
    private static int skipDef(List<Token> tokens, int i) {
        int j = i;
        int brackets = 0;
        while (j < tokens.size() && !(brackets == 0 && tokens.get(j).isOp(":"))) {
            Token t = tokens.get(j);
            if (t.isOp("(") || t.isOp("[") || t.isOp("{")) {
                brackets++;
            } else if (t.isOp(")") || t.isOp("]") || t.isOp("}")) {
                brackets--;
            }
            j++;
        }
        j++;
        if (j >= tokens.size() || tokens.get(j).kind() != Token.Kind.NEWLINE) {
            while (j < tokens.size() && tokens.get(j).kind() != Token.Kind.NEWLINE
                    && tokens.get(j).kind() != Token.Kind.EOF) {
                j++;
            }
            return j;
        }
        int indent = 0;
        for (j++; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            if (t.kind() == Token.Kind.INDENT) {
                indent++;
            } else if (t.kind() == Token.Kind.DEDENT && --indent <= 0) {
                return j;
            } else if (t.kind() == Token.Kind.EOF) {
                return j - 1;
            }
        }
        return j;
    }

    /**
     * The names a program binds at its top level ({@code def name}, assignment targets, in blocks
     * too but not in function bodies): a call of such a name calls its value, not a function
     * service.
     */
    static Set<String> functions(List<Token> tokens) {
        Set<String> out = new LinkedHashSet<>();
        boolean statementStart = true;
        int brackets = 0;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token.Kind k = t.kind();
            if (k == Token.Kind.NEWLINE || k == Token.Kind.INDENT || k == Token.Kind.DEDENT) {
                statementStart = true;
                brackets = 0;
                continue;
            }
            if (t.isOp("(") || t.isOp("[") || t.isOp("{")) {
                brackets++;
            } else if (t.isOp(")") || t.isOp("]") || t.isOp("}")) {
                brackets--;
            }
            if (t.isKeyword("def") && tokens.get(i + 1).kind() == Token.Kind.NAME) {
                out.add(tokens.get(i + 1).text());
                i = skipDef(tokens, i);
                statementStart = true;
                brackets = 0;
                continue;
            } else if (statementStart && (k == Token.Kind.NAME || t.isOp("(") || t.isOp("["))) {
                assigned(tokens, i, out);
            }
            statementStart = brackets == 0 && t.isOp(":") && tokens.get(i + 1).kind() != Token.Kind.NEWLINE
                    && isHeader(tokens, i);
        }
        return out;
    }

    /** Whether the ':' at i ends the header of a block statement (its line starts with if, for, ...). */
    private static boolean isHeader(List<Token> tokens, int i) {
        int j = i;
        while (j > 0 && tokens.get(j - 1).kind() != Token.Kind.NEWLINE && tokens.get(j - 1).kind() != Token.Kind.INDENT
                && tokens.get(j - 1).kind() != Token.Kind.DEDENT) {
            j--;
        }
        Token first = tokens.get(j);
        return first.kind() == Token.Kind.KEYWORD && COMPOUND.contains(first.text());
    }
}
