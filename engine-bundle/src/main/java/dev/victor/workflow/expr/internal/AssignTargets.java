package dev.victor.workflow.expr.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads where an assignment, a loop or {@code del} writes, from the expression parsed on the
 * left: a name, a dotted path, an item or slice ({@code d[k]}, {@code a[i:j]}), names to unpack;
 * records the program's top-level names it writes.
 */
final class AssignTargets {
    private final Parser p;
    private final Set<String> targets;

    AssignTargets(Parser p, Set<String> targets) {
        this.p = p;
        this.targets = targets;
    }

    /** The target an assignment writes, from the expression parsed on its left. */
    Statement.Target target(Node lhs, Token start, Set<String> nonlocals) {
        if (lhs instanceof Leaves.BuiltinName b) {
            return target(new Leaves.Global(b.name()), start, nonlocals);
        }
        if (lhs instanceof Literals.TupleLit tuple) {
            return unpack(tuple.items(), start, nonlocals);
        }
        if (lhs instanceof Literals.ListLit list) {
            return unpack(list.items(), start, nonlocals);
        }
        Node n = lhs;
        List<String> reversed = new ArrayList<>();
        while (n instanceof Accessors.Attribute a) {
            reversed.add(a.name());
            n = a.target();
        }
        String[] path = new String[reversed.size()];
        for (int i = 0; i < path.length; i++) {
            path[i] = reversed.get(path.length - 1 - i);
        }
        if (path.length == 0 && (n instanceof Accessors.Subscript || n instanceof Accessors.Slice)) {
            return item(n, start);
        }
        if (n instanceof Leaves.BuiltinName b) {
            n = new Leaves.Global(b.name());
        }
        if (n instanceof Leaves.Global g) {
            if (p.inFunction() && !Integer.valueOf(Parser.GLOBAL).equals(p.functionLocal(g.name()))) {
                throw p.error(start, "cannot write '" + g.name() + "." + String.join(".", path)
                        + "' inside a function: the function's own names only (return the value instead)");
            }
            targets.add(g.name());
            return new Statement.GlobalName(g.name(), path);
        }
        if (n instanceof Leaves.Local l) {
            if (!p.inFunction()) {
                throw p.error(start, "cannot assign to loop variable '" + l.name() + "'");
            }
            if (l.depth() != 0) {
                if (!nonlocals.contains(l.name())) {
                    throw p.error(start, "cannot assign to '" + l.name() + "' of the enclosing function"
                            + " (declare it 'nonlocal " + l.name() + "')");
                }
                if (path.length != 0) {
                    throw p.error(start, "cannot write '" + l.name() + "." + String.join(".", path)
                            + "' of the enclosing function: assign '" + l.name() + "' itself");
                }
                return new Statement.OuterName(l.name(), l.slot(), l.depth());
            }
            return new Statement.LocalName(l.name(), l.slot(), path);
        }
        if (n instanceof Leaves.Whole) {
            throw p.error(start, "cannot assign to 'ctx'");
        }
        if (n instanceof Accessors.Subscript || n instanceof Accessors.Slice) {
            throw p.error(start, "cannot set an attribute of an item (a[i].b = ...): write a[i]['b'] = ...");
        }
        throw p.error(start, "cannot assign to an expression: the target must be a name, a dotted path (a.b)"
                + " or names separated by commas");
    }

    /** {@code root.a[k][i] = ...} or {@code root[i:j] = ...}: the root and the steps to the item written. */
    private Statement.Target item(Node lhs, Token start) {
        Node key = null;
        Node[] slice = null;
        Node n;
        if (lhs instanceof Accessors.Subscript s) {
            key = s.index();
            n = s.target();
        } else {
            Accessors.Slice sl = (Accessors.Slice) lhs;
            slice = new Node[] {sl.start(), sl.stop(), sl.step()};
            n = sl.target();
        }
        List<Items.Step> steps = new ArrayList<>();
        while (n instanceof Accessors.Subscript || n instanceof Accessors.Attribute) {
            if (n instanceof Accessors.Subscript s) {
                steps.add(0, new Items.Step(null, s.index()));
                n = s.target();
            } else {
                Accessors.Attribute a = (Accessors.Attribute) n;
                steps.add(0, new Items.Step(a.name(), null));
                n = a.target();
            }
        }
        if (n instanceof Leaves.Whole) {
            throw p.error(start, "cannot write into 'ctx': assign the name instead (name = ...)");
        }
        if (n instanceof Leaves.Global g) {
            targets.add(g.name());
        }
        return new Statement.Item(n, steps.toArray(new Items.Step[0]), key, slice);
    }

    private Statement.Target unpack(Node[] items, Token start, Set<String> nonlocals) {
        Statement.Target[] out = new Statement.Target[items.length];
        for (int i = 0; i < items.length; i++) {
            out[i] = target(items[i], start, nonlocals);
        }
        return new Statement.Unpack(out);
    }
}
