package dev.victor.workflow.engine.internal;

import dev.victor.workflow.expr.EvaluationGuard;

import java.time.Duration;

/**
 * The guard of one expression evaluation inside a node: stops it when the run's time budget
 * runs out or the run is cancelled ({@link RunStop}), and when the node's own timeout
 * ({@code default_node_timeout} for conditions and transforms) has passed ({@link Overrun}).
 */
final class EvaluationDeadline implements EvaluationGuard {
    private final Run run;
    private final long nodeDeadline;
    private final Duration timeout;
    private final String what;

    /**
     * The guard of one evaluation: the run's shared guard when the node has no timeout of its own
     * (nothing to remember per evaluation), else a deadline from now.
     */
    static EvaluationGuard of(Run run, Duration timeout, String what) {
        return timeout == null ? run.stillRunning : new EvaluationDeadline(run, timeout, what);
    }

    private EvaluationDeadline(Run run, Duration timeout, String what) {
        this.run = run;
        this.nodeDeadline = Calls.nodeDeadline(timeout);
        this.timeout = timeout;
        this.what = what;
    }

    @Override
    public void check() {
        run.checkStillRunning();
        if (nodeDeadline != 0L && System.nanoTime() - nodeDeadline >= 0) {
            throw new Overrun(new NodeFailure(what + " timed out after " + Exec.human(timeout)
                    + " (default_node_timeout)", "timeout", null, false));
        }
    }

    /** Carries the node's timeout out of the evaluation; the node throws its failure. */
    static final class Overrun extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient NodeFailure failure;

        Overrun(NodeFailure failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }
}
