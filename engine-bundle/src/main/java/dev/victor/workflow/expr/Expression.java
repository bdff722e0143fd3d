package dev.victor.workflow.expr;

import dev.victor.workflow.expr.internal.Ctx;
import dev.victor.workflow.expr.internal.Leaves;
import dev.victor.workflow.expr.internal.Node;
import dev.victor.workflow.expr.internal.Parser;
import dev.victor.workflow.expr.internal.PyException;
import dev.victor.workflow.expr.internal.Values;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed expression of the workflow language: a safe subset of Python expressions (see
 * FORMAT.md, "Expressions"). Parse once with {@link #parse}, then {@link #evaluate} as often as
 * needed. Immutable and thread-safe: one instance may be evaluated from many threads at once.
 *
 * <p>A bare name reads that state key (a missing key is None), {@code ctx} is the whole state,
 * {@code a.b} reads key b of map a. Results are Java values: None is {@code null}, ints are
 * {@link Long} (or {@link java.math.BigInteger} when large), floats {@link Double}, strings
 * {@link String}, lists {@link java.util.List} (tuples are immutable lists), dicts
 * {@link java.util.Map} in insertion order. The state is never changed.
 */
public final class Expression {
    private final String text;
    private final Node root;
    private final int slots;
    private final Set<String> functions;

    private Expression(String text, Node root, int slots, Set<String> functions) {
        this.text = text;
        this.root = root;
        this.slots = slots;
        this.functions = functions;
    }

    /**
     * Parses an expression.
     *
     * @throws ExpressionSyntaxException with the 1-based line and column inside {@code text}
     */
    public static Expression parse(String text) {
        Objects.requireNonNull(text, "text");
        Parser.Parsed parsed = Parser.parseExpression(text);
        return new Expression(text, parsed.node(), parsed.slots(), parsed.externals());
    }

    /**
     * Evaluates the expression against a state (a null state is empty).
     *
     * @throws ExpressionEvaluationException when evaluation fails (type error, division by zero,
     *     a limit of {@link ExpressionLimits}, ...); the message names the problem and where
     */
    public Object evaluate(Map<String, ?> state) {
        return evaluate(state, ExpressionEnvironment.NONE, EvaluationGuard.NONE);
    }

    /**
     * Evaluates the expression, asking the guard now and then whether it may go on (what the
     * guard throws leaves this method as it is).
     *
     * @throws ExpressionEvaluationException as {@link #evaluate(Map)}
     */
    public Object evaluate(Map<String, ?> state, EvaluationGuard guard) {
        return evaluate(state, ExpressionEnvironment.NONE, guard);
    }

    /**
     * Evaluates the expression against a state, calling the environment's functions for names no
     * built-in defines and telling it of each placeholder read.
     *
     * @throws ExpressionEvaluationException when evaluation fails; a call of a function the
     *     environment does not have fails here, naming it
     */
    public Object evaluate(Map<String, ?> state, ExpressionEnvironment environment) {
        return evaluate(state, environment, EvaluationGuard.NONE);
    }

    /** Evaluates with both an environment and a guard (see the two-argument forms). */
    public Object evaluate(Map<String, ?> state, ExpressionEnvironment environment, EvaluationGuard guard) {
        Ctx c = new Ctx(state == null ? Map.of() : state, null, slots,
                Objects.requireNonNull(environment, "environment"), guard);
        try {
            return Values.normalize(root.eval(c));
        } catch (PyException e) {
            throw e.toPublic();
        } catch (StackOverflowError e) {
            throw new ExpressionEvaluationException(
                    "RecursionError: the evaluation nests too deeply (a value that contains itself, or deep recursion)");
        }
    }

    /** The names it calls that no built-in defines (functions that must be installed), sorted. */
    public Set<String> functions() {
        return functions;
    }

    /** The text as written. */
    public String text() {
        return text;
    }

    /** The state key when the whole expression is one bare name, such as {@code tests_passing}. */
    public Optional<String> bareName() {
        return root instanceof Leaves.Global g ? Optional.of(g.name()) : Optional.empty();
    }

    @Override
    public String toString() {
        return text;
    }
}
