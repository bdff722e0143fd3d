package dev.victor.workflow.expr.internal;

import dev.victor.workflow.expr.ExpressionSyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a transform program: one statement per line ({@code target = expr},
 * {@code target op= expr}, a method call such as {@code items.append(x)}), and
 * {@code for names in expr:} with an indented block. Expressions are left to {@link Parser}.
 */
public final class ProgramParser {
    /** A parsed program: its statements, the local slots it needs, and the top-level names it assigns. */
    public record Parsed(Statement[] statements, int slots, Set<String> targets, Set<String> externals) {
    }

    private static final Set<String> AUGMENTED = Set.of("+=", "-=", "*=", "/=", "//=", "%=", "**=");

    private final Parser p;
    private final Set<String> targets = new LinkedHashSet<>();

    private ProgramParser(Parser p) {
        this.p = p;
    }

    public static Parsed parse(String text) {
        ProgramParser pp = new ProgramParser(new Parser(Lexer.tokenize(text, true), true));
        List<Statement> statements = pp.block(false);
        if (statements.isEmpty()) {
            throw new ExpressionSyntaxException("empty transform: no statements", 1, 1);
        }
        return new Parsed(statements.toArray(new Statement[0]), pp.p.slots(),
                Collections.unmodifiableSet(pp.targets), pp.p.externals());
    }

    /** Statements up to the end of the text, or (indented) up to the matching DEDENT. */
    private List<Statement> block(boolean indented) {
        List<Statement> out = new ArrayList<>();
        while (true) {
            Token t = p.peek();
            if (t.kind() == Token.Kind.NEWLINE) {
                p.next();
            } else if (t.kind() == Token.Kind.EOF) {
                return out;
            } else if (t.kind() == Token.Kind.DEDENT) {
                if (!indented) {
                    throw p.unexpected(t);
                }
                p.next();
                return out;
            } else {
                out.add(statement());
            }
        }
    }

    private Statement statement() {
        Token t = p.peek();
        if (t.kind() == Token.Kind.INDENT) {
            throw p.error(t, "unexpected indent");
        }
        if (t.isKeyword("for")) {
            return forLoop();
        }
        if (t.isKeyword("if") || t.isKeyword("while") || t.isKeyword("elif") || t.isKeyword("else")) {
            throw p.error(t, "'" + t.text() + "' statements are not supported (use 'x = a if condition else b')");
        }
        Statement s = simple();
        endOfLine();
        return s;
    }

    private void endOfLine() {
        Token t = p.peek();
        if (t.kind() == Token.Kind.NEWLINE) {
            p.next();
        } else if (t.isOp(";")) {
            throw p.error(t, "';' is not supported: write one statement per line");
        } else if (t.kind() != Token.Kind.EOF && t.kind() != Token.Kind.DEDENT) {
            throw p.unexpected(t);
        }
    }

    private Statement simple() {
        Token start = p.peek();
        Node lhs = p.testList();
        Token op = p.peek();
        boolean plain = op.isOp("=");
        if (plain || op.kind() == Token.Kind.OP && AUGMENTED.contains(op.text())) {
            List<String> path = new ArrayList<>();
            String root = target(lhs, start, path);
            p.next();
            Node value = p.testList();
            if (p.atOp("=")) {
                throw p.error(p.peek(), "chained assignment (a = b = c) is not supported");
            }
            targets.add(root);
            BinOp augmented = plain ? null : BinOp.of(op.text().substring(0, op.text().length() - 1));
            return new Statement.Assign(root, path.toArray(new String[0]), augmented, value, start.line(), start.col());
        }
        if (lhs instanceof Accessors.MethodCall) {
            return new Statement.CallStatement(lhs, start.line(), start.col());
        }
        if (op.kind() != Token.Kind.NEWLINE && op.kind() != Token.Kind.EOF && op.kind() != Token.Kind.DEDENT) {
            throw p.unexpected(op);
        }
        if (lhs instanceof Leaves.Global g) {
            throw p.error(start, "a statement must assign (target = expression): '" + g.name()
                    + "' alone is not a statement (a transform that is only a name is a registered transform function)");
        }
        throw p.error(start, "a statement must assign (target = expression) or call a method");
    }

    /** The top-level name of an assignment target, with the dotted path below it added to path. */
    private String target(Node lhs, Token start, List<String> path) {
        Node n = lhs;
        List<String> reversed = new ArrayList<>();
        while (n instanceof Accessors.Attribute a) {
            reversed.add(a.name());
            n = a.target();
        }
        if (n instanceof Leaves.Global g) {
            for (int i = reversed.size() - 1; i >= 0; i--) {
                path.add(reversed.get(i));
            }
            return g.name();
        }
        if (n instanceof Leaves.Local l) {
            throw p.error(start, "cannot assign to loop variable '" + l.name() + "'");
        }
        if (n instanceof Leaves.Whole) {
            throw p.error(start, "cannot assign to 'ctx'");
        }
        if (n instanceof Accessors.Subscript || n instanceof Accessors.Slice) {
            throw p.error(start, "cannot assign to a subscript (a[i] = ...): assign to a name or a dotted path");
        }
        if (n instanceof Literals.TupleLit) {
            throw p.error(start, "cannot assign to several targets at once: write one assignment per line");
        }
        throw p.error(start, "cannot assign to an expression: the target must be a name or a dotted path (a.b)");
    }

    private Statement forLoop() {
        Token forTok = p.next();
        p.enter(forTok);
        Parser.Targets tg = p.targets(null);
        if (!p.atKeyword("in")) {
            throw p.error(p.peek(), "expected 'in' after the loop variables");
        }
        p.next();
        Node iterable = p.testList();
        p.expectOp(":", "expected ':' at the end of the 'for' line");
        Map<String, Integer> scope = new HashMap<>();
        for (int i = 0; i < tg.names().size(); i++) {
            scope.put(tg.names().get(i), tg.slots()[i]);
        }
        p.pushScope(scope);
        List<Statement> body;
        if (p.peek().kind() == Token.Kind.NEWLINE) {
            p.next();
            if (p.peek().kind() != Token.Kind.INDENT) {
                throw p.error(p.peek(), "expected an indented block after 'for'");
            }
            p.next();
            body = block(true);
            if (body.isEmpty()) {
                throw p.error(forTok, "expected an indented block after 'for'");
            }
        } else {
            body = List.of(simple());
            endOfLine();
        }
        p.popScope();
        p.leave(1);
        return new Statement.ForLoop(tg.slots(), tg.unpack(), iterable, body.toArray(new Statement[0]),
                forTok.line(), forTok.col());
    }
}
