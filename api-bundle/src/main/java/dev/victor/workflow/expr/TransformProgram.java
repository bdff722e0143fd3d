package dev.victor.workflow.expr;

import java.util.Map;
import java.util.Set;

/** A parsed transform: statements that assign state keys. (Contract; the expression issue fills it in.) */
public final class TransformProgram {
    private TransformProgram() {
    }

    /** @throws ExpressionSyntaxException with the 1-based line and column inside {@code text} */
    public static TransformProgram parse(String text) {
        throw new UnsupportedOperationException("not yet written");
    }

    /**
     * Runs the statements against a state without changing it.
     *
     * @return the top-level keys assigned, with their final values, in first-assignment order
     * @throws ExpressionEvaluationException when a statement fails
     */
    public Map<String, Object> apply(Map<String, ?> state) {
        throw new UnsupportedOperationException("not yet written");
    }

    /** The top-level state keys the program assigns. */
    public Set<String> targets() {
        throw new UnsupportedOperationException("not yet written");
    }

    public String text() {
        throw new UnsupportedOperationException("not yet written");
    }
}
