package dev.victor.workflow.expr;

/** An expression or transform that does not parse. Line and column are 1-based, inside the text. */
public final class ExpressionSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String detail;
    private final int line;
    private final int column;

    public ExpressionSyntaxException(String detail, int line, int column) {
        super(detail + " (line " + line + ", column " + column + ")");
        this.detail = detail;
        this.line = line;
        this.column = column;
    }

    /** The message without the position. */
    public String detail() {
        return detail;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
