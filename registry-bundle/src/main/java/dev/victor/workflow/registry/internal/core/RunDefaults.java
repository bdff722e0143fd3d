package dev.victor.workflow.registry.internal.core;

import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.spi.NodeServices;

import java.util.function.IntSupplier;

/**
 * Fills in what the caller of a run left open: node services, checkpoint store (from the node
 * services) and the iteration limit ({@code default_max_iterations} of the registry's settings
 * at the time of the run, when positive).
 */
public final class RunDefaults {

    private final NodeServices nodeServices;
    private final IntSupplier defaultMaxIterations;

    /**
     * @param nodeServices         the registry's node services, or {@code null}
     * @param defaultMaxIterations the registry's current default iteration limit
     */
    public RunDefaults(NodeServices nodeServices, IntSupplier defaultMaxIterations) {
        this.nodeServices = nodeServices;
        this.defaultMaxIterations = defaultMaxIterations;
    }

    /** The node services, or {@code null}. */
    public NodeServices nodeServices() {
        return nodeServices;
    }

    /** The run configuration with what it left open filled in ({@code null} is the defaults). */
    public RunConfig apply(RunConfig config) {
        RunConfig result = config == null ? RunConfig.defaults() : config;
        if (nodeServices != null) {
            if (result.services() == null) {
                result = result.services(nodeServices);
            }
            if (result.checkpointStore() == null) {
                var store = nodeServices.checkpointStore();
                if (store.isPresent()) {
                    result = result.checkpointStore(store.get());
                }
            }
        }
        int maxIterations = defaultMaxIterations.getAsInt();
        if (result.defaultMaxIterations() == null && maxIterations > 0) {
            result = result.defaultMaxIterations(maxIterations);
        }
        return result;
    }
}
