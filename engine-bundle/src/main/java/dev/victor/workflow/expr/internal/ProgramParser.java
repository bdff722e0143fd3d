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
 * Parses a transform program: Python's statements of the language's subset (assignments, calls,
 * {@code if}, {@code for}, {@code while}, {@code def}, {@code try}, {@code import}, ...), one per
 * line or after the ':' of a block's header. Expressions are left to {@link Parser}.
 */
public final class ProgramParser {
    /** A parsed program: its statements, the local slots it needs, and the top-level names it assigns. */
    public record Parsed(Statement[] statements, int slots, Set<String> targets, Set<String> externals) {
    }

    private static final Set<String> AUGMENTED = Set.of("+=", "-=", "*=", "/=", "//=", "%=", "**=", "|=", "&=",
            "^=", "<<=", ">>=");

    private final Parser p;
    private final Set<String> targets = new LinkedHashSet<>();
    /** Loops enclosing the position inside the running function (for break and continue). */
    private int loops;
    /** The names the running function declares nonlocal (it may assign them). */
    private Set<String> nonlocals = Set.of();

    private final AssignTargets assignTargets;

    private ProgramParser(Parser p) {
        this.p = p;
        this.assignTargets = new AssignTargets(p, targets);
    }

    public static Parsed parse(String text) {
        Lexer.Tokens tokens = Lexer.tokenize(text, true);
        ProgramParser pp = new ProgramParser(new Parser(tokens, true));
        pp.p.addProgramFunctions(LocalNames.functions(tokens.list()));
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
                Statement s = statement();
                if (s != null) {
                    out.add(s);
                }
            }
        }
    }

    /** The block after a header's ':': an indented block, or simple statements on the same line. */
    private Statement[] suite(Token header) {
        p.expectOp(":", "expected ':' at the end of the '" + header.text() + "' line");
        List<Statement> body;
        if (p.peek().kind() == Token.Kind.NEWLINE) {
            p.next();
            if (p.peek().kind() != Token.Kind.INDENT) {
                throw p.error(p.peek(), "expected an indented block after '" + header.text() + "'");
            }
            p.next();
            p.enter(header);
            body = block(true);
            p.leave(1);
        } else {
            body = new ArrayList<>();
            Statement s = simpleStatement();
            if (s != null) {
                body.add(s);
            }
            endOfLine();
        }
        return body.toArray(new Statement[0]);
    }

    private Statement statement() {
        Token t = p.peek();
        if (t.kind() == Token.Kind.INDENT) {
            throw p.error(t, "unexpected indent");
        }
        if (t.kind() == Token.Kind.KEYWORD) {
            switch (t.text()) {
                case "for":
                    return forLoop();
                case "if":
                    return ifStatement();
                case "while":
                    return whileLoop();
                case "def":
                    return def();
                case "try":
                    return tryStatement();
                case "elif":
                case "else":
                case "except":
                case "finally":
                    throw p.error(t, "'" + t.text() + "' without a matching statement before it");
                default:
                    break;
            }
        }
        Statement s = simpleStatement();
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

    /** A statement that holds no block; null for one that does nothing when it runs (import, pass). */
    private Statement simpleStatement() {
        Token t = p.peek();
        if (t.kind() == Token.Kind.KEYWORD) {
            switch (t.text()) {
                case "pass":
                    p.next();
                    return null;
                case "break":
                case "continue":
                    p.next();
                    if (loops == 0) {
                        throw p.error(t, "'" + t.text() + "' outside a loop");
                    }
                    return new Statement.Jump(t.text().equals("break") ? Flow.BREAK : Flow.CONTINUE);
                case "return":
                    return returnStatement();
                case "raise":
                    return raise();
                case "del":
                    return del();
                case "assert":
                    return assertStatement();
                case "import":
                case "from":
                    Imports.parse(p);
                    return null;
                case "global":
                case "nonlocal":
                    declaration();
                    return null;
                case "class":
                case "with":
                case "yield":
                case "async":
                case "await":
                    throw p.error(t, "'" + t.text() + "' is not supported");
                default:
                    break;
            }
        }
        return simple();
    }

    /**
     * {@code global a, b} or {@code nonlocal a}: checked here; the function's names were resolved
     * with them when its body began (a program's top-level {@code global} does nothing, as in Python).
     */
    private void declaration() {
        Token kw = p.next();
        boolean global = kw.text().equals("global");
        if (!global && !p.inFunction()) {
            throw p.error(kw, "nonlocal declaration not allowed at module level");
        }
        do {
            if (p.atOp(",")) {
                p.next();
            }
            Token n = p.next();
            if (n.kind() != Token.Kind.NAME) {
                throw p.error(n, "expected a name after '" + kw.text() + "'");
            }
            p.checkName(n);
            if (!global && !nonlocals.contains(n.text())) {
                throw p.error(n, "no binding for nonlocal '" + n.text() + "' found");
            }
        } while (p.atOp(","));
    }

    private Statement simple() {
        Token start = p.peek();
        Node lhs = p.testList();
        Token op = p.peek();
        boolean plain = op.isOp("=");
        if (plain || op.kind() == Token.Kind.OP && AUGMENTED.contains(op.text())) {
            Statement.Target target = assignTargets.target(lhs, start, nonlocals);
            if (!plain && target instanceof Statement.Unpack) {
                throw p.error(op, "'" + op.text() + "' takes one target, not several");
            }
            p.next();
            Node value = p.testList();
            if (p.atOp("=")) {
                throw p.error(p.peek(), "chained assignment (a = b = c) is not supported");
            }
            BinOp augmented = plain ? null : BinOp.of(op.text().substring(0, op.text().length() - 1));
            return new Statement.Assign(target, augmented, value, start.line(), start.col());
        }
        if (op.kind() != Token.Kind.NEWLINE && op.kind() != Token.Kind.EOF && op.kind() != Token.Kind.DEDENT) {
            throw p.unexpected(op);
        }
        if (lhs instanceof Accessors.MethodCall || lhs instanceof Accessors.Call || lhs instanceof Accessors.CallValue
                || lhs instanceof Accessors.ExternalCall || lhs instanceof Modules.Call
                || lhs instanceof Leaves.Const k && k.value() instanceof String) {
            return new Statement.ExprStatement(lhs, start.line(), start.col());
        }
        if (lhs instanceof Leaves.Global g) {
            throw p.error(start, "a statement must assign (target = expression): '" + g.name()
                    + "' alone is not a statement (a transform that is only a name is a registered transform function)");
        }
        throw p.error(start, "a statement must assign (target = expression) or call a function or method");
    }

    private Statement forLoop() {
        Token forTok = p.next();
        p.enter(forTok);
        Statement.Target target;
        boolean scoped = !p.inFunction();
        if (scoped) {
            Displays.Targets tg = p.displays.targets(null);
            Map<String, Integer> scope = new HashMap<>();
            Statement.Target[] items = new Statement.Target[tg.names().size()];
            for (int i = 0; i < items.length; i++) {
                scope.put(tg.names().get(i), tg.slots()[i]);
                items[i] = new Statement.LocalName(tg.names().get(i), tg.slots()[i], new String[0]);
            }
            target = tg.unpack() ? new Statement.Unpack(items) : items[0];
            expectIn();
            Node iterable = p.testList();
            p.pushScope(scope);
            Statement[] body = loopBody(forTok);
            p.popScope();
            Statement[] orelse = loopElse();
            p.leave(1);
            return new Statement.ForLoop(target, iterable, body, orelse, forTok.line(), forTok.col());
        }
        Token start = p.peek();
        Node names = targetList();
        target = assignTargets.target(names, start, nonlocals);
        expectIn();
        Node iterable = p.testList();
        Statement[] body = loopBody(forTok);
        Statement[] orelse = loopElse();
        p.leave(1);
        return new Statement.ForLoop(target, iterable, body, orelse, forTok.line(), forTok.col());
    }

    private void expectIn() {
        if (!p.atKeyword("in")) {
            throw p.error(p.peek(), "expected 'in' after the loop variables");
        }
        p.next();
    }

    private Statement[] loopBody(Token header) {
        loops++;
        Statement[] body = suite(header);
        loops--;
        return body;
    }

    /** The {@code else} block of a loop (run when the loop ends without break), or none. */
    private Statement[] loopElse() {
        return p.atKeyword("else") ? suite(p.next()) : new Statement[0];
    }

    private Statement whileLoop() {
        Token w = p.next();
        Node condition = namedTest();
        Statement[] body = loopBody(w);
        return new Compound.While(condition, body, loopElse(), w.line(), w.col());
    }

    private Statement ifStatement() {
        Token ifTok = p.next();
        List<Node> conditions = new ArrayList<>();
        List<Statement[]> blocks = new ArrayList<>();
        conditions.add(namedTest());
        blocks.add(suite(ifTok));
        Statement[] orelse = new Statement[0];
        while (true) {
            Token t = p.peek();
            if (t.isKeyword("elif")) {
                p.next();
                conditions.add(namedTest());
                blocks.add(suite(t));
            } else if (t.isKeyword("else")) {
                p.next();
                orelse = suite(t);
                break;
            } else {
                break;
            }
        }
        return new Compound.If(conditions.toArray(new Node[0]), blocks.toArray(new Statement[0][]), orelse,
                ifTok.line(), ifTok.col());
    }

    private Statement def() {
        Token defTok = p.next();
        Token name = p.next();
        if (name.kind() != Token.Kind.NAME) {
            throw p.error(name, "expected the function's name after 'def'");
        }
        p.checkName(name);
        Statement.Target target = bindingTarget(name);
        Calls.FunctionHeader header = p.calls.parameters(p.expectOp("(", "expected '(' after the function's name"), ")");
        LocalNames.Body declared = LocalNames.ofBody(p.tokensFrom(), 1);
        Parser.FrameState saved = p.beginFunction();
        for (String n : declared.nonlocals()) {
            if (header.names().contains(n) || declared.globals().contains(n) || !p.enclosingFunctionLocal(n)) {
                throw p.error(defTok, header.names().contains(n) ? "name '" + n + "' is parameter and nonlocal"
                        : declared.globals().contains(n) ? "name '" + n + "' is nonlocal and global"
                        : "no binding for nonlocal '" + n + "' found (in function '" + name.text() + "')");
            }
        }
        Map<String, Integer> scope = p.calls.parameterScope(header, declared.locals());
        for (String n : declared.globals()) {
            if (header.names().contains(n)) {
                throw p.error(defTok, "name '" + n + "' is parameter and global");
            }
            scope.put(n, Parser.GLOBAL);
        }
        int savedLoops = loops;
        Set<String> savedNonlocals = nonlocals;
        loops = 0;
        nonlocals = declared.nonlocals();
        p.pushScope(scope);
        Statement[] body = suite(defTok);
        p.popScope();
        loops = savedLoops;
        nonlocals = savedNonlocals;
        int size = p.endFunction(saved);
        PyFunction.Code code = new PyFunction.Code(name.text(), header.names().toArray(new String[0]),
                p.calls.slotsOf(header, scope), header.defaults().toArray(new Node[0]), body, size);
        return new Compound.Def(target, code, defTok.line(), defTok.col());
    }

    /** Where a def or an import binds its name: a local of the running function, else a program name. */
    private Statement.Target bindingTarget(Token name) {
        if (p.inFunction()) {
            Integer slot = p.functionLocal(name.text());
            if (slot != null && slot == Parser.GLOBAL) {
                return new Statement.GlobalName(name.text(), new String[0]);
            }
            if (slot == null) {
                throw p.error(name, "'" + name.text() + "' is not a local name of the function");
            }
            return new Statement.LocalName(name.text(), slot, new String[0]);
        }
        return new Statement.GlobalName(name.text(), new String[0]);
    }

    private Statement returnStatement() {
        Token r = p.next();
        if (!p.inFunction()) {
            throw p.error(r, "'return' outside a function");
        }
        Token t = p.peek();
        boolean bare = t.kind() == Token.Kind.NEWLINE || t.kind() == Token.Kind.EOF || t.kind() == Token.Kind.DEDENT;
        return new Statement.Return(bare ? null : p.testList(), r.line(), r.col());
    }

    private Statement raise() {
        Token r = p.next();
        Token t = p.peek();
        if (t.kind() == Token.Kind.NEWLINE || t.kind() == Token.Kind.EOF || t.kind() == Token.Kind.DEDENT) {
            return new Compound.Raise(null, r.line(), r.col());
        }
        Node e = p.test();
        if (e instanceof Leaves.Global g && Compound.Errors.NAMES.contains(g.name())) {
            e = new Accessors.NewError(g.name(), null, t.line(), t.col());
        }
        if (p.atKeyword("from")) {
            throw p.error(p.peek(), "'raise ... from' is not supported");
        }
        return new Compound.Raise(e, r.line(), r.col());
    }

    private Statement assertStatement() {
        Token a = p.next();
        Node condition = p.test();
        Node message = null;
        if (p.atOp(",")) {
            p.next();
            message = p.test();
        }
        return new Compound.Assert(condition, message, a.line(), a.col());
    }

    private Statement del() {
        Token d = p.next();
        Token start = p.peek();
        Node names = p.testList();
        Statement.Target target = assignTargets.target(names, start, nonlocals);
        if (!p.inFunction()) {
            targets.remove(target instanceof Statement.GlobalName g && g.path().length == 0 ? g.root() : "");
        }
        return new Statement.Del(target instanceof Statement.Unpack u ? u.items() : new Statement.Target[] {target},
                d.line(), d.col());
    }

    private Statement tryStatement() {
        Token tryTok = p.next();
        Statement[] body = suite(tryTok);
        List<Compound.Handler> handlers = new ArrayList<>();
        while (p.atKeyword("except")) {
            Token ex = p.next();
            List<String> kinds = new ArrayList<>();
            Statement.Target name = null;
            if (!p.atOp(":")) {
                boolean paren = p.atOp("(");
                if (paren) {
                    p.next();
                }
                do {
                    if (!kinds.isEmpty()) {
                        p.next();
                    }
                    Token k = p.next();
                    if (k.kind() != Token.Kind.NAME || !Compound.Errors.NAMES.contains(k.text())) {
                        throw p.error(k, "except takes the language's error kinds: " + String.join(", ",
                                Compound.Errors.NAMES));
                    }
                    kinds.add(k.text());
                } while (p.atOp(",") && (paren || kinds.isEmpty()));
                if (paren) {
                    p.expectOp(")", "expected ')' after the error kinds");
                }
                if (p.atKeyword("as")) {
                    p.next();
                    Token n = p.next();
                    if (n.kind() != Token.Kind.NAME) {
                        throw p.error(n, "expected a name after 'as'");
                    }
                    p.checkName(n);
                    name = p.inFunction() ? bindingTarget(n) : new Statement.GlobalName(n.text(), new String[0]);
                }
            } else if (!handlers.isEmpty() && handlers.get(handlers.size() - 1).kinds().length == 0) {
                throw p.error(ex, "default 'except:' must be last");
            }
            handlers.add(new Compound.Handler(kinds.toArray(new String[0]), name, suite(ex)));
        }
        Statement[] orelse = new Statement[0];
        if (p.atKeyword("else")) {
            if (handlers.isEmpty()) {
                throw p.error(p.peek(), "'else' after 'try' needs an 'except'");
            }
            orelse = suite(p.next());
        }
        Statement[] fin = new Statement[0];
        boolean hasFinally = p.atKeyword("finally");
        if (hasFinally) {
            fin = suite(p.next());
        }
        if (handlers.isEmpty() && !hasFinally) {
            throw p.error(tryTok, "expected 'except' or 'finally' after the 'try' block");
        }
        return new Compound.Try(body, handlers.toArray(new Compound.Handler[0]), orelse, fin);
    }

    /** The condition of an if or while. */
    private Node namedTest() {
        return p.test();
    }

    /** Loop variables of a for inside a function: names, dotted paths, or several separated by commas. */
    private Node targetList() {
        Node first = p.arith();
        if (!p.atOp(",")) {
            return first;
        }
        List<Node> items = new ArrayList<>();
        items.add(first);
        while (p.atOp(",")) {
            p.next();
            if (p.atKeyword("in")) {
                break;
            }
            items.add(p.arith());
        }
        return new Literals.TupleLit(items.toArray(new Node[0]));
    }
}
