package dev.victor.workflow.expr.internal;

import dev.victor.workflow.expr.ExpressionLimits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The modules a program may import (pure ones, and the clock): {@code math}, {@code statistics},
 * {@code json}, {@code re}, {@code datetime}, {@code time}, with the functions and constants
 * listed here. Imports are resolved when the program is parsed: an unknown module or member is a
 * compile error listing what there is.
 */
final class Modules {
    /** The modules, each with its members: a Function, a Submodule or a constant value. */
    private static final Map<String, Map<String, Object>> MODULES = new TreeMap<>();

    /** A function of a module, with the arguments it accepts. */
    record Function(String module, String name, int minArgs, int maxArgs, Set<String> keywords) {
        String checkCall(int positional, List<String> keywordNames) {
            for (String k : keywordNames) {
                if (!keywords.contains(k)) {
                    return module + "." + name + "() got an unexpected keyword argument '" + k + "'";
                }
            }
            if (positional < minArgs || positional > maxArgs) {
                return module + "." + name + "() takes " + (minArgs == maxArgs ? "exactly " + minArgs
                        : maxArgs == Integer.MAX_VALUE ? "at least " + minArgs : "from " + minArgs + " to " + maxArgs)
                        + " positional argument" + (maxArgs == 1 ? "" : "s") + " (" + positional + " given)";
            }
            return null;
        }
    }

    /** A module inside a module ({@code datetime.datetime}, a class used for its constructors). */
    record Submodule(String name) {
    }

    private static void function(String module, String name, int min, int max, String... keywords) {
        MODULES.computeIfAbsent(module, k -> new TreeMap<>()).put(name,
                new Function(module, name, min, max, Set.of(keywords)));
    }

    private static void constant(String module, String name, Object value) {
        MODULES.computeIfAbsent(module, k -> new TreeMap<>()).put(name, value);
    }

    static {
        int many = Integer.MAX_VALUE;
        for (String f : new String[] {"sqrt", "floor", "ceil", "trunc", "exp", "fabs", "log2", "log10", "isnan",
            "isinf", "isfinite", "factorial"}) {
            function("math", f, 1, 1);
        }
        function("math", "log", 1, 2);
        function("math", "pow", 2, 2);
        function("math", "comb", 2, 2);
        function("math", "perm", 1, 2);
        function("math", "gcd", 0, many);
        function("math", "fsum", 1, 1);
        function("math", "prod", 1, 1, "start");
        function("math", "isclose", 2, 2, "rel_tol", "abs_tol");
        constant("math", "pi", Math.PI);
        constant("math", "e", Math.E);
        constant("math", "tau", 2 * Math.PI);
        constant("math", "inf", Double.POSITIVE_INFINITY);
        constant("math", "nan", Double.NaN);
        for (String f : new String[] {"mean", "fmean", "median", "median_low", "median_high", "mode"}) {
            function("statistics", f, 1, 1);
        }
        for (String f : new String[] {"stdev", "pstdev", "variance", "pvariance"}) {
            function("statistics", f, 1, 1);
        }
        function("json", "dumps", 1, 1, "indent", "sort_keys", "ensure_ascii", "separators", "default");
        function("json", "loads", 1, 1);
        function("re", "match", 2, 3, "flags");
        function("re", "search", 2, 3, "flags");
        function("re", "fullmatch", 2, 3, "flags");
        function("re", "findall", 2, 3, "flags");
        function("re", "sub", 3, 5, "count", "flags");
        function("re", "split", 2, 4, "maxsplit", "flags");
        function("re", "escape", 1, 1);
        for (String[] flag : new String[][] {{"I", "2"}, {"IGNORECASE", "2"}, {"M", "8"}, {"MULTILINE", "8"},
            {"S", "16"}, {"DOTALL", "16"}, {"X", "64"}, {"VERBOSE", "64"}}) {
            constant("re", flag[0], Long.valueOf(flag[1]));
        }
        constant("datetime", "datetime", new Submodule("datetime.datetime"));
        function("datetime.datetime", "now", 0, 0);
        function("datetime.datetime", "utcnow", 0, 0);
        function("datetime.datetime", "fromisoformat", 1, 1);
        function("datetime.datetime", "fromtimestamp", 1, 1);
        function("time", "time", 0, 0);
    }

    private Modules() {
    }

    /** The modules a program may import, sorted. */
    static Set<String> allowed() {
        Set<String> out = new TreeSet<>(MODULES.keySet());
        out.remove("datetime.datetime");
        return out;
    }

