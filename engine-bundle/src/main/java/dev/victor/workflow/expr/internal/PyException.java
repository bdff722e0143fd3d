package dev.victor.workflow.expr.internal;

import dev.victor.workflow.expr.ExpressionEvaluationException;

/**
 * A run-time error raised by the value operations or by a {@code raise} statement: a Python
 * exception kind ({@code TypeError}, ...) and its message, and where in the text it happened once
 * a node knows. The program's {@code try} catches it by kind; at the end it becomes the public
 * {@link ExpressionEvaluationException}. A broken limit has no kind and cannot be caught. It
 * carries no stack trace: it is cheap to create.
 */
public final class PyException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final String LIMIT = "limit exceeded";

    private final String kind;
    private final String detail;
    private final int line;
    private final int column;

    /** An error given as {@code "Kind: message"} (a limit as {@code "limit exceeded: ..."}). */
    public PyException(String message) {
        this(kindOf(message), detailOf(message), 0, 0);
    }

    private PyException(String kind, String detail, int line, int column) {
        super(kind + ": " + detail + (line > 0 ? " (line " + line + ", column " + column + ")" : ""),
                null, false, false);
        this.kind = kind;
        this.detail = detail;
        this.line = line;
        this.column = column;
    }

    /** An error of the given Python kind, such as {@code ValueError}. */
    public static PyException of(String kind, String detail) {
        return new PyException(kind, detail, 0, 0);
    }

    private static String kindOf(String message) {
        int colon = message.indexOf(": ");
        return colon < 0 ? "RuntimeError" : message.substring(0, colon);
    }

    private static String detailOf(String message) {
        int colon = message.indexOf(": ");
        return colon < 0 ? message : message.substring(colon + 2);
    }

    public static PyException type(String message) {
        return of("TypeError", message);
    }

    public static PyException value(String message) {
        return of("ValueError", message);
    }

    public static PyException zeroDivision(String message) {
        return of("ZeroDivisionError", message);
    }

    public static PyException index(String message) {
        return of("IndexError", message);
    }

    public static PyException key(String message) {
        return of("KeyError", message);
    }

    public static PyException name(String message) {
        return of("NameError", message);
    }

    public static PyException attribute(String message) {
        return of("AttributeError", message);
    }

    public static PyException overflow(String message) {
        return of("OverflowError", message);
    }

    /** A broken limit: the message names the constant of {@code ExpressionLimits}; never caught. */
    public static PyException limit(String message) {
        return new PyException(LIMIT, message, 0, 0);
    }

    /** The Python kind ({@code TypeError}, ...), or "limit exceeded". */
    String kind() {
        return kind;
    }

    /** The message without kind and position (Python's {@code str(e)}). */
    String detail() {
        return detail;
    }

    /** Whether a {@code try} may catch it (a broken limit never is). */
    boolean catchable() {
        return !kind.equals(LIMIT);
    }

    /** The same error at the position of the node where it happened; the first position stays. */
    public PyException at(int atLine, int atColumn) {
        return line > 0 ? this : new PyException(kind, detail, atLine, atColumn);
    }

    /** The public exception. */
    public ExpressionEvaluationException toPublic() {
        return new ExpressionEvaluationException(getMessage());
    }
}
