package dev.victor.workflow.expr.internal;

import dev.victor.workflow.expr.ExpressionLimits;
import dev.victor.workflow.expr.ExpressionSyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Set;
import java.util.Deque;
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

    private final List<Token> tokens;
    private final int[] close;
    private final boolean[] holdsFor;
    private final boolean program;
    private final Deque<Scope> scopes = new ArrayDeque<>();
    /** The slot of a name a function declares {@code global}: it resolves to the program's name. */
    static final int GLOBAL = -1;
    private int pos;
    private int depth;
    /** The next free slot of the frame being parsed (slot 0 holds the enclosing frame). */
    private int slots = 1;
    /** How many function bodies ({@code def}, {@code lambda}) enclose the current position. */
    private int level;
    final Calls calls = new Calls(this);
    final Displays displays = new Displays(this);

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
        return new Parsed(n, p.slots, p.calls.externals());
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
        return calls.externals();
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
        calls.addProgramFunctions(names);
    }

    /** The token at index, the number of tokens, the current index, bracket pairs: for Displays and Calls. */
    Token token(int index) {
        return tokens.get(index);
    }

    int tokenCount() {
        return tokens.size();
    }

    int position() {
        return pos;
    }

    boolean holdsFor(int openIndex) {
        return holdsFor[openIndex];
    }

    int closeOf(int openIndex) {
        return close[openIndex];
    }

    /** The tokens from the current one on. */
    List<Token> tokensFrom() {
        return tokens.subList(pos, tokens.size());
    }

    void popScope() {
        scopes.pop();
    }

    boolean isLocal(String name) {
        for (Scope s : scopes) {
            Integer slot = s.names().get(name);
            if (slot != null) {
                return slot != GLOBAL;
            }
        }
        return false;
    }

    /** Whether name is a local of a function around the one being parsed (what {@code nonlocal} may name). */
    boolean enclosingFunctionLocal(String name) {
        for (Scope s : scopes) {
            Integer slot = s.names().get(name);
            if (slot != null) {
                return slot != GLOBAL && s.level() > 0 && s.level() < level;
            }
        }
        return false;
    }

    void checkName(Token t) {
        if (t.text().startsWith("__")) {
            throw error(t, "name '" + t.text() + "' is not allowed (names starting with '__' are reserved)");
        }
    }

    Node resolve(Token t) {
        String name = t.text();
        checkName(t);
        for (Scope s : scopes) {
            Integer slot = s.names().get(name);
            if (slot != null) {
                if (slot == GLOBAL) {
                    break;
                }
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
            return calls.lambda();
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

    private Node comparison() {
        Node first = bitOr();
        CmpOp op = CmpOp.read(this);
        if (op == null) {
            return first;
        }
        List<Node> operands = new ArrayList<>();
        List<CmpOp> ops = new ArrayList<>();
        operands.add(first);
        while (op != null) {
            ops.add(op);
            operands.add(bitOr());
            op = CmpOp.read(this);
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
                node = calls.attribute(node);
            } else if (t.isOp("[")) {
                enter(t);
                levels++;
                node = displays.subscript(node);
            } else if (t.isOp("(")) {
                Calls.Args args = calls.arguments(next(), true);
                node = new Accessors.CallValue(node, args.positional.toArray(new Node[0]),
                        args.names.toArray(new String[0]), args.values.toArray(new Node[0]), t.line(), t.col());
            } else {
                break;
            }
        }
        leave(levels);
        return node;
    }

    private Node atom() {
        Token t = peek();
        switch (t.kind()) {
            case NAME:
                next();
                if (!isLocal(t.text())) {
                    Node imported = calls.imported(t);
                    if (imported != null) {
                        return imported;
                    }
                }
                if (atOp("(")) {
                    return calls.call(t);
                }
                return calls.nameValue(t, resolve(t));
            case INT:
            case FLOAT:
                next();
                return new Leaves.Const(t.value());
            case STRING:
            case FSTART:
                return displays.strings();
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
                        return displays.parenthesised();
                    case "[":
                        return displays.listDisplay();
                    case "{":
                        return displays.dictDisplay();
                    default:
                        throw unexpected(t);
                }
            default:
                throw unexpected(t);
        }
    }

    /** {@code locals()} inside a function: the names of its frame. */
    Node functionLocals() {
        List<String> names = new ArrayList<>();
        List<Integer> slotList = new ArrayList<>();
        for (Scope s : scopes) {
            if (s.level() != level) {
                break;
            }
            for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(s.names()).entrySet()) {
                if (!names.contains(e.getKey()) && e.getValue() != GLOBAL) {
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
}
