package dev.victor.workflow.expr.internal;

/** The arithmetic, bitwise and set operators. */
public enum BinOp {
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), FLOORDIV("//"), MOD("%"), POW("**"),
    OR("|"), AND("&"), XOR("^"), LSHIFT("<<"), RSHIFT(">>");

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
