package dev.victor.workflow.expr.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses calls and function values for the {@link Parser}: built-ins, the program's own
 * functions, imported module members, function services, {@code lambda}; and keeps what the
 * imports made visible.
 */
final class Calls {
    /** Python built-ins that would break the sandbox: never callable, not even as a service. */
    private static final Set<String> UNAVAILABLE = Set.of("eval", "exec", "compile", "open", "input", "print",
            "getattr", "setattr", "delattr", "hasattr", "vars", "dir", "type", "object", "super", "id",
            "breakpoint", "exit", "quit", "help", "memoryview", "classmethod", "staticmethod", "property");

    private final Parser p;
    private final Set<String> externals = new TreeSet<>();
    /** Names the program binds anywhere (def, assignments), found before parsing: calls of them call values. */
    private final Set<String> programFunctions = new java.util.HashSet<>();
    /** Module aliases ({@code import math as m}), imported functions and constants ({@code from math import comb}). */
    private final Map<String, String> modules = new HashMap<>();
    private final Map<String, Modules.Function> importedFunctions = new HashMap<>();
    private final Map<String, Object> constants = new HashMap<>();

    Calls(Parser p) {
        this.p = p;
    }

    /** The names called that no built-in defines, sorted. */
    Set<String> externals() {
        return java.util.Collections.unmodifiableSet(externals);
    }

    void addProgramFunctions(Set<String> names) {
        programFunctions.addAll(names);
    }

