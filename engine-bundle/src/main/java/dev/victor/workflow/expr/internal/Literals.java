package dev.victor.workflow.expr.internal;

import java.util.Map;

/** List, tuple and dict displays. */
public final class Literals {
    private Literals() {
    }

    public record ListLit(Node[] items) implements Node {
        @Override
        public Object eval(Ctx c) {
            PyList out = c.newList(items.length);
            for (Node n : items) {
                out.add(n.eval(c));
            }
            return out;
        }
    }

    public record TupleLit(Node[] items) implements Node {
        @Override
        public Object eval(Ctx c) {
            Object[] out = new Object[items.length];
            for (int i = 0; i < items.length; i++) {
                out[i] = items[i].eval(c);
            }
            return PyTuple.wrap(out);
        }
    }

    /** A set display {@code {a, b}}. */
    public record SetLit(Node[] items) implements Node {
        @Override
        public Object eval(Ctx c) {
            PySet out = new PySet();
            c.allocate(items.length);
            for (Node n : items) {
                out.put(c, n.eval(c));
            }
            return out;
        }
    }

    /** {@code locals()} inside a function: its names that have a value. */
    public record LocalsLit(String[] names, int[] slots) implements Node {
        @Override
        public Object eval(Ctx c) {
            Map<Object, Object> out = new PyDict(c.owner());
            c.charge(names.length);
            for (int i = 0; i < names.length; i++) {
                Object v = c.locals[slots[i]];
                if (v != null) {
                    out.put(names[i], v);
                }
            }
            return out;
        }
    }

    /** A dict display; keys are evaluated in order, a repeated key keeps its last value. */
    public record DictLit(Node[] keys, Node[] values) implements Node {
        @Override
        public Object eval(Ctx c) {
            Map<Object, Object> out = new PyDict(c.owner());
            for (int i = 0; i < keys.length; i++) {
                Object key = keys[i].eval(c);
                PySet.key(key);
                Keys.chargeHash(c, key);
                out.put(key, values[i].eval(c));
            }
            return out;
        }
    }
}
