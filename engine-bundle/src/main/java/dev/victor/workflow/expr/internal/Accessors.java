package dev.victor.workflow.expr.internal;

import dev.victor.workflow.expr.Placeholder;
import dev.victor.workflow.spi.ExpressionFunction;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads into values ({@code a.b}, {@code a[i]}, {@code a[i:j]}) and calls. */
public final class Accessors {
    private static final Object[] NO_VALUES = new Object[0];

    private Accessors() {
    }

    /** {@code a.b}: key b of map a; None when a is None or has no such key. */
    public record Attribute(Node target, String name, int line, int col) implements Node {
        @Override
        public Object eval(Ctx c) {
            Object o = target.eval(c);
            if (o instanceof Placeholder p) {
                return c.read(p.part(name));
            }
            if (o instanceof Map<?, ?> m) {
                return c.read(Maps.get(m, name));
            }
            if (o == null) {
                return null;
            }
            try {
                if (o instanceof PyDateTime d) {
                    return d.field(name);
                }
                if (o instanceof PyError e && name.equals("args")) {
                    return e.message().isEmpty() ? PyTuple.EMPTY : PyTuple.wrap(new Object[] {e.message()});
                }
            } catch (PyException e) {
                throw e.at(line, col);
            }
            throw PyException.attribute("'" + Values.typeName(o) + "' object has no attribute '" + name + "'")
                    .at(line, col);
        }
    }

    /** {@code a[i]}: a list or string index (negative from the end), a map key (missing: None). */
    public record Subscript(Node target, Node index, int line, int col) implements Node {
        @Override
        public Object eval(Ctx c) {
            Object o = target.eval(c);
            Object k = index.eval(c);
            try {
                return o instanceof Placeholder p ? c.read(p.part(k)) : c.read(item(c, o, k));
            } catch (PyException e) {
                throw e.at(line, col);
            }
        }
    }

    static Object item(Ctx c, Object o, Object k) {
        if (o instanceof Map<?, ?> m) {
            PySet.key(k);
            Object v = Maps.lookup(c, m, k);
            return v == Maps.MISSING ? null : v;
        }
        if (o instanceof List<?> l) {
            String what = o instanceof PyTuple ? "tuple" : "list";
            if (!Num.isIntegral(k)) {
                throw PyException.type(what + " indices must be integers or slices, not " + Values.typeName(k));
            }
            long i = k instanceof BigInteger ? Long.MAX_VALUE : Num.asLong(k);
            int n = l.size();
            if (i < 0) {
                i += n;
            }
            if (i < 0 || i >= n) {
                throw PyException.index(what + " index out of range");
            }
            return l.get((int) i);
        }
        if (o instanceof String s) {
            if (!Num.isIntegral(k)) {
                throw PyException.type("string indices must be integers, not '" + Values.typeName(k) + "'");
            }
            c.chargeScan(s.length());
            return Text.at(s, k instanceof BigInteger ? Long.MAX_VALUE : Num.asLong(k));
        }
        if (o == null) {
            return null;
        }
        throw PyException.type("'" + Values.typeName(o) + "' object is not subscriptable");
    }

    /** {@code a[start:stop:step]} of a list, tuple or string; absent parts are null nodes. */
    public record Slice(Node target, Node start, Node stop, Node step, int line, int col) implements Node {
        @Override
        public Object eval(Ctx c) {
            Object o = target.eval(c);
            Object a = start == null ? null : start.eval(c);
            Object b = stop == null ? null : stop.eval(c);
            Object s = step == null ? null : step.eval(c);
            try {
                return Slices.slice(c, o, a, b, s);
            } catch (PyException e) {
                throw e.at(line, col);
            }
        }
    }

    /** A call of an allowed function. */
    public record Call(Builtin function, Node[] args, String[] keywordNames, Node[] keywordValues, int line,
            int col) implements Node {
        @Override
        public Object eval(Ctx c) {
            Object[] a = evalAll(c, args);
            Object[] kv = evalAll(c, keywordValues);
            try {
                c.step();
                return Builtins.call(c, function, a, keywordNames, kv);
            } catch (PyException e) {
                throw e.at(line, col);
            }
        }
    }

