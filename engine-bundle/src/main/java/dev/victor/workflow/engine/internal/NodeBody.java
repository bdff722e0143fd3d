package dev.victor.workflow.engine.internal;

/**
 * What a node does when it runs: reads the state through the scope and writes its updates
 * through it. A body writes only after its calls have succeeded, so that a failed attempt
 * leaves the state as it was and can be retried.
 */
@FunctionalInterface
public interface NodeBody {
    void execute(Scope scope) throws Exception;
}
