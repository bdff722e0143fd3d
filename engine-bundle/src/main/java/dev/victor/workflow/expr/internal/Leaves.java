package dev.victor.workflow.expr.internal;

/** Nodes without children: constants and names. */
public final class Leaves {
    private Leaves() {
    }

    /** A literal number, string, True/False/None. */
    public record Const(Object value) implements Node {
        @Override
        public Object eval(Ctx c) {
            return value;
        }
    }

    /** A top-level name: the program's assignment, else the state key; missing is None. */
    public record Global(String name) implements Node {
        @Override
        public Object eval(Ctx c) {
            Object value = c.global(name);
            if (value == null) {
                c.missing(name);
            }
            return c.read(value);
        }
    }

    /**
     * A local variable (loop, comprehension, function parameter or assignment inside a function),
     * in its slot of the frame depth levels out (0: the running function's).
     */
    public record Local(String name, int slot, int depth) implements Node {
        @Override
        public Object eval(Ctx c) {
            return depth == 0 ? c.locals[slot] : c.frame(depth)[slot];
        }
    }

    /**
     * The name of a built-in function used as a value ({@code key=len}): the state's or the
     * program's value of that name when it has one (Python's order of lookup), else the built-in.
     */
    public record BuiltinName(String name, PyBuiltin builtin) implements Node {
        @Override
        public Object eval(Ctx c) {
            Object value = c.global(name);
            if (value != null || c.state.containsKey(name) || c.assigned != null && c.assigned.containsKey(name)) {
                return c.read(value);
            }
            return builtin;
        }
    }

    /** {@code ctx}: the whole state. */
    public record Whole() implements Node {
        @Override
        public Object eval(Ctx c) {
            return c.whole();
        }
    }
}
