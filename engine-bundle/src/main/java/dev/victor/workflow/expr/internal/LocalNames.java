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

    /** The names bound by the body that starts at token start (after the ':' of its def). */
    static Set<String> ofBody(List<Token> tokens, int start) {
        Set<String> out = new LinkedHashSet<>();
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
                    return out;
                case INDENT:
                    indent++;
                    statementStart = true;
                    continue;
                case DEDENT:
                    indent--;
                    if (block && indent <= 0) {
                        return out;
                    }
                    statementStart = true;
                    continue;
                case NEWLINE:
                    if (!block) {
                        return out;
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
                if (t.isKeyword("for")) {
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
        return out;
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
                for (int k = i; k < j; k++) {
                    Token n = tokens.get(k);
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
