package dev.victor.workflow.expr;

/**
 * Asked now and then during an evaluation whether it may go on: at least every
 * {@link ExpressionLimits#GUARD_INTERVAL} steps, and before every operation whose cost is charged
 * in one go. The engine's guard throws when the run's deadline has passed or the run was
 * cancelled; what it throws leaves {@code evaluate} and {@code apply} unchanged.
 */
@FunctionalInterface
public interface EvaluationGuard {
    /** A guard that never stops an evaluation (the step and size limits still apply). */
    EvaluationGuard NONE = () -> { };

    /** Returns when the evaluation may go on; throws to stop it. */
    void check();
}
