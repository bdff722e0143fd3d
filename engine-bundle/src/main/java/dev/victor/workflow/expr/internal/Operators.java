package dev.victor.workflow.expr.internal;

/** Operator nodes: arithmetic, not/and/or, comparisons, the conditional expression. */
public final class Operators {
    private Operators() {
    }

    /** Unary minus or plus. */
    public record Unary(boolean negate, Node operand, int line, int col) implements Node {
        @Override
        public Object eval(Ctx c) {
            Object v = operand.eval(c);
            try {
                return negate ? Arith.negate(v) : Arith.plus(v);
            } catch (PyException e) {
                throw e.at(line, col);
            }
        }
    }

    public record Not(Node operand) implements Node {
        @Override
        public Object eval(Ctx c) {
            return !Values.truthy(operand.eval(c));
        }
    }

    public record Binary(BinOp op, Node left, Node right, int line, int col) implements Node {
        @Override
        public Object eval(Ctx c) {
            Object a = left.eval(c);
            Object b = right.eval(c);
            try {
                return Arith.binary(c, op, a, b);
            } catch (PyException e) {
                throw e.at(line, col);
            }
        }
    }

    /** {@code a and b and ...}: the first false operand, else the last; the rest is not evaluated. */
    public record And(Node[] operands) implements Node {
        @Override
        public Object eval(Ctx c) {
            Object v = null;
            for (Node n : operands) {
                v = n.eval(c);
                if (!Values.truthy(v)) {
                    return v;
                }
            }
            return v;
        }
    }

    /** {@code a or b or ...}: the first true operand, else the last; the rest is not evaluated. */
    public record Or(Node[] operands) implements Node {
        @Override
        public Object eval(Ctx c) {
            Object v = null;
            for (Node n : operands) {
                v = n.eval(c);
                if (Values.truthy(v)) {
                    return v;
                }
            }
            return v;
        }
    }

    /** One comparison. */
    public record Compare1(CmpOp op, Node left, Node right) implements Node {
        @Override
        public Object eval(Ctx c) {
            return op.test(c, left.eval(c), right.eval(c));
        }
    }

    /** {@code a < b < c}: each operand evaluated at most once, stops at the first false link. */
    public record CompareChain(Node[] operands, CmpOp[] ops) implements Node {
        @Override
        public Object eval(Ctx c) {
            Object a = operands[0].eval(c);
            for (int i = 0; i < ops.length; i++) {
                Object b = operands[i + 1].eval(c);
                if (!ops[i].test(c, a, b)) {
                    return false;
                }
                a = b;
            }
            return true;
        }
    }

    /** {@code a if cond else b}. */
    public record IfElse(Node condition, Node then, Node otherwise) implements Node {
        @Override
        public Object eval(Ctx c) {
            return Values.truthy(condition.eval(c)) ? then.eval(c) : otherwise.eval(c);
        }
    }
}
