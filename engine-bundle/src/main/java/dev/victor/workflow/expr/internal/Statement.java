package dev.victor.workflow.expr.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A statement of a transform program. */
public sealed interface Statement permits Statement.Assign, Statement.ForLoop, Statement.CallStatement {

    void exec(Ctx c);

    /**
     * {@code root.path... = value} or {@code root.path... op= value}. A dotted target writes the
     * top-level key as a copy of its map with the nested key set; maps are never changed in place.
     */
    record Assign(String root, String[] path, BinOp augmented, Node value, int line, int col) implements Statement {
        @Override
        public void exec(Ctx c) {
            try {
                c.step();
            } catch (PyException e) {
                throw e.at(line, col);
            }
            Object old = augmented == null ? null : read(c);
            Object v = value.eval(c);
            try {
                if (augmented != null) {
                    v = Arith.binary(c, augmented, old, v);
                }
                c.assign(root, path.length == 0 ? v : with(c, c.global(root), 0, v));
            } catch (PyException e) {
                throw e.at(line, col);
            }
        }

        private Object read(Ctx c) {
            Object o = c.global(root);
            for (String key : path) {
                if (o instanceof Map<?, ?> m) {
                    o = Maps.get(m, key);
                } else if (o == null) {
                    return null;
                } else {
                    throw PyException.attribute("'" + Values.typeName(o) + "' object has no attribute '" + key + "'")
                            .at(line, col);
                }
            }
            return o;
        }

        private Object with(Ctx c, Object current, int depth, Object v) {
            Map<Object, Object> copy;
            if (current == null) {
                copy = new LinkedHashMap<>();
            } else if (current instanceof Map<?, ?> m) {
                c.charge(m.size());
                copy = new LinkedHashMap<>(m);
            } else {
                throw PyException.type("cannot set '" + path[depth] + "' on a value of type '"
                        + Values.typeName(current) + "'");
            }
            String key = path[depth];
            copy.put(key, depth == path.length - 1 ? v : with(c, copy.get(key), depth + 1, v));
            return copy;
        }
    }

    /** {@code for targets in iterable:} with a block; the loop variables are local to it. */
    record ForLoop(int[] slots, boolean unpack, Node iterable, Statement[] body, int line, int col)
            implements Statement {
        @Override
        public void exec(Ctx c) {
            Object source = iterable.eval(c);
            List<?> items;
            try {
                items = Iter.items(c, source);
            } catch (PyException e) {
                throw e.at(line, col);
            }
            for (int i = 0; i < items.size(); i++) {
                try {
                    c.step();
                    Iter.bind(c, slots, unpack, items.get(i));
                } catch (PyException e) {
                    throw e.at(line, col);
                }
                for (Statement s : body) {
                    s.exec(c);
                }
            }
        }
    }

    /** A method call used as a statement, such as {@code items.append(x)}. */
    record CallStatement(Node call, int line, int col) implements Statement {
        @Override
        public void exec(Ctx c) {
            try {
                c.step();
            } catch (PyException e) {
                throw e.at(line, col);
            }
            call.eval(c);
        }
    }
}
