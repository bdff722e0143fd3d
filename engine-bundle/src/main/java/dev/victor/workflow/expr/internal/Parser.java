package dev.victor.workflow.expr.internal;

import dev.victor.workflow.expr.ExpressionLimits;
import dev.victor.workflow.expr.ExpressionSyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recursive-descent parser of expressions, with Python's precedence. Names are resolved while
 * parsing: a loop or comprehension variable becomes a local slot, {@code ctx} the whole state,
 * any other name a state key. Calls are checked against the allow-lists here, so that an unknown
 * function or method is a syntax error.
 */
public final class Parser {
    /**
     * A parsed expression, the number of local slots its evaluation needs, and the names it calls
     * that no built-in defines (functions that must be installed as services).
     */
    public record Parsed(Node node, int slots, Set<String> externals) {
    }

    /** Python built-ins that would break the sandbox: never callable, not even as a service. */
    private static final Set<String> UNAVAILABLE = Set.of("eval", "exec", "compile", "open", "input", "print",
            "getattr", "setattr", "delattr", "hasattr", "vars", "dir", "type", "object", "super", "id",
            "breakpoint", "exit", "quit", "help", "memoryview", "classmethod", "staticmethod", "property");

    private final List<Token> tokens;
    private final int[] close;
    private final boolean[] holdsFor;
    private final boolean program;
    private final Deque<Scope> scopes = new ArrayDeque<>();
    private int pos;
    private int depth;
    /** The next free slot of the frame being parsed (slot 0 holds the enclosing frame). */
    private int slots = 1;
    /** How many function bodies ({@code def}, {@code lambda}) enclose the current position. */
    private int level;
    private final Set<String> externals = new TreeSet<>();
    /** Names the program binds to its own functions ({@code def}, or assigned a lambda), found before parsing. */
    private final Set<String> programFunctions = new java.util.HashSet<>();
    /** Module aliases ({@code import math as m}) and imported functions ({@code from math import comb}). */
    private final Map<String, String> modules = new HashMap<>();
    private final Map<String, Modules.Function> importedFunctions = new HashMap<>();
    private final Map<String, Object> constants = new HashMap<>();

    /** Local names of one block (a loop, a comprehension, a function body) and the function level it belongs to. */
    private record Scope(Map<String, Integer> names, int level) {
    }

    /** What a function body saves of the enclosing frame while it is parsed. */
    record FrameState(int slots, int level) {
    }

    Parser(Lexer.Tokens t, boolean program) {
        this.tokens = t.list();
        this.close = t.close();
        this.holdsFor = t.holdsFor();
        this.program = program;
    }

    /** Parses one expression (a condition, or the right side of an assignment). */
    public static Parsed parseExpression(String text) {
        Parser p = new Parser(Lexer.tokenize(text, false), false);
        if (p.peek().kind() == Token.Kind.EOF) {
            throw p.error(p.peek(), "empty expression");
        }
        Node n = p.testList();
        Token t = p.peek();
        if (t.kind() != Token.Kind.EOF) {
            throw p.unexpected(t);
        }
        return new Parsed(n, p.slots, Collections.unmodifiableSet(p.externals));
    }

    // ---- tokens ----

