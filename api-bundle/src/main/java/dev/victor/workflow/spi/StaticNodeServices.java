package dev.victor.workflow.spi;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A fixed set of node services, for code and tests that do not run OSGi. Immutable. */
public final class StaticNodeServices implements NodeServices {
    static final StaticNodeServices EMPTY = new Builder().build();

    private final Map<String, ComputeHandler> handlers;
    private final Map<String, Tool> tools;
    private final Map<String, ConditionFunction> conditions;
    private final Map<String, TransformFunction> transforms;
    private final Map<String, NodeExecutor> executors;
    private final Map<String, ExpressionFunction> functions;
    private final AgentRuntime agentRuntime;
    private final CheckpointStore checkpointStore;

    private StaticNodeServices(Builder builder) {
        this.handlers = Map.copyOf(builder.handlers);
        this.tools = Map.copyOf(builder.tools);
        this.conditions = Map.copyOf(builder.conditions);
        this.transforms = Map.copyOf(builder.transforms);
        this.executors = Map.copyOf(builder.executors);
        this.functions = Map.copyOf(builder.functions);
        this.agentRuntime = builder.agentRuntime;
        this.checkpointStore = builder.checkpointStore;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<ComputeHandler> handler(String name) {
        return Optional.ofNullable(handlers.get(name));
    }

    @Override
    public Optional<Tool> tool(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    @Override
    public Optional<ConditionFunction> condition(String name) {
        return Optional.ofNullable(conditions.get(name));
    }

    @Override
    public Optional<TransformFunction> transform(String name) {
        return Optional.ofNullable(transforms.get(name));
    }

    @Override
    public Optional<NodeExecutor> nodeExecutor(String type) {
        return Optional.ofNullable(executors.get(type));
    }

    @Override
    public Optional<ExpressionFunction> function(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    @Override
    public Optional<AgentRuntime> agentRuntime() {
        return Optional.ofNullable(agentRuntime);
    }

    @Override
    public Optional<CheckpointStore> checkpointStore() {
        return Optional.ofNullable(checkpointStore);
    }

    /** Collects services; later registrations under a name replace earlier ones. */
    public static final class Builder {
        private final Map<String, ComputeHandler> handlers = new HashMap<>();
        private final Map<String, Tool> tools = new HashMap<>();
        private final Map<String, ConditionFunction> conditions = new HashMap<>();
        private final Map<String, TransformFunction> transforms = new HashMap<>();
        private final Map<String, NodeExecutor> executors = new HashMap<>();
        private final Map<String, ExpressionFunction> functions = new HashMap<>();
        private AgentRuntime agentRuntime;
        private CheckpointStore checkpointStore;

        private Builder() {
        }

        public Builder handler(String name, ComputeHandler handler) {
            handlers.put(name, handler);
            return this;
        }

        public Builder tool(String name, Tool tool) {
            tools.put(name, tool);
            return this;
        }

        public Builder condition(String name, ConditionFunction condition) {
            conditions.put(name, condition);
            return this;
        }

        public Builder transform(String name, TransformFunction transform) {
            transforms.put(name, transform);
            return this;
        }

        public Builder nodeExecutor(String type, NodeExecutor executor) {
            executors.put(type, executor);
            return this;
        }

        public Builder function(String name, ExpressionFunction function) {
            functions.put(name, function);
            return this;
        }

        public Builder agentRuntime(AgentRuntime runtime) {
            this.agentRuntime = runtime;
            return this;
        }

        public Builder checkpointStore(CheckpointStore store) {
            this.checkpointStore = store;
            return this;
        }

        public StaticNodeServices build() {
            return new StaticNodeServices(this);
        }
    }
}
