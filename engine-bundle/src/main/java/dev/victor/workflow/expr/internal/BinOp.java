package dev.victor.workflow.expr.internal;

/** The arithmetic operators. */
public enum BinOp {
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), FLOORDIV("//"), MOD("%"), POW("**");

    final String symbol;

    BinOp(String symbol) {
        this.symbol = symbol;
    }

    static BinOp of(String symbol) {
        for (BinOp op : values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        return null;
    }
}
