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

    /** {@code ctx}: the whole state. */
    public record Whole() implements Node {
        @Override
        public Object eval(Ctx c) {
            return c.whole();
        }
    }
}
