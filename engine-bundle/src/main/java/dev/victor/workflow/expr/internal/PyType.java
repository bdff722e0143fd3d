package dev.victor.workflow.expr.internal;

import java.util.List;
import java.util.Map;

/** The built-in types {@code isinstance} knows; bool is an int, as in Python. */
public enum PyType {
    INT("int"), FLOAT("float"), STR("str"), BOOL("bool"), LIST("list"), DICT("dict"), SET("set"), TUPLE("tuple");

    final String pyName;

    PyType(String pyName) {
        this.pyName = pyName;
    }

    static PyType byName(String name) {
        for (PyType t : values()) {
            if (t.pyName.equals(name)) {
                return t;
            }
        }
        return null;
    }

    boolean matches(Object v) {
        switch (this) {
            case INT:
                return v instanceof Boolean || Num.isIntegral(v);
            case FLOAT:
                return v instanceof Number && !Num.isIntegral(v);
            case STR:
                return v instanceof String;
            case BOOL:
                return v instanceof Boolean;
            case LIST:
                return v instanceof List<?> && !(v instanceof PyTuple);
            case DICT:
                return v instanceof Map<?, ?>;
            case SET:
                return v instanceof PySet;
            default:
                return v instanceof PyTuple;
        }
    }

    /** isinstance(value, types): types is one PyType or a tuple of them. */
    static boolean isInstance(Object value, Object types) {
        if (types instanceof PyType t) {
            return t.matches(value);
        }
        for (Object t : (List<?>) types) {
            if (((PyType) t).matches(value)) {
                return true;
            }
        }
        return false;
    }

    /** The second argument of isinstance, read at parse time: a type name or a tuple of them. */
    static Node argument(Node n, Parser p, Token at) {
        if (n instanceof Leaves.BuiltinName b && byName(b.name()) != null) {
            return new Leaves.Const(byName(b.name()));
        }
        if (n instanceof Leaves.Global g && byName(g.name()) != null) {
            return new Leaves.Const(byName(g.name()));
        }
        if (n instanceof Literals.TupleLit tuple) {
            Object[] types = new Object[tuple.items().length];
            for (int i = 0; i < types.length; i++) {
                String name = tuple.items()[i] instanceof Leaves.Global g ? g.name()
                        : tuple.items()[i] instanceof Leaves.BuiltinName b ? b.name() : null;
                if (name == null || byName(name) == null) {
                    throw p.error(at, problem());
                }
                types[i] = byName(name);
            }
            return new Leaves.Const(PyTuple.wrap(types));
        }
        throw p.error(at, problem());
    }

    private static String problem() {
        return "isinstance() takes a built-in type (int, float, str, bool, list, dict, set, tuple) or a tuple of them";
    }

    @Override
    public String toString() {
        return "<class '" + pyName + "'>";
    }
}
