package dev.victor.workflow.api;

import dev.victor.workflow.spi.CheckpointStore;
import dev.victor.workflow.spi.NodeServices;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * How to run a compiled graph. Every field is optional; {@code null} means "the graph's default".
 *
 * @param threadId        the run's id (a random one when {@code null}); the key for {@code resume}
 * @param maxIterations   overrides the workflow's {@code max_iterations}
 * @param timeout         overrides the workflow's timeout for the whole run
 * @param checkpointStore where interrupted runs are kept (default: the graph's own store)
 * @param services        the handlers, tools, conditions, transforms and agent runtime nodes call
 *                        (default: the services the graph was compiled with)
 * @param executor        runs parallel branches and async invocations (default: a shared pool)
 * @param defaultMaxIterations the deployment's iteration budget: used when neither
 *                        {@code maxIterations} nor the workflow sets one
 * @param origin          where the workflow came from (its URI), written into checkpoints so that
 *                        another process can compile it again to resume the run
 * @param branches        steering for a dry run: condition node id to the branch label it takes
 *                        (or {@code default}) without routing on its value; each steered choice is
 *                        reported as a warning of the result. Empty: every condition routes on its value
 * @param iterationCounting what {@code max_iterations} counts; overrides the workflow's
 *                        {@code iteration_counting} ({@code null}: the workflow's, else node executions)
 */
public record RunConfig(String threadId, Integer maxIterations, Duration timeout,
                        CheckpointStore checkpointStore, NodeServices services, Executor executor,
                        Integer defaultMaxIterations, String origin, Map<String, String> branches,
                        IterationCounting iterationCounting) {

    private static final RunConfig DEFAULTS = new RunConfig(null, null, null, null, null, null, null, null, null, null);

    public RunConfig {
        branches = branches == null ? Map.of() : Map.copyOf(branches);
        if (maxIterations != null && maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, was " + maxIterations);
        }
        if (defaultMaxIterations != null && defaultMaxIterations < 1) {
            throw new IllegalArgumentException("defaultMaxIterations must be at least 1, was " + defaultMaxIterations);
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    /** The configuration of API 1.3, before {@code iterationCounting}: node executions unless the workflow says. */
    public RunConfig(String threadId, Integer maxIterations, Duration timeout,
                     CheckpointStore checkpointStore, NodeServices services, Executor executor,
                     Integer defaultMaxIterations, String origin, Map<String, String> branches) {
        this(threadId, maxIterations, timeout, checkpointStore, services, executor, defaultMaxIterations, origin,
                branches, null);
    }

    /** Everything from the graph's defaults. */
    public static RunConfig defaults() {
        return DEFAULTS;
    }

    public static RunConfig withThreadId(String threadId) {
        return DEFAULTS.threadId(threadId);
    }

    public RunConfig threadId(String newThreadId) {
        return new RunConfig(newThreadId, maxIterations, timeout, checkpointStore, services, executor, defaultMaxIterations, origin, branches, iterationCounting);
    }

    public RunConfig maxIterations(int newMaxIterations) {
        return new RunConfig(threadId, newMaxIterations, timeout, checkpointStore, services, executor, defaultMaxIterations, origin, branches, iterationCounting);
    }

    public RunConfig timeout(Duration newTimeout) {
        return new RunConfig(threadId, maxIterations, newTimeout, checkpointStore, services, executor, defaultMaxIterations, origin, branches, iterationCounting);
    }

    public RunConfig checkpointStore(CheckpointStore newStore) {
        return new RunConfig(threadId, maxIterations, timeout, newStore, services, executor, defaultMaxIterations, origin, branches, iterationCounting);
    }

    public RunConfig services(NodeServices newServices) {
        return new RunConfig(threadId, maxIterations, timeout, checkpointStore, newServices, executor, defaultMaxIterations, origin, branches, iterationCounting);
    }

    public RunConfig defaultMaxIterations(int newDefault) {
        return new RunConfig(threadId, maxIterations, timeout, checkpointStore, services, executor, newDefault, origin, branches, iterationCounting);
    }

    public RunConfig origin(String newOrigin) {
        return new RunConfig(threadId, maxIterations, timeout, checkpointStore, services, executor,
                defaultMaxIterations, newOrigin, branches, iterationCounting);
    }

    public RunConfig branches(Map<String, String> newBranches) {
        return new RunConfig(threadId, maxIterations, timeout, checkpointStore, services, executor,
                defaultMaxIterations, origin, newBranches, iterationCounting);
    }

    public RunConfig iterationCounting(IterationCounting newCounting) {
        return new RunConfig(threadId, maxIterations, timeout, checkpointStore, services, executor,
                defaultMaxIterations, origin, branches, newCounting);
    }

    public RunConfig executor(Executor newExecutor) {
        return new RunConfig(threadId, maxIterations, timeout, checkpointStore, services, newExecutor, defaultMaxIterations, origin, branches, iterationCounting);
    }
}
