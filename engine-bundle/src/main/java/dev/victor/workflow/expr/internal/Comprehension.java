package dev.victor.workflow.expr.internal;

import java.util.List;
import java.util.Map;

/**
 * A list comprehension, a generator expression (evaluated to a list), a set or a dict comprehension.
 * Its loop variables live in local slots and are not seen outside it.
 */
public record Comprehension(boolean dict, boolean set, Node element, Node value, Clause[] clauses) implements Node {

    /** A {@code for targets in iterable} or an {@code if condition} clause. */
    public sealed interface Clause permits For, If {
    }

    public record For(int[] slots, boolean unpack, Node iterable, int line, int col) implements Clause {
    }

    public record If(Node condition) implements Clause {
    }

    @Override
    public Object eval(Ctx c) {
        if (dict) {
            Map<Object, Object> out = new PyDict(c.owner());
            run(c, 0, null, out);
            return out;
        }
        PyList out = c.newList();
        run(c, 0, out, null);
        return set ? PySet.of(c, out) : out;
    }

    private void run(Ctx c, int index, PyList list, Map<Object, Object> map) {
        if (index == clauses.length) {
            c.step();
            c.allocate(1);
            if (list != null) {
                list.add(element.eval(c));
            } else {
                Object k = element.eval(c);
                PySet.key(k);
                Keys.chargeHash(c, k);
                map.put(k, value.eval(c));
            }
            return;
        }
        Clause clause = clauses[index];
        if (clause instanceof If f) {
            if (Values.truthy(f.condition().eval(c))) {
                run(c, index + 1, list, map);
            }
            return;
        }
        For f = (For) clause;
        Object source = f.iterable().eval(c);
        try {
            List<?> items = Iter.items(c, source);
            for (int i = 0; i < items.size(); i++) {
                Iter.bind(c, f.slots(), f.unpack(), items.get(i));
                run(c, index + 1, list, map);
            }
        } catch (PyException e) {
            throw e.at(f.line(), f.col());
        }
    }
}
