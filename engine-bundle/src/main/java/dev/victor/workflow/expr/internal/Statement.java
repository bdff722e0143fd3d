package dev.victor.workflow.expr.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A statement of a transform program. */
public sealed interface Statement permits Statement.Assign, Statement.ForLoop, Statement.ExprStatement,
        Statement.Jump, Statement.Return, Statement.Del, Compound.If, Compound.While, Compound.Def, Compound.Try,
        Compound.Raise, Compound.Assert {

    void exec(Ctx c);

    /** Where an assignment (or a loop, or {@code del}) writes. */
    sealed interface Target permits GlobalName, LocalName, OuterName, Unpack, Item {
    }

    /** A local of an enclosing function that a {@code nonlocal} statement names (depth frames out). */
    record OuterName(String name, int slot, int depth) implements Target {
    }

    /**
     * {@code root.a[k][i] = ...}: an item ({@code key}) or a slice ({@code slice}: start, stop and
     * step nodes, each may be null) of the container the root and the steps lead to.
     */
    record Item(Node root, Items.Step[] steps, Node key, Node[] slice) implements Target {
    }

    /** A top-level name (a state key), with a dotted path below it ({@code a.b.c}). */
    record GlobalName(String root, String[] path) implements Target {
    }

    /** A local variable of a function or loop, with a dotted path below it. */
    record LocalName(String name, int slot, String[] path) implements Target {
    }

    /** Several targets that take the items of one value ({@code a, b = b, a}). */
    record Unpack(Target[] items) implements Target {
    }

    /** Writes value to the target. */
    static void store(Ctx c, Target target, Object value) {
        if (target instanceof GlobalName g) {
            c.assign(g.root(), g.path().length == 0 ? value : with(c, g.path(), c.global(g.root()), 0, value));
        } else if (target instanceof LocalName l) {
            c.locals[l.slot()] = l.path().length == 0 ? value : with(c, l.path(), c.locals[l.slot()], 0, value);
        } else if (target instanceof OuterName o) {
            c.frame(o.depth())[o.slot()] = value;
        } else if (target instanceof Item item) {
            Object container = Items.container(c, item);
            if (item.slice() != null) {
                Items.setSlice(c, container, eval(c, item.slice()[0]), eval(c, item.slice()[1]),
                        eval(c, item.slice()[2]), value, false);
            } else {
                Items.set(c, container, item.key().eval(c), value);
            }
        } else {
            Target[] items = ((Unpack) target).items();
            if (value instanceof dev.victor.workflow.expr.Placeholder p) {
                for (int i = 0; i < items.length; i++) {
                    store(c, items[i], p.part((long) i));
                }
                return;
            }
            if (!(value instanceof List<?> || value instanceof String || value instanceof Map<?, ?>
                    || value instanceof java.util.Collection<?>)) {
                throw PyException.type("cannot unpack non-iterable " + Values.typeName(value) + " object");
            }
            List<?> parts = Iter.items(c, value);
            if (parts.size() < items.length) {
                throw PyException.value("not enough values to unpack (expected " + items.length + ", got "
                        + parts.size() + ")");
            }
            if (parts.size() > items.length) {
                throw PyException.value("too many values to unpack (expected " + items.length + ")");
            }
            for (int i = 0; i < items.length; i++) {
                store(c, items[i], parts.get(i));
            }
        }
    }

    private static Object eval(Ctx c, Node n) {
        return n == null ? null : n.eval(c);
    }

    /** Reads the current value of a single target (for {@code op=}; not an item). */
    static Object load(Ctx c, Target target) {
        String[] path;
        Object o;
        if (target instanceof OuterName outer) {
            return c.frame(outer.depth())[outer.slot()];
        }
        if (target instanceof GlobalName g) {
            o = c.global(g.root());
            path = g.path();
        } else {
            LocalName l = (LocalName) target;
            o = c.locals[l.slot()];
            path = l.path();
        }
        for (String key : path) {
            if (o instanceof Map<?, ?> m) {
                o = Maps.get(m, key);
            } else if (o == null) {
                return null;
            } else {
                throw PyException.attribute("'" + Values.typeName(o) + "' object has no attribute '" + key + "'");
            }
        }
        return o;
    }

    /** A copy of current (a map, or a new one) with path[depth...] set to v; maps are never changed in place. */
    private static Object with(Ctx c, String[] path, Object current, int depth, Object v) {
        Map<Object, Object> copy;
        if (current == null) {
            copy = new LinkedHashMap<>();
        } else if (current instanceof Map<?, ?> m) {
            c.charge(m.size());
            c.allocate(m.size() + 1L);
            copy = new LinkedHashMap<>(m);
        } else {
            throw PyException.type("cannot set '" + path[depth] + "' on a value of type '"
                    + Values.typeName(current) + "'");
        }
        String key = path[depth];
        if (v == Del.REMOVED && depth == path.length - 1) {
            copy.remove(key);
        } else {
            copy.put(key, depth == path.length - 1 ? v : with(c, path, copy.get(key), depth + 1, v));
        }
        return copy;
    }

    /**
     * {@code target = value} or {@code target op= value}. A dotted target writes the top-level key
     * as a copy of its map with the nested key set; maps are never changed in place.
     */
    record Assign(Target target, BinOp augmented, Node value, int line, int col) implements Statement {
        @Override
        public void exec(Ctx c) {
            try {
                c.step();
                if (augmented != null && target instanceof Item item) {
                    updateItem(c, item);
                    return;
                }
                Object old = augmented == null ? null : load(c, target);
                Object v = value.eval(c);
                if (augmented != null) {
                    v = Items.combine(c, augmented, old, v);
                }
                store(c, target, v);
            } catch (PyException e) {
                throw e.at(line, col);
            }
        }

        /** {@code c[k] op= v}: the container and the key are evaluated once, then the value (Python's order). */
        private void updateItem(Ctx c, Item item) {
            Object container = Items.container(c, item);
            if (item.slice() != null) {
                Object start = eval(c, item.slice()[0]);
                Object stop = eval(c, item.slice()[1]);
                Object step = eval(c, item.slice()[2]);
                Object old = Slices.slice(c, container, start, stop, step);
                Object v = Items.combine(c, augmented, old, value.eval(c));
                Items.setSlice(c, container, start, stop, step, v, false);
                return;
            }
            Object key = item.key().eval(c);
            Object old = container instanceof dev.victor.workflow.expr.Placeholder p ? p.part(key)
                    : Accessors.item(c, container, key);
            Items.set(c, container, key, Items.combine(c, augmented, old, value.eval(c)));
        }
    }

    /** {@code for targets in iterable:} with a block; {@code break} and {@code continue} work as in Python. */
    record ForLoop(Target target, Node iterable, Statement[] body, Statement[] orelse, int line, int col)
            implements Statement {
        @Override
        public void exec(Ctx c) {
            try {
                Object over = iterable.eval(c);
                List<?> items = Iter.items(c, over);
                int size = over instanceof Map<?, ?> m ? m.size() : -1;
                for (int i = 0; i < items.size(); i++) {
                    c.step();
                    store(c, target, items.get(i));
                    try {
                        for (Statement s : body) {
                            s.exec(c);
                        }
                    } catch (Flow.Continue next) {
                        // the next round
                    } catch (Flow.Break done) {
                        return;
                    }
                    if (size >= 0 && ((Map<?, ?>) over).size() != size) {
                        throw PyException.of("RuntimeError", "dictionary changed size during iteration");
                    }
                }
            } catch (PyException e) {
                throw e.at(line, col);
            }
            Compound.run(c, orelse);
        }
    }

    /** An expression used as a statement, such as {@code items.append(x)} or a call. */
    record ExprStatement(Node expression, int line, int col) implements Statement {
        @Override
        public void exec(Ctx c) {
            try {
                c.step();
                expression.eval(c);
            } catch (PyException e) {
                throw e.at(line, col);
            }
        }
    }

    /** {@code break}, {@code continue} (the parser puts them only inside loops) and {@code pass}. */
    record Jump(Flow flow) implements Statement {
        @Override
        public void exec(Ctx c) {
            c.step();
            if (flow != null) {
                throw flow;
            }
        }
    }

    /** {@code return value} (inside a function only). */
    record Return(Node value, int line, int col) implements Statement {
        @Override
        public void exec(Ctx c) {
            Object v;
            try {
                c.step();
                v = value == null ? null : value.eval(c);
            } catch (PyException e) {
                throw e.at(line, col);
            }
            throw new Flow.Return(v);
        }
    }

    /**
     * {@code del a, b.c, d[k], lst[i:j]}: a name the program assigned is forgotten (a state key
     * keeps its value: a transform writes keys, it never removes them); a dotted path writes a
     * copy without the key; an item or slice is removed from its list or dict (see {@link Items}).
     */
    record Del(Target[] targets, int line, int col) implements Statement {
        /** Marks a key to leave out of the copy of a map. */
        static final Object REMOVED = new Object();

        @Override
        public void exec(Ctx c) {
            try {
                c.step();
                for (Target t : targets) {
                    delete(c, t);
                }
            } catch (PyException e) {
                throw e.at(line, col);
            }
        }

        private static void delete(Ctx c, Target t) {
            if (t instanceof GlobalName g && g.path().length == 0) {
                if (!c.unassign(g.root())) {
                    throw PyException.name("name '" + g.root() + "' is not defined by the program (del cannot remove"
                            + " a state key: a transform writes keys, assign None instead)");
                }
            } else if (t instanceof LocalName l && l.path().length == 0) {
                c.locals[l.slot()] = null;
            } else if (t instanceof OuterName o) {
                c.frame(o.depth())[o.slot()] = null;
            } else if (t instanceof Item item) {
                Object container = Items.container(c, item);
                if (item.slice() != null) {
                    Items.setSlice(c, container, eval(c, item.slice()[0]), eval(c, item.slice()[1]),
                            eval(c, item.slice()[2]), null, true);
                } else {
                    Items.delete(c, container, item.key().eval(c));
                }
            } else if (t instanceof Unpack u) {
                for (Target item : u.items()) {
                    delete(c, item);
                }
            } else {
                Object present = load(c, t);
                if (present == null && !hasPath(c, t)) {
                    String[] path = t instanceof GlobalName g ? g.path() : ((LocalName) t).path();
                    throw PyException.key("'" + path[path.length - 1] + "'");
                }
                store(c, t, REMOVED);
            }
        }

        private static boolean hasPath(Ctx c, Target t) {
            String[] path = t instanceof GlobalName g ? g.path() : ((LocalName) t).path();
            Object o = t instanceof GlobalName g ? c.global(g.root()) : c.locals[((LocalName) t).slot()];
            for (int i = 0; i < path.length - 1; i++) {
                o = o instanceof Map<?, ?> m ? Maps.get(m, path[i]) : null;
            }
            return o instanceof Map<?, ?> m && m.containsKey(path[path.length - 1]);
        }
    }
}
