package dev.victor.workflow.spi;

import org.osgi.annotation.versioning.ProviderType;

import java.util.Optional;

/**
 * Where nodes find what they call, looked up each time a node runs (so a handler installed
 * later makes a waiting workflow runnable without recompiling it).
 */
@ProviderType
public interface NodeServices {

    Optional<ComputeHandler> handler(String name);

    Optional<Tool> tool(String name);

    Optional<ConditionFunction> condition(String name);

    Optional<TransformFunction> transform(String name);

    Optional<NodeExecutor> nodeExecutor(String type);

    /**
     * A function that conditions and transforms call by a name no built-in defines. None by
     * default: such a call then fails when it is reached, naming the function.
     */
    default Optional<ExpressionFunction> function(String name) {
        return Optional.empty();
    }

    /** The agent runtime; when absent, agent and team nodes write placeholder results. */
    Optional<AgentRuntime> agentRuntime();

    /** A checkpoint store offered by the environment, if any. */
    Optional<CheckpointStore> checkpointStore();

    /** No services at all. */
    static NodeServices none() {
        return StaticNodeServices.EMPTY;
    }

    static StaticNodeServices.Builder builder() {
        return StaticNodeServices.builder();
    }
}