    Token peek() {
        return tokens.get(pos);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Token.Kind.EOF) {
            pos++;
        }
        return t;
    }

    boolean atOp(String op) {
        return peek().isOp(op);
    }

    boolean atKeyword(String k) {
        return peek().isKeyword(k);
    }

    ExpressionSyntaxException error(Token at, String msg) {
        return new ExpressionSyntaxException(msg, at.line(), at.col());
    }

    ExpressionSyntaxException unexpected(Token t) {
        if (t.isOp("=") && !program) {
            return error(t, "unexpected '=' (use '==' to compare)");
        }
        if (t.kind() == Token.Kind.KEYWORD && Lexer.UNSUPPORTED.contains(t.text())) {
            return error(t, "'" + t.text() + "' is not supported");
        }
        if (t.kind() == Token.Kind.KEYWORD && Lexer.STATEMENTS.contains(t.text())) {
            return error(t, program ? "'" + t.text() + "' must start a statement"
                    : "'" + t.text() + "' is a statement: a condition is one expression");
        }
        if (t.kind() == Token.Kind.EOF && !program) {
            return error(t, "unexpected end of expression");
        }
        return error(t, "unexpected " + t.describe());
    }

    Token expectOp(String op, String msg) {
        if (!atOp(op)) {
            Token t = peek();
            throw t.kind() == Token.Kind.EOF || t.kind() == Token.Kind.NEWLINE ? error(t, msg) : unexpected(t);
        }
        return next();
    }

    /** Consumes the bracket that closes the one at open, or says what is wrong. */
    void expectClose(Token open) {
        String want = open.text().equals("(") ? ")" : open.text().equals("[") ? "]" : "}";
        Token t = peek();
        if (t.isOp(want)) {
            next();
            return;
        }
        if (t.kind() == Token.Kind.EOF) {
            throw error(open, "'" + open.text() + "' was never closed");
        }
        if (t.isOp(")") || t.isOp("]") || t.isOp("}")) {
            throw error(t, "closing bracket '" + t.text() + "' does not match '" + open.text() + "' at line "
                    + open.line() + ", column " + open.col());
        }
        throw unexpected(t);
    }

    void enter(Token at) {
        if (++depth > ExpressionLimits.MAX_NESTING_DEPTH) {
            throw error(at, "nesting deeper than " + ExpressionLimits.MAX_NESTING_DEPTH
                    + " levels (ExpressionLimits.MAX_NESTING_DEPTH)");
        }
    }

    void leave(int levels) {
        depth -= levels;
    }

    // ---- scopes ----

    int newSlot() {
        return slots++;
    }

    /** The names called that no built-in defines, sorted. */
    Set<String> externals() {
        return Collections.unmodifiableSet(externals);
    }

    int slots() {
        return slots;
    }

    void pushScope(Map<String, Integer> scope) {
        scopes.push(new Scope(scope, level));
    }

    /** Starts the frame of a function body: its locals get slots from 1. */
    FrameState beginFunction() {
        FrameState saved = new FrameState(slots, level);
        slots = 1;
        level++;
        return saved;
    }

    /** Ends a function body: the frame size it needs, and the enclosing frame back. */
    int endFunction(FrameState saved) {
        int size = slots;
        slots = saved.slots();
        level = saved.level();
        return size;
    }

    boolean inFunction() {
        return level > 0;
    }

    /** The slot of a name local to the running function, or null. */
    Integer functionLocal(String name) {
        for (Scope s : scopes) {
            if (s.level() != level) {
                return null;
            }
            Integer slot = s.names().get(name);
            if (slot != null) {
                return slot;
            }
        }
        return null;
    }

    void addProgramFunctions(Set<String> names) {
        programFunctions.addAll(names);
    }

    void importModule(String alias, String module) {
        modules.put(alias, module);
        importedFunctions.remove(alias);
    }

    void importFunction(String alias, Modules.Function function) {
        importedFunctions.put(alias, function);
        modules.remove(alias);
        constants.remove(alias);
    }

    void importConstant(String alias, Object value) {
        constants.put(alias, value);
        modules.remove(alias);
        importedFunctions.remove(alias);
    }

    /** The tokens from the current one on. */
    List<Token> tokensFrom() {
        return tokens.subList(pos, tokens.size());
    }

    /** A name, or names joined by dots ({@code os.path}), as one token. */
    Token dottedName() {
        Token first = next();
        if (first.kind() != Token.Kind.NAME) {
            throw error(first, "expected a module name");
        }
        StringBuilder b = new StringBuilder(first.text());
        while (atOp(".")) {
            next();
            Token n = next();
            if (n.kind() != Token.Kind.NAME) {
                throw error(n, "expected a name after '.'");
            }
            b.append('.').append(n.text());
        }
        return new Token(Token.Kind.NAME, b.toString(), b.toString(), first.line(), first.col());
    }

    /** The parameters of a def (after its '(') or a lambda (up to ':'), with their default values. */
    record FunctionHeader(List<String> names, List<Node> defaults) {
    }

    FunctionHeader parameters(Token open, String closer) {
        List<String> names = new ArrayList<>();
        List<Node> defaults = new ArrayList<>();
        while (!atOp(closer)) {
            Token n = next();
            if (n.isOp("*") || n.isOp("**")) {
                throw error(n, "'" + n.text() + "' parameters are not supported");
            }
            if (n.kind() != Token.Kind.NAME) {
                throw error(n, "expected a parameter name");
            }
            checkName(n);
            if (names.contains(n.text())) {
                throw error(n, "duplicate argument '" + n.text() + "' in function definition");
            }
            names.add(n.text());
            if (atOp("=")) {
                next();
                defaults.add(test());
            } else if (!defaults.isEmpty()) {
                throw error(n, "parameter without a default follows parameter with a default");
            }
            if (!atOp(",")) {
                break;
            }
            next();
        }
        if (closer.equals(")")) {
            expectClose(open);
        } else if (!atOp(closer)) {
            throw unexpected(peek());
        }
        return new FunctionHeader(names, defaults);
    }

    /** Slots for a function's parameters, then for the other names its body binds. */
    Map<String, Integer> parameterScope(FunctionHeader header, Set<String> locals) {
        Map<String, Integer> scope = new HashMap<>();
        for (String n : header.names()) {
            scope.put(n, newSlot());
        }
        for (String n : locals) {
            scope.computeIfAbsent(n, k -> newSlot());
        }
        return scope;
    }

    int[] slotsOf(FunctionHeader header, Map<String, Integer> scope) {
        int[] out = new int[header.names().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = scope.get(header.names().get(i));
        }
        return out;
    }

    /** The condition of an if or while. */
    Node namedTest() {
        return test();
    }

    /** Loop variables of a for inside a function: names, dotted paths, or several separated by commas. */
    Node targetList() {
        Node first = arith();
        if (!atOp(",")) {
            return first;
        }
        List<Node> items = new ArrayList<>();
        items.add(first);
        while (atOp(",")) {
            next();
            if (atKeyword("in")) {
                break;
            }
            items.add(arith());
        }
        return new Literals.TupleLit(items.toArray(new Node[0]));
    }

    void popScope() {
        scopes.pop();
    }

    boolean isLocal(String name) {
        for (Scope s : scopes) {
            if (s.names().containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    void checkName(Token t) {
        if (t.text().startsWith("__")) {
            throw error(t, "name '" + t.text() + "' is not allowed (names starting with '__' are reserved)");
        }
    }

    private Node resolve(Token t) {
        String name = t.text();
        checkName(t);
        for (Scope s : scopes) {
            Integer slot = s.names().get(name);
            if (slot != null) {
                return new Leaves.Local(name, slot, level - s.level());
            }
        }
        return name.equals("ctx") ? new Leaves.Whole() : new Leaves.Global(name);
    }

    // ---- expressions, lowest precedence first ----

    /** {@code a, b, ...} (a tuple) or a single expression. */
    Node testList() {
        Node first = test();
        if (!atOp(",")) {
            return first;
        }
        List<Node> items = new ArrayList<>();
        items.add(first);
        while (atOp(",")) {
            next();
            if (endsTestList(peek())) {
                break;
            }
            items.add(test());
        }
        return new Literals.TupleLit(items.toArray(new Node[0]));
    }

    private static boolean endsTestList(Token t) {
        return t.kind() == Token.Kind.EOF || t.kind() == Token.Kind.NEWLINE || t.isOp("=") || t.isOp(")")
                || t.isOp(":") || t.isOp("]") || t.isOp("}");
    }

    /** The conditional expression {@code a if c else b}, or an or-test. */
    Node test() {
        Token start = peek();
        if (start.isKeyword("lambda")) {
            return lambda();
        }
        Node value = orTest();
        if (!atKeyword("if")) {
            return value;
        }
        Token ifTok = next();
        enter(ifTok);
        Node condition = orTest();
        if (!atKeyword("else")) {
            throw error(peek(), "expected 'else' in the conditional expression started at column " + ifTok.col());
        }
        next();
        Node otherwise = test();
        leave(1);
        return new Operators.IfElse(condition, value, otherwise);
    }

    private Node lambda() {
        Token lambdaTok = next();
        enter(lambdaTok);
        FunctionHeader header = parameters(lambdaTok, ":");
        next();
        FrameState saved = beginFunction();
        Map<String, Integer> scope = parameterScope(header, Set.of());
        pushScope(scope);
        Node body = test();
        popScope();
        int size = endFunction(saved);
        leave(1);
        PyFunction.Code code = new PyFunction.Code("<lambda>", header.names().toArray(new String[0]),
                slotsOf(header, scope), header.defaults().toArray(new Node[0]),
                new Statement[] {new Statement.Return(body, lambdaTok.line(), lambdaTok.col())}, size);
        return new Accessors.Lambda(code);
    }

    Node orTest() {
        Node first = andTest();
        if (!atKeyword("or")) {
            return first;
        }
        List<Node> operands = new ArrayList<>();
        operands.add(first);
        while (atKeyword("or")) {
            next();
            operands.add(andTest());
        }
        return new Operators.Or(operands.toArray(new Node[0]));
    }

    private Node andTest() {
        Node first = notTest();
        if (!atKeyword("and")) {
            return first;
        }
        List<Node> operands = new ArrayList<>();
        operands.add(first);
        while (atKeyword("and")) {
            next();
            operands.add(notTest());
        }
        return new Operators.And(operands.toArray(new Node[0]));
    }

    private Node notTest() {
        if (atKeyword("not")) {
            Token t = next();
            enter(t);
            Node operand = notTest();
            leave(1);
            return new Operators.Not(operand);
        }
        return comparison();
    }

    private CmpOp comparisonOperator() {
        Token t = peek();
        if (t.kind() == Token.Kind.OP) {
            switch (t.text()) {
                case "==": next(); return CmpOp.EQ;
                case "!=": next(); return CmpOp.NE;
                case "<": next(); return CmpOp.LT;
                case "<=": next(); return CmpOp.LE;
                case ">": next(); return CmpOp.GT;
                case ">=": next(); return CmpOp.GE;
                default: return null;
            }
        }
        if (t.isKeyword("in")) {
            next();
            return CmpOp.IN;
        }
        if (t.isKeyword("not") && peek(1).isKeyword("in")) {
            next();
            next();
            return CmpOp.NOT_IN;
        }
        if (t.isKeyword("is")) {
            next();
            if (atKeyword("not")) {
                next();
                return CmpOp.IS_NOT;
            }
            return CmpOp.IS;
        }
        return null;
    }

    private Node comparison() {
        Node first = bitOr();
        CmpOp op = comparisonOperator();
        if (op == null) {
            return first;
        }
        List<Node> operands = new ArrayList<>();
        List<CmpOp> ops = new ArrayList<>();
        operands.add(first);
        while (op != null) {
            ops.add(op);
            operands.add(bitOr());
            op = comparisonOperator();
        }
        if (ops.size() == 1) {
            return new Operators.Compare1(ops.get(0), operands.get(0), operands.get(1));
        }
        return new Operators.CompareChain(operands.toArray(new Node[0]), ops.toArray(new CmpOp[0]));
    }

    /** {@code |}, then {@code ^}, {@code &} and the shifts, each binding tighter (Python's order). */
    private Node bitOr() {
        return binaryLevel(0);
    }

    private static final String[][] BIT_LEVELS = {{"|"}, {"^"}, {"&"}, {"<<", ">>"}};

    private Node binaryLevel(int index) {
        if (index == BIT_LEVELS.length) {
            return arith();
        }
        Node left = binaryLevel(index + 1);
        int levels = 0;
        while (true) {
            Token op = peek();
            boolean match = false;
            for (String symbol : BIT_LEVELS[index]) {
                match |= op.isOp(symbol);
            }
            if (!match) {
                break;
            }
            next();
            enter(op);
            levels++;
            Node right = binaryLevel(index + 1);
            left = new Operators.Binary(BinOp.of(op.text()), left, right, op.line(), op.col());
        }
        leave(levels);
        return left;
    }

    Node arith() {
        Node left = term();
        int levels = 0;
        while (atOp("+") || atOp("-")) {
            Token op = next();
            enter(op);
            levels++;
            Node right = term();
            left = new Operators.Binary(BinOp.of(op.text()), left, right, op.line(), op.col());
        }
        leave(levels);
        return left;
    }

    private Node term() {
        Node left = factor();
        int levels = 0;
        while (atOp("*") || atOp("/") || atOp("//") || atOp("%")) {
            Token op = next();
            enter(op);
            levels++;
            Node right = factor();
            left = new Operators.Binary(BinOp.of(op.text()), left, right, op.line(), op.col());
        }
        leave(levels);
        return left;
    }

    private Node factor() {
        if (atOp("-") || atOp("+")) {
            Token op = next();
            enter(op);
            Node operand = factor();
            leave(1);
            boolean negate = op.text().equals("-");
            if (operand instanceof Leaves.Const k && Num.isNumber(k.value()) && !(k.value() instanceof Boolean)) {
                return new Leaves.Const(negate ? Arith.negate(k.value()) : Arith.plus(k.value()));
            }
            return new Operators.Unary(negate, operand, op.line(), op.col());
        }
        return power();
    }

    private Node power() {
        Node base = primary();
        if (!atOp("**")) {
            return base;
        }
        Token op = next();
        enter(op);
        Node exponent = factor();
        leave(1);
        return new Operators.Binary(BinOp.POW, base, exponent, op.line(), op.col());
    }

    private Node primary() {
        Node node = atom();
        int levels = 0;
        while (true) {
            Token t = peek();
            if (t.isOp(".")) {
                next();
                enter(t);
                levels++;
                node = attribute(node);
            } else if (t.isOp("[")) {
                enter(t);
                levels++;
                node = subscript(node);
            } else if (t.isOp("(")) {
                Args args = arguments(next(), true);
                node = new Accessors.CallValue(node, args.positional.toArray(new Node[0]),
                        args.names.toArray(new String[0]), args.values.toArray(new Node[0]), t.line(), t.col());
            } else {
                break;
            }
        }
        leave(levels);
        return node;
    }

    private Node attribute(Node target) {
        Token name = peek();
        boolean word = name.kind() == Token.Kind.NAME || name.isKeyword("true") || name.isKeyword("false")
                || name.isKeyword("null");
        if (!word) {
            throw error(name, "expected a name after '.'");
        }
        next();
        if (name.text().startsWith("__")) {
            throw error(name, "attribute '" + name.text() + "' is not allowed");
        }
        if (atOp("(")) {
            Method m = Method.byName(name.text());
            if (m == null) {
                throw error(name, "unknown method '" + name.text() + "'");
            }
            Args args = arguments(next(), false);
            String problem = m.checkCall(args.positional.size(), !args.names.isEmpty());
            if (problem != null) {
                throw error(name, problem);
            }
            return new Accessors.MethodCall(target, m, args.positional.toArray(new Node[0]), name.line(), name.col());
        }
        if (target instanceof Leaves.Whole) {
            return new Leaves.Global(name.text());
        }
        return new Accessors.Attribute(target, name.text(), name.line(), name.col());
    }

    private Node subscript(Node target) {
        Token open = next();
        Node start = null;
        if (!atOp(":")) {
            start = test();
            if (!atOp(":")) {
                if (atOp(",")) {
                    throw error(peek(), "tuple indices are not supported");
                }
                expectClose(open);
                return new Accessors.Subscript(target, start, open.line(), open.col());
            }
        }
        next();
        Node stop = atOp(":") || atOp("]") ? null : test();
        Node step = null;
        if (atOp(":")) {
            next();
            step = atOp("]") ? null : test();
        }
        expectClose(open);
        return new Accessors.Slice(target, start, stop, step, open.line(), open.col());
    }

    private Node atom() {
        Token t = peek();
        switch (t.kind()) {
            case NAME:
                next();
                if (!isLocal(t.text())) {
                    if (modules.containsKey(t.text())) {
                        return moduleMember(t, modules.get(t.text()));
                    }
                    if (constants.containsKey(t.text())) {
                        return new Leaves.Const(constants.get(t.text()));
                    }
                }
                if (atOp("(")) {
                    return call(t);
                }
                return resolve(t);
            case INT:
            case FLOAT:
                next();
                return new Leaves.Const(t.value());
            case STRING:
            case FSTART:
                return strings();
            case KEYWORD:
                switch (t.text()) {
                    case "True":
                    case "true":
                        next();
                        return new Leaves.Const(Boolean.TRUE);
                    case "False":
                    case "false":
                        next();
                        return new Leaves.Const(Boolean.FALSE);
                    case "None":
                    case "null":
                        next();
                        return new Leaves.Const(null);
                    default:
                        throw unexpected(t);
                }
            case OP:
                switch (t.text()) {
                    case "(":
                        return parenthesised();
                    case "[":
                        return listDisplay();
                    case "{":
                        return dictDisplay();
                    default:
                        throw unexpected(t);
                }
            default:
                throw unexpected(t);
        }
    }

    /** {@code module.name...}: a submodule, a constant or a call of the module's function, checked now. */
    private Node moduleMember(Token at, String module) {
        if (!atOp(".")) {
            throw error(at, "module '" + module + "' is not a value: use its functions and constants ("
                    + String.join(", ", Modules.names(module)) + ")");
        }
        next();
        Token name = next();
        Object member = Modules.member(module, name.text());
        if (member == null) {
            throw error(name, "module '" + module + "' has no '" + name.text() + "' here (it has: "
                    + String.join(", ", Modules.names(module)) + ")");
        }
        if (member instanceof Modules.Submodule sub) {
            return moduleMember(name, sub.name());
        }
        if (member instanceof Modules.Function f) {
            if (!atOp("(")) {
                throw error(name, "'" + module + "." + name.text() + "' can only be called");
            }
            return moduleCall(f, name);
        }
        return new Leaves.Const(member);
    }

    private Node moduleCall(Modules.Function f, Token name) {
        Args args = arguments(next(), true);
        String problem = f.checkCall(args.positional.size(), args.names);
        if (problem != null) {
            throw error(name, problem);
        }
        Node[] positional = args.positional.toArray(new Node[0]);
        Modules.checkConstantArguments(f, positional, this, name);
        return new Modules.Call(f, positional, args.names.toArray(new String[0]),
                args.values.toArray(new Node[0]), name.line(), name.col());
    }

    /** Adjacent string literals and f-strings, joined. */
    private Node strings() {
        Token first = peek();
        List<Node> parts = new ArrayList<>();
        List<Boolean> fields = new ArrayList<>();
        List<Character> conversions = new ArrayList<>();
        List<String> specs = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean formatted = false;
        while (peek().kind() == Token.Kind.STRING || peek().kind() == Token.Kind.FSTART) {
            Token t = next();
            if (t.kind() == Token.Kind.STRING) {
                text.append((String) t.value());
                continue;
            }
            formatted = true;
            while (peek().kind() != Token.Kind.FEND) {
                if (peek().kind() == Token.Kind.FTEXT) {
                    text.append((String) next().value());
                    continue;
                }
                if (text.length() > 0) {
                    parts.add(new Leaves.Const(text.toString()));
                    fields.add(false);
                    conversions.add(' ');
                    specs.add(null);
                    text.setLength(0);
                }
                Node value = test();
                Token end = next();
                if (end.kind() != Token.Kind.FIELD_END) {
                    throw unexpected(end);
                }
                String[] cs = (String[]) end.value();
                parts.add(value);
                fields.add(true);
                conversions.add(cs[0].isEmpty() ? ' ' : cs[0].charAt(0));
                specs.add(cs[1]);
            }
            next();
        }
        if (!formatted) {
            return new Leaves.Const(text.toString());
        }
        if (text.length() > 0) {
            parts.add(new Leaves.Const(text.toString()));
            fields.add(false);
            conversions.add(' ');
            specs.add(null);
        }
        boolean[] f = new boolean[fields.size()];
        char[] cv = new char[fields.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = fields.get(i);
            cv[i] = conversions.get(i);
        }
        return new FString(parts.toArray(new Node[0]), f, cv, specs.toArray(new String[0]), first.line(), first.col());
    }

    private Node call(Token name) {
        if (isLocal(name.text()) || programFunctions.contains(name.text())) {
            Node callee = resolve(name);
            Args args = arguments(next(), true);
            return new Accessors.CallValue(callee, args.positional.toArray(new Node[0]),
                    args.names.toArray(new String[0]), args.values.toArray(new Node[0]), name.line(), name.col());
        }
        if (importedFunctions.containsKey(name.text())) {
            return moduleCall(importedFunctions.get(name.text()), name);
        }
        if (Compound.Errors.NAMES.contains(name.text())) {
            Args args = arguments(next(), true);
            if (args.positional.size() > 1 || !args.names.isEmpty()) {
                throw error(name, name.text() + "() takes at most one argument here: the message");
            }
            return new Accessors.NewError(name.text(), args.positional.isEmpty() ? null : args.positional.get(0),
                    name.line(), name.col());
        }
        Builtin f = Builtin.byName(name.text());
        if (f == null) {
            if (name.text().startsWith("__")) {
                throw error(name, "name '" + name.text() + "' is not allowed (names starting with '__' are reserved)");
            }
            if (UNAVAILABLE.contains(name.text())) {
                throw error(name, "'" + name.text() + "' is not available: the language evaluates no code,"
                        + " does no I/O and reads no object's internals");
            }
            Args args = arguments(next(), true);
            externals.add(name.text());
            return new Accessors.ExternalCall(name.text(), args.positional.toArray(new Node[0]),
                    args.names.toArray(new String[0]), args.values.toArray(new Node[0]), name.line(), name.col());
        }
        Args args = arguments(next(), true);
        String problem = f.checkCall(args.positional.size(), args.names);
        if (problem != null) {
            throw error(name, problem);
        }
        if (f == Builtin.LOCALS && inFunction()) {
            return functionLocals();
        }
        if (f == Builtin.ISINSTANCE) {
            args.positional.set(1, PyType.argument(args.positional.get(1), this, name));
        }
        return new Accessors.Call(f, args.positional.toArray(new Node[0]), args.names.toArray(new String[0]),
                args.values.toArray(new Node[0]), name.line(), name.col());
    }

    /** Call arguments after the '(' at open: positional, then keyword; or one generator expression. */
    private static final class Args {
        final List<Node> positional = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final List<Node> values = new ArrayList<>();
    }

    private Args arguments(Token open, boolean function) {
        enter(open);
        Args args = new Args();
        int openIndex = pos - 1;
        if (holdsFor[openIndex] && !atOp(")")) {
            args.positional.add(comprehension(open, openIndex, false));
            if (atOp(",")) {
                throw error(peek(), "a generator expression must be the only argument, or be in parentheses");
            }
            expectClose(open);
            leave(1);
            return args;
        }
        while (!atOp(")")) {
            Token t = peek();
            if (t.isOp("*") || t.isOp("**")) {
                throw error(t, "argument unpacking ('" + t.text() + "') is not supported");
            }
            if (t.kind() == Token.Kind.NAME && peek(1).isOp("=")) {
                if (!function) {
                    throw error(t, "methods take no keyword arguments");
                }
                next();
                next();
                if (args.names.contains(t.text())) {
                    throw error(t, "keyword argument repeated: '" + t.text() + "'");
                }
                args.names.add(t.text());
                args.values.add(test());
            } else {
                if (!args.names.isEmpty()) {
                    throw error(t, "positional argument follows keyword argument");
                }
                args.positional.add(test());
            }
            if (!atOp(",")) {
                break;
            }
            next();
        }
        expectClose(open);
        leave(1);
        return args;
    }

    private Node parenthesised() {
        Token open = next();
        int openIndex = pos - 1;
        enter(open);
        Node result;
        if (atOp(")")) {
            result = new Leaves.Const(PyTuple.EMPTY);
        } else if (holdsFor[openIndex]) {
            result = comprehension(open, openIndex, false);
        } else {
            Node first = test();
            if (atOp(",")) {
                List<Node> items = new ArrayList<>();
                items.add(first);
                while (atOp(",")) {
                    next();
                    if (atOp(")")) {
                        break;
                    }
                    items.add(test());
                }
                result = new Literals.TupleLit(items.toArray(new Node[0]));
            } else {
                result = first;
            }
        }
        expectClose(open);
        leave(1);
        return result;
    }

    private Node listDisplay() {
        Token open = next();
        int openIndex = pos - 1;
        enter(open);
        Node result;
        if (holdsFor[openIndex] && !atOp("]")) {
            result = comprehension(open, openIndex, false);
        } else {
            List<Node> items = new ArrayList<>();
            while (!atOp("]")) {
                items.add(test());
                if (!atOp(",")) {
                    break;
                }
                next();
            }
            result = new Literals.ListLit(items.toArray(new Node[0]));
        }
        expectClose(open);
        leave(1);
        return result;
    }

    private Node dictDisplay() {
        Token open = next();
        int openIndex = pos - 1;
        enter(open);
        Node result;
        if (holdsFor[openIndex] && !atOp("}")) {
            result = comprehension(open, openIndex, true);
        } else {
            List<Node> keys = new ArrayList<>();
            List<Node> values = new ArrayList<>();
            while (!atOp("}")) {
                if (atOp("**")) {
                    throw error(peek(), "dict unpacking ('**') is not supported");
                }
                keys.add(test());
                if (!atOp(":")) {
                    if (keys.size() == 1 && (atOp(",") || atOp("}"))) {
                        Node set = setDisplay(open, keys.get(0));
                        leave(1);
                        return set;
                    }
                    throw unexpected(peek());
                }
                next();
                values.add(test());
                if (!atOp(",")) {
                    break;
                }
                next();
            }
            result = new Literals.DictLit(keys.toArray(new Node[0]), values.toArray(new Node[0]));
        }
        expectClose(open);
        leave(1);
        return result;
    }

    /** The rest of a set display {@code {first, ...}}, its closing brace included. */
    private Node setDisplay(Token open, Node first) {
        List<Node> items = new ArrayList<>();
        items.add(first);
        while (atOp(",")) {
            next();
            if (atOp("}")) {
                break;
            }
            items.add(test());
        }
        expectClose(open);
        return new Literals.SetLit(items.toArray(new Node[0]));
    }

    /** {@code locals()} inside a function: the names of its frame. */
    private Node functionLocals() {
        List<String> names = new ArrayList<>();
        List<Integer> slotList = new ArrayList<>();
        for (Scope s : scopes) {
            if (s.level() != level) {
                break;
            }
            for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(s.names()).entrySet()) {
                if (!names.contains(e.getKey())) {
                    names.add(e.getKey());
                    slotList.add(e.getValue());
                }
            }
        }
        int[] slotArray = new int[slotList.size()];
        for (int i = 0; i < slotArray.length; i++) {
            slotArray[i] = slotList.get(i);
        }
        return new Literals.LocalsLit(names.toArray(new String[0]), slotArray);
    }

    /**
     * A comprehension inside the bracket at openIndex (the caller checks the closing bracket).
     * Its loop variables are found first, by scanning the tokens, so that the element, which
     * comes before them in the text, already sees them as locals.
     */
    private Node comprehension(Token open, int openIndex, boolean dict) {
        List<List<String>> targets = scanTargets(openIndex);
        List<Map<String, Integer>> clauseScopes = new ArrayList<>();
        Map<String, Integer> all = new HashMap<>();
        for (List<String> names : targets) {
            Map<String, Integer> scope = new HashMap<>();
            for (String n : names) {
                scope.put(n, newSlot());
            }
            clauseScopes.add(scope);
            all.putAll(scope);
        }
        pushScope(all);
        Node element = test();
        Node value = null;
        boolean set = false;
        if (dict) {
            if (atOp(":")) {
                next();
                value = test();
            } else {
                dict = false;
                set = true;
            }
        }
        popScope();
        if (!atKeyword("for")) {
            throw atOp(",") ? error(peek(), "a generator expression must be the only argument, or be in parentheses")
                    : unexpected(peek());
        }
        List<Comprehension.Clause> clauses = new ArrayList<>();
        int pushed = 0;
        for (int i = 0; i < clauseScopes.size(); i++) {
            Token forTok = peek();
            if (!forTok.isKeyword("for")) {
                throw unexpected(forTok);
            }
            next();
            Map<String, Integer> scope = clauseScopes.get(i);
            Targets tg = targets(scope);
            if (!atKeyword("in")) {
                throw error(peek(), "expected 'in' after the loop variables");
            }
            next();
            Node iterable = orTest();
            pushScope(scope);
            pushed++;
            clauses.add(new Comprehension.For(tg.slots, tg.unpack, iterable, forTok.line(), forTok.col()));
            while (atKeyword("if")) {
                next();
                clauses.add(new Comprehension.If(orTest()));
            }
        }
        for (int i = 0; i < pushed; i++) {
            popScope();
        }
        if (atKeyword("for")) {
            throw error(peek(), "unexpected 'for'");
        }
        return new Comprehension(dict, set, element, value, clauses.toArray(new Comprehension.Clause[0]));
    }

    /** The loop variables of each 'for' directly inside the bracket at openIndex. */
    private List<List<String>> scanTargets(int openIndex) {
        List<List<String>> out = new ArrayList<>();
        int end = close[openIndex] < 0 ? tokens.size() - 1 : close[openIndex];
        int i = openIndex + 1;
        while (i < end) {
            Token t = tokens.get(i);
            if (t.kind() == Token.Kind.OP && (t.text().equals("(") || t.text().equals("[") || t.text().equals("{"))) {
                i = close[i] < 0 ? end : close[i] + 1;
                continue;
            }
            if (t.isKeyword("for")) {
                List<String> names = new ArrayList<>();
                i++;
                while (i < end && !tokens.get(i).isKeyword("in")) {
                    Token n = tokens.get(i);
                    if (n.kind() == Token.Kind.NAME) {
                        names.add(n.text());
                    }
                    i++;
                }
                out.add(names);
                continue;
            }
            i++;
        }
        return out;
    }

    /** Loop variables: one name, or names separated by commas (optionally in parentheses). */
    record Targets(int[] slots, boolean unpack, List<String> names) {
    }

    /**
     * Reads the loop variables of a for. With preassigned, the slots come from it (a
     * comprehension); otherwise new slots are taken.
     */
    Targets targets(Map<String, Integer> preassigned) {
        boolean paren = atOp("(");
        Token open = paren ? next() : null;
        List<String> names = new ArrayList<>();
        List<Integer> slotList = new ArrayList<>();
        boolean unpack = paren;
        while (true) {
            Token t = peek();
            if (t.kind() != Token.Kind.NAME) {
                throw error(t, "a loop variable must be a name (or names separated by commas)");
            }
            next();
            checkName(t);
            if (t.text().equals("ctx")) {
                throw error(t, "'ctx' cannot be a loop variable");
            }
            if (names.contains(t.text())) {
                throw error(t, "loop variable '" + t.text() + "' appears twice");
            }
            names.add(t.text());
            Integer slot = preassigned != null ? preassigned.get(t.text()) : Integer.valueOf(newSlot());
            if (slot == null) {
                throw error(t, "a loop variable must be a name (or names separated by commas)");
            }
            slotList.add(slot);
            if (!atOp(",")) {
                break;
            }
            next();
            unpack = true;
            if (atKeyword("in") || paren && atOp(")")) {
                break;
            }
        }
        if (paren) {
            expectClose(open);
        }
        int[] s = new int[slotList.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = slotList.get(i);
        }
        return new Targets(s, unpack, names);
    }
}
