package dev.victor.workflow.expr.internal;

import dev.victor.workflow.expr.ExpressionEvaluationException;

/**
 * A run-time error raised by the value operations, before it knows where in the text it
 * happened. The node that called the operation adds the position and turns it into the public
 * {@link ExpressionEvaluationException}. It carries no stack trace: it is cheap to create.
 */
public final class PyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PyException(String message) {
        super(message, null, false, false);
    }

    public static PyException type(String message) {
        return new PyException("TypeError: " + message);
    }

    public static PyException value(String message) {
        return new PyException("ValueError: " + message);
    }

    public static PyException zeroDivision(String message) {
        return new PyException("ZeroDivisionError: " + message);
    }

    public static PyException index(String message) {
        return new PyException("IndexError: " + message);
    }

    public static PyException attribute(String message) {
        return new PyException("AttributeError: " + message);
    }

    public static PyException overflow(String message) {
        return new PyException("OverflowError: " + message);
    }

    /** A broken limit: the message names the constant of {@code ExpressionLimits}. */
    public static PyException limit(String message) {
        return new PyException("limit exceeded: " + message);
    }

    /** The public exception, with the position of the node where it happened (line, column). */
    public ExpressionEvaluationException at(int line, int column) {
        return new ExpressionEvaluationException(getMessage() + " (line " + line + ", column " + column + ")");
    }

    /** The public exception without a position. */
    public ExpressionEvaluationException toPublic() {
        return new ExpressionEvaluationException(getMessage());
    }
}
