package dev.victor.workflow.engine;

import dev.victor.workflow.model.Limits;
import dev.victor.workflow.spi.CheckpointStore;
import dev.victor.workflow.spi.NodeServices;

import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * How the engine runs the graphs it compiles. A {@link dev.victor.workflow.api.RunConfig} may
 * override the services, the checkpoint store and the executor for one run.
 *
 * @param services             what nodes call (handlers, tools, conditions, transforms, agent
 *                             runtime); {@code null} means none
 * @param defaultStore         where interrupted runs are kept when neither the run's config nor
 *                             the services name a store; {@code null} gives each graph its own
 *                             {@link InMemoryCheckpointStore}
 * @param defaultMaxIterations the iteration budget when neither the run nor the workflow sets one
 * @param executor             runs parallel branches, timed calls and async invocations;
 *                             {@code null} means a {@link WorkflowThreads} of these options' own
 * @param clock                for human-in-the-loop deadlines; {@code null} means the system clock
 */
public record EngineOptions(NodeServices services, CheckpointStore defaultStore, int defaultMaxIterations,
                            Executor executor, Clock clock) {

    public EngineOptions {
        if (services == null) {
            services = NodeServices.none();
        }
        if (defaultMaxIterations < 1) {
            throw new IllegalArgumentException("defaultMaxIterations must be at least 1, was " + defaultMaxIterations);
        }
        if (clock == null) {
            clock = Clock.systemUTC();
        }
        if (executor == null) {
            executor = new WorkflowThreads();
        }
    }

    /** No services, per-graph in-memory checkpoints, 25 iterations, threads of their own, the system clock. */
    public static EngineOptions defaults() {
        return new EngineOptions(null, null, Limits.DEFAULT_MAX_ITERATIONS, null, null);
    }

    public EngineOptions services(NodeServices newServices) {
        return new EngineOptions(newServices, defaultStore, defaultMaxIterations, executor, clock);
    }

    public EngineOptions defaultStore(CheckpointStore newStore) {
        return new EngineOptions(services, newStore, defaultMaxIterations, executor, clock);
    }

    public EngineOptions defaultMaxIterations(int newMaxIterations) {
        return new EngineOptions(services, defaultStore, newMaxIterations, executor, clock);
    }

    public EngineOptions executor(Executor newExecutor) {
        return new EngineOptions(services, defaultStore, defaultMaxIterations, newExecutor, clock);
    }

    public EngineOptions clock(Clock newClock) {
        return new EngineOptions(services, defaultStore, defaultMaxIterations, executor, newClock);
    }
}