    /** A call of an allowed method on a value. */
    public record MethodCall(Node receiver, Method method, Node[] args, String[] keywordNames, Node[] keywordValues,
                             int line, int col) implements Node {
        @Override
        public Object eval(Ctx c) {
            Object r = receiver.eval(c);
            try {
                Methods.check(r, method);
            } catch (PyException e) {
                throw e.at(line, col);
            }
            Object[] a = evalAll(c, args);
            Object[] k = keywordValues.length == 0 ? a : evalAll(c, keywordValues);
            try {
                c.step();
                if (method == Method.FORMAT && r instanceof String template) {
                    return StrFormat.format(c, template, a, keywordNames, k);
                }
                return Methods.call(c, method, r, a, keywordNames, k);
            } catch (PyException e) {
                throw e.at(line, col);
            }
        }
    }

    /**
     * A call of a function that no built-in defines: the environment's installed function of that
     * name, or a NameError when none is installed.
     */
    public record ExternalCall(String name, Node[] args, String[] keywordNames, Node[] keywordValues, int line,
            int col) implements Node {
        @Override
        public Object eval(Ctx c) {
            Object[] a = evalAll(c, args);
            Object[] kv = evalAll(c, keywordValues);
            try {
                c.step();
                ExpressionFunction function = c.env.function(name).orElseThrow(() -> new PyException(
                        "NameError: function '" + name + "' is not defined: no built-in has that name and no"
                                + " function service '" + name + "' is installed"));
                Map<String, Object> keywords = new LinkedHashMap<>();
                for (int i = 0; i < keywordNames.length; i++) {
                    keywords.put(keywordNames[i], kv[i]);
                }
                Object result;
                try {
                    result = function.call(Collections.unmodifiableList(Arrays.asList(a)),
                            Collections.unmodifiableMap(keywords));
                } catch (PyException e) {
                    throw e;
                } catch (Exception e) {
                    throw new PyException("RuntimeError: function '" + name + "' failed: " + e);
                }
                return c.read(result);
            } catch (PyException e) {
                throw e.at(line, col);
            }
        }
    }

    /** {@code lambda params: expression}: a new function over the running frame. */
    public record Lambda(PyFunction.Code code) implements Node {
        @Override
        public Object eval(Ctx c) {
            Object[] defaults = evalAll(c, code.defaultNodes());
            c.allocate(1);
            return new PyFunction(code, defaults, c.locals);
        }
    }

    /** A call of a value: the program's own function (by name, from a variable, or any expression). */
    public record CallValue(Node callee, Node[] args, String[] keywordNames, Node[] keywordValues, int line, int col)
            implements Node {
        @Override
        public Object eval(Ctx c) {
            Object f = callee.eval(c);
            Object[] a = evalAll(c, args);
            Object[] kv = evalAll(c, keywordValues);
            try {
                c.step();
                return callValue(c, f, a, keywordNames, kv);
            } catch (PyException e) {
                throw e.at(line, col);
            }
        }
    }

    /** Calls a function value (the program's own); anything else is not callable. */
    static Object callValue(Ctx c, Object f, Object[] args, String[] keywordNames, Object[] keywordValues) {
        if (f instanceof PyFunction fn) {
            return fn.call(c, args, keywordNames, keywordValues);
        }
        if (f instanceof PyBuiltin b) {
            return b.call(c, args, keywordNames, keywordValues);
        }
        throw PyException.type("'" + Values.typeName(f) + "' object is not callable");
    }

    /** {@code ValueError("message")}: an error value, for {@code raise}. */
    public record NewError(String kind, Node message, int line, int col) implements Node {
        @Override
        public Object eval(Ctx c) {
            try {
                c.step();
                return new PyError(kind, message == null ? "" : Repr.str(c, message.eval(c)));
            } catch (PyException e) {
                throw e.at(line, col);
            }
        }
    }

    private static Object[] evalAll(Ctx c, Node[] nodes) {
        if (nodes.length == 0) {
            return NO_VALUES;
        }
        Object[] out = new Object[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            out[i] = nodes[i].eval(c);
        }
        return out;
    }
}
