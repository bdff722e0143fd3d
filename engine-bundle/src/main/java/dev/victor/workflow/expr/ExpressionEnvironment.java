package dev.victor.workflow.expr;

import dev.victor.workflow.spi.ExpressionFunction;
import java.util.Optional;

/**
 * What one evaluation may reach beyond the state: the functions installed for names that no
 * built-in defines, and a listener told when a {@link Placeholder} is read (a dry run uses it to
 * know that a condition's value came from a placeholder). Must be safe to call from the
 * evaluating thread; one environment may serve many evaluations.
 */
public interface ExpressionEnvironment {
    /** No functions beyond the built-ins, and nobody listening. */
    ExpressionEnvironment NONE = name -> Optional.empty();

    /** The installed function of that name; empty when there is none. */
    Optional<ExpressionFunction> function(String name);

    /** Called each time the evaluation reads a placeholder (a name, a key or an attribute). */
    default void placeholderRead(Placeholder placeholder) {
    }

    /** Called each time the evaluation reads a top-level name that is not in the state (it reads None). */
    default void missingNameRead(String name) {
    }
}