    /** Checks an imported module name; an unknown one is a compile error naming the allowed ones. */
    static void checkModule(String name, Token at, Parser p) {
        if (!MODULES.containsKey(name) || name.equals("datetime.datetime")) {
            throw p.error(at, "import of '" + name + "' is not allowed: the allowed modules are "
                    + String.join(", ", allowed()) + " (no I/O, no system access)");
        }
    }

    /** A member of a module: a Function, a Submodule or a constant; null when it has none of that name. */
    static Object member(String module, String name) {
        Map<String, Object> members = MODULES.get(module);
        return members == null ? null : members.get(name);
    }

    static Set<String> names(String module) {
        return MODULES.getOrDefault(module, Map.of()).keySet();
    }

    /** Checks constant arguments now where it helps (a literal regular expression is compiled at parse time). */
    static void checkConstantArguments(Function f, Node[] args, Parser p, Token at) {
        if (f.module().equals("re") && !f.name().equals("escape") && args.length > 0
                && args[0] instanceof Leaves.Const k && k.value() instanceof String pattern) {
            try {
                RegexModule.compile(pattern, 0);
            } catch (PyException e) {
                throw p.error(at, e.getMessage());
            }
        }
    }

    /** {@code module.function(args)}. */
    record Call(Function function, Node[] args, String[] keywordNames, Node[] keywordValues, int line, int col)
            implements Node {
        @Override
        public Object eval(Ctx c) {
            Object[] a = new Object[args.length];
            for (int i = 0; i < a.length; i++) {
                a[i] = args[i].eval(c);
            }
            Object[] kv = new Object[keywordValues.length];
            for (int i = 0; i < kv.length; i++) {
                kv[i] = keywordValues[i].eval(c);
            }
            for (Object arg : a) {
                if (arg instanceof dev.victor.workflow.expr.Placeholder p) {
                    return p;
                }
            }
            try {
                c.step();
                return call(c, function, a, keywordNames, kv);
            } catch (PyException e) {
                throw e.at(line, col);
            }
        }
    }

    static Object keyword(String[] names, Object[] values, String name, Object otherwise) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        return otherwise;
    }

    static Object call(Ctx c, Function f, Object[] a, String[] kn, Object[] kv) {
        switch (f.module()) {
            case "math":
                return MathModule.call(c, f.name(), a, kn, kv);
            case "statistics":
                return Statistics.call(c, f.name(), a);
            case "json":
                return f.name().equals("dumps") ? JsonModule.dumps(c, a[0], kn, kv) : JsonModule.loads(c, a[0]);
            case "re":
                return RegexModule.call(c, f.name(), a, kn, kv);
            case "datetime.datetime":
                return PyDateTime.call(c, f.name(), a);
            case "time":
                java.time.Instant now = java.time.Instant.now();
                return now.getEpochSecond() + now.getNano() / 1e9;
            default:
                throw new IllegalStateException(f.module());
        }
    }

    /** The numbers of an iterable argument, each checked. */
    static List<Object> numbers(Ctx c, Object data, String function) {
        List<Object> out = new ArrayList<>();
        for (Object o : Iter.items(c, data)) {
            c.step();
            if (!Num.isNumber(o)) {
                throw PyException.type("can't convert type '" + Values.typeName(o) + "' to numerator/denominator"
                        + " (" + function + ")");
            }
            out.add(o instanceof Boolean b ? (Object) (b ? 1L : 0L) : o);
        }
        return out;
    }

    static double real(Object o) {
        if (!Num.isNumber(o)) {
            throw PyException.type("must be real number, not " + Values.typeName(o));
        }
        return Num.asDouble(o);
    }

    static BigInteger integer(Object o, String function) {
        if (!(o instanceof Boolean) && !Num.isIntegral(o)) {
            throw PyException.type("'" + Values.typeName(o) + "' object cannot be interpreted as an integer"
                    + " (" + function + ")");
        }
        return o instanceof Boolean b ? (b ? BigInteger.ONE : BigInteger.ZERO) : Num.asBig(o);
    }

    static Object normal(BigInteger b) {
        if (b.bitLength() > ExpressionLimits.MAX_INTEGER_BITS) {
            throw PyException.limit("integer result of more than " + ExpressionLimits.MAX_INTEGER_BITS
                    + " bits (ExpressionLimits.MAX_INTEGER_BITS)");
        }
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    static BigDecimal exact(Object o) {
        return o instanceof Double || o instanceof Float ? new BigDecimal(Num.asDouble(o)) : new BigDecimal(Num.asBig(o));
    }
}
