package dev.victor.workflow.expr;

import dev.victor.workflow.expr.internal.Ctx;
import dev.victor.workflow.expr.internal.ProgramParser;
import dev.victor.workflow.expr.internal.PyException;
import dev.victor.workflow.expr.internal.Statement;
import dev.victor.workflow.expr.internal.Values;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed transform: Python statements that compute new values for state keys (see FORMAT.md,
 * "Expressions", and the package documentation): assignments (a name, a dotted path
 * {@code a.b = 1} that writes key a as a copy of its map, or several names unpacked), augmented
 * assignments, calls, {@code if}/{@code elif}/{@code else}, {@code for}, {@code while},
 * {@code def}, {@code try}, {@code raise}, {@code del} and {@code import} of the allowed modules.
 *
 * <p>Names assigned at the top are the program's outputs and are seen by later statements (then
 * the state); loop and comprehension variables are local, and so are the names a function
 * assigns. {@code append}/{@code extend} change only lists that the program built itself.
 * Immutable and thread-safe.
 */
public final class TransformProgram {
    private final String text;
    private final Statement[] statements;
    private final int slots;
    private final Set<String> targets;
    private final Set<String> functions;

    private TransformProgram(String text, ProgramParser.Parsed parsed) {
        this.text = text;
        this.statements = parsed.statements();
        this.slots = parsed.slots();
        this.targets = parsed.targets();
        this.functions = parsed.externals();
    }

    /**
     * Parses a program. A text that is only a name (a registered transform function) is not a
     * program: it fails with "a statement must assign".
     *
     * @throws ExpressionSyntaxException with the 1-based line and column inside {@code text}
     */
    public static TransformProgram parse(String text) {
        Objects.requireNonNull(text, "text");
        return new TransformProgram(text, ProgramParser.parse(text));
    }

    /**
     * Runs the statements against a state without changing it.
     *
     * @return the top-level keys assigned, with their final values, in first-assignment order
     * @throws ExpressionEvaluationException when a statement fails; the message gives the line
     */
    public Map<String, Object> apply(Map<String, ?> state) {
        return apply(state, ExpressionEnvironment.NONE, EvaluationGuard.NONE);
    }

    /**
     * Runs the statements, asking the guard now and then whether they may go on (what the guard
     * throws leaves this method as it is).
     *
     * @throws ExpressionEvaluationException as {@link #apply(Map)}
     */
    public Map<String, Object> apply(Map<String, ?> state, EvaluationGuard guard) {
        return apply(state, ExpressionEnvironment.NONE, guard);
    }

    /**
     * Runs the statements, calling the environment's functions for names no built-in defines.
     *
     * @return the top-level keys assigned, with their final values, in first-assignment order
     * @throws ExpressionEvaluationException when a statement fails; the message gives the line
     */
    public Map<String, Object> apply(Map<String, ?> state, ExpressionEnvironment environment) {
        return apply(state, environment, EvaluationGuard.NONE);
    }

    /** Runs the statements with both an environment and a guard (see the two-argument forms). */
    public Map<String, Object> apply(Map<String, ?> state, ExpressionEnvironment environment, EvaluationGuard guard) {
        // sized for the names the program assigns at the top (a map of 16 buckets would be mostly empty)
        LinkedHashMap<String, Object> assigned = new LinkedHashMap<>(targets.size() + targets.size() / 3 + 1);
        Ctx c = new Ctx(state == null ? Map.of() : state, assigned, slots,
                Objects.requireNonNull(environment, "environment"), guard);
        try {
            for (Statement s : statements) {
                s.exec(c);
            }
        } catch (PyException e) {
            throw e.toPublic();
        } catch (StackOverflowError e) {
            throw new ExpressionEvaluationException(
                    "RecursionError: the evaluation nests too deeply (a value that contains itself, or deep recursion)");
        }
        try {
            return Values.stateValues(assigned);
        } catch (PyException e) {
            throw e.toPublic();
        }
    }

    /** The top-level state keys the program assigns, in the order they first appear. */
    public Set<String> targets() {
        return targets;
    }

    /** The names it calls that no built-in defines (functions that must be installed), sorted. */
    public Set<String> functions() {
        return functions;
    }

    /** The text as written. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
