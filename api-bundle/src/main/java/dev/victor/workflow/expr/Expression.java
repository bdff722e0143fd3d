package dev.victor.workflow.expr;

import java.util.Map;
import java.util.Optional;

/** A parsed expression. Immutable and thread-safe. (Contract; the expression issue fills it in.) */
public final class Expression {
    private Expression() {
    }

    /** @throws ExpressionSyntaxException with the 1-based line and column inside {@code text} */
    public static Expression parse(String text) {
        throw new UnsupportedOperationException("not yet written");
    }

    /** @throws ExpressionEvaluationException when evaluation fails (type error, limit, ...) */
    public Object evaluate(Map<String, ?> state) {
        throw new UnsupportedOperationException("not yet written");
    }

    /** The text as written. */
    public String text() {
        throw new UnsupportedOperationException("not yet written");
    }

    /** The state key when the whole expression is one bare name, such as {@code tests_passing}. */
    public Optional<String> bareName() {
        throw new UnsupportedOperationException("not yet written");
    }
}
