package dev.victor.workflow.expr;

/** An expression failed while running: a type error, an unknown method, a limit. */
public final class ExpressionEvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExpressionEvaluationException(String message) {
        super(message);
    }

    public ExpressionEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
