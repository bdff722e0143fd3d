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

    /** A loop or comprehension variable, in its slot. */
    public record Local(String name, int slot) implements Node {
        @Override
        public Object eval(Ctx c) {
            return c.locals[slot];
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