    void importModule(String alias, String module) {
        modules.put(alias, module);
        importedFunctions.remove(alias);
        constants.remove(alias);
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

    /** What a name that is not a local means when imports made it a module or a constant; null otherwise. */
    Node imported(Token name) {
        if (modules.containsKey(name.text())) {
            return moduleMember(name, modules.get(name.text()));
        }
        if (constants.containsKey(name.text())) {
            return new Leaves.Const(constants.get(name.text()));
        }
        return null;
    }

    /** The parameters of a def (after its '(') or a lambda (up to ':'), with their default values. */
    record FunctionHeader(List<String> names, List<Node> defaults) {
    }

    FunctionHeader parameters(Token open, String closer) {
        List<String> names = new ArrayList<>();
        List<Node> defaults = new ArrayList<>();
        while (!p.atOp(closer)) {
            Token n = p.next();
            if (n.isOp("*") || n.isOp("**")) {
                throw p.error(n, "'" + n.text() + "' parameters are not supported");
            }
            if (n.kind() != Token.Kind.NAME) {
                throw p.error(n, "expected a parameter name");
            }
            p.checkName(n);
            if (names.contains(n.text())) {
                throw p.error(n, "duplicate argument '" + n.text() + "' in function definition");
            }
            names.add(n.text());
            if (p.atOp("=")) {
                p.next();
                defaults.add(p.test());
            } else if (!defaults.isEmpty()) {
                throw p.error(n, "parameter without a default follows parameter with a default");
            }
            if (!p.atOp(",")) {
                break;
            }
            p.next();
        }
        if (closer.equals(")")) {
            p.expectClose(open);
        } else if (!p.atOp(closer)) {
            throw p.unexpected(p.peek());
        }
        return new FunctionHeader(names, defaults);
    }

    /** Slots for a function's parameters, then for the other names its body binds. */
    Map<String, Integer> parameterScope(FunctionHeader header, Set<String> locals) {
        Map<String, Integer> scope = new HashMap<>();
        for (String n : header.names()) {
            scope.put(n, p.newSlot());
        }
        for (String n : locals) {
            scope.computeIfAbsent(n, k -> p.newSlot());
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

    Node lambda() {
        Token lambdaTok = p.next();
        p.enter(lambdaTok);
        FunctionHeader header = parameters(lambdaTok, ":");
        p.next();
        Parser.FrameState saved = p.beginFunction();
        Map<String, Integer> scope = parameterScope(header, Set.of());
        p.pushScope(scope);
        Node body = p.test();
        p.popScope();
        int size = p.endFunction(saved);
        p.leave(1);
        PyFunction.Code code = new PyFunction.Code("<lambda>", header.names().toArray(new String[0]),
                slotsOf(header, scope), header.defaults().toArray(new Node[0]),
                new Statement[] {new Statement.Return(body, lambdaTok.line(), lambdaTok.col())}, size);
        return new Accessors.Lambda(code);
    }

    /** {@code module.name...}: a submodule, a constant or a call of the module's function, checked now. */
    Node moduleMember(Token at, String module) {
        if (!p.atOp(".")) {
            throw p.error(at, "module '" + module + "' is not a value: use its functions and constants ("
                    + String.join(", ", Modules.names(module)) + ")");
        }
        p.next();
        Token name = p.next();
        Object member = Modules.member(module, name.text());
        if (member == null) {
            throw p.error(name, "module '" + module + "' has no '" + name.text() + "' here (it has: "
                    + String.join(", ", Modules.names(module)) + ")");
        }
        if (member instanceof Modules.Submodule sub) {
            return moduleMember(name, sub.name());
        }
        if (member instanceof Modules.Function f) {
            if (!p.atOp("(")) {
                throw p.error(name, "'" + module + "." + name.text() + "' can only be called");
            }
            return moduleCall(f, name);
        }
        return new Leaves.Const(member);
    }

    Node moduleCall(Modules.Function f, Token name) {
        Args args = arguments(p.next(), true);
        String problem = f.checkCall(args.positional.size(), args.names);
        if (problem != null) {
            throw p.error(name, problem);
        }
        Node[] positional = args.positional.toArray(new Node[0]);
        Modules.checkConstantArguments(f, positional, p, name);
        return new Modules.Call(f, positional, args.names.toArray(new String[0]),
                args.values.toArray(new Node[0]), name.line(), name.col());
    }

    /**
     * A name read as a value: a built-in function's name (not called) is the built-in, unless the
     * state or the program holds that name when it runs.
     */
    Node nameValue(Token t, Node resolved) {
        Builtin builtin = Builtin.byName(t.text());
        if (resolved instanceof Leaves.Global && builtin != null && PyBuiltin.usable(builtin)) {
            return new Leaves.BuiltinName(t.text(), PyBuiltin.of(builtin));
        }
        return resolved;
    }

    Node call(Token name) {
        if (p.isLocal(name.text()) || programFunctions.contains(name.text())) {
            Node callee = p.resolve(name);
            Args args = arguments(p.next(), true);
            return new Accessors.CallValue(callee, args.positional.toArray(new Node[0]),
                    args.names.toArray(new String[0]), args.values.toArray(new Node[0]), name.line(), name.col());
        }
        if (importedFunctions.containsKey(name.text())) {
            return moduleCall(importedFunctions.get(name.text()), name);
        }
        if (Compound.Errors.NAMES.contains(name.text())) {
            Args args = arguments(p.next(), true);
            if (args.positional.size() > 1 || !args.names.isEmpty()) {
                throw p.error(name, name.text() + "() takes at most one argument here: the message");
            }
            return new Accessors.NewError(name.text(), args.positional.isEmpty() ? null : args.positional.get(0),
                    name.line(), name.col());
        }
        Builtin f = Builtin.byName(name.text());
        if (f == null) {
            if (name.text().startsWith("__")) {
                throw p.error(name, "name '" + name.text() + "' is not allowed (names starting with '__' are reserved)");
            }
            if (UNAVAILABLE.contains(name.text())) {
                throw p.error(name, "'" + name.text() + "' is not available: the language evaluates no code,"
                        + " does no I/O and reads no object's internals");
            }
            Args args = arguments(p.next(), true);
            externals.add(name.text());
            return new Accessors.ExternalCall(name.text(), args.positional.toArray(new Node[0]),
                    args.names.toArray(new String[0]), args.values.toArray(new Node[0]), name.line(), name.col());
        }
        Args args = arguments(p.next(), true);
        String problem = f.checkCall(args.positional.size(), args.names);
        if (problem != null) {
            throw p.error(name, problem);
        }
        if (f == Builtin.LOCALS && p.inFunction()) {
            return p.functionLocals();
        }
        if (f == Builtin.ISINSTANCE) {
            args.positional.set(1, PyType.argument(args.positional.get(1), p, name));
        }
        return new Accessors.Call(f, args.positional.toArray(new Node[0]), args.names.toArray(new String[0]),
                args.values.toArray(new Node[0]), name.line(), name.col());
    }

    /** Call arguments after the '(' at open: positional, then keyword; or one generator expression. */
    static final class Args {
        final List<Node> positional = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final List<Node> values = new ArrayList<>();
    }

    Args arguments(Token open, boolean function) {
        p.enter(open);
        Args args = new Args();
        int openIndex = p.position() - 1;
        if (p.holdsFor(openIndex) && !p.atOp(")")) {
            args.positional.add(p.displays.comprehension(open, openIndex, false));
            if (p.atOp(",")) {
                throw p.error(p.peek(), "a generator expression must be the only argument, or be in parentheses");
            }
            p.expectClose(open);
            p.leave(1);
            return args;
        }
        while (!p.atOp(")")) {
            Token t = p.peek();
            if (t.isOp("*") || t.isOp("**")) {
                throw p.error(t, "argument unpacking ('" + t.text() + "') is not supported");
            }
            if (t.kind() == Token.Kind.NAME && p.peek(1).isOp("=")) {
                if (!function) {
                    throw p.error(t, "methods take no keyword arguments");
                }
                p.next();
                p.next();
                if (args.names.contains(t.text())) {
                    throw p.error(t, "keyword argument repeated: '" + t.text() + "'");
                }
                args.names.add(t.text());
                args.values.add(p.test());
            } else {
                if (!args.names.isEmpty()) {
                    throw p.error(t, "positional argument follows keyword argument");
                }
                args.positional.add(p.test());
            }
            if (!p.atOp(",")) {
                break;
            }
            p.next();
        }
        p.expectClose(open);
        p.leave(1);
        return args;
    }

    Node attribute(Node target) {
        Token name = p.peek();
        boolean word = name.kind() == Token.Kind.NAME || name.isKeyword("true") || name.isKeyword("false")
                || name.isKeyword("null");
        if (!word) {
            throw p.error(name, "expected a name after '.'");
        }
        p.next();
        if (name.text().startsWith("__")) {
            throw p.error(name, "attribute '" + name.text() + "' is not allowed");
        }
        if (p.atOp("(")) {
            Method m = Method.byName(name.text());
            if (m == null) {
                throw p.error(name, "unknown method '" + name.text() + "'");
            }
            Args args = arguments(p.next(), m.takesKeywords());
            String problem = m.checkCall(args.positional.size(), !args.names.isEmpty());
            if (problem != null) {
                throw p.error(name, problem);
            }
            return new Accessors.MethodCall(target, m, args.positional.toArray(new Node[0]),
                    args.names.toArray(new String[0]), args.values.toArray(new Node[0]), name.line(), name.col());
        }
        if (target instanceof Leaves.Whole) {
            return new Leaves.Global(name.text());
        }
        return new Accessors.Attribute(target, name.text(), name.line(), name.col());
    }
}
