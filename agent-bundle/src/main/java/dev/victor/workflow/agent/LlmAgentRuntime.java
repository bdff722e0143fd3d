package dev.victor.workflow.agent;

import dev.victor.workflow.agent.internal.AgentLoop;
import dev.victor.workflow.spi.AgentRuntime;
import dev.victor.workflow.spi.AgentTask;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The agent runtime for chat-completion endpoints. A task runs on the endpoint its
 * {@code llm_config.provider} names, else the one named {@code default}, else the only one; its
 * answer is the model's text, or a map when {@code llm_config} asks for structured output
 * ({@code output_schema}, {@code json_mode}). Thread-safe: tasks run concurrently.
 */
public final class LlmAgentRuntime implements AgentRuntime {
    private final AgentLoop loop;

    /**
     * @param endpoints the endpoints by name, asked once per task
     * @param tools     a tool by name
     */
    public LlmAgentRuntime(Supplier<Map<String, LlmEndpoint>> endpoints, Function<String, Optional<AgentTool>> tools) {
        this.loop = AgentLoop.create(endpoints, tools);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Object run(AgentTask task) throws Exception {
        return loop.run(task).answer();
    }

    /** Collects endpoints and tools for code that does not run OSGi. */
    public static final class Builder {
        private final Map<String, LlmEndpoint> endpoints = new LinkedHashMap<>();
        private final Map<String, AgentTool> tools = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder endpoint(LlmEndpoint endpoint) {
            endpoints.put(endpoint.name(), endpoint);
            return this;
        }

        public Builder tool(AgentTool tool) {
            tools.put(tool.name(), tool);
            return this;
        }

        public LlmAgentRuntime build() {
            Map<String, LlmEndpoint> fixedEndpoints = Map.copyOf(endpoints);
            Map<String, AgentTool> fixedTools = Map.copyOf(tools);
            return new LlmAgentRuntime(() -> fixedEndpoints, name -> Optional.ofNullable(fixedTools.get(name)));
        }
    }
}
