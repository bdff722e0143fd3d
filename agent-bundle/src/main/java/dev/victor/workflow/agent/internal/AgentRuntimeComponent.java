package dev.victor.workflow.agent.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.victor.workflow.agent.AgentTool;
import dev.victor.workflow.agent.LlmEndpoint;
import dev.victor.workflow.spi.AgentRuntime;
import dev.victor.workflow.spi.AgentTask;
import dev.victor.workflow.spi.Tool;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent runtime service, present while at least one {@link LlmEndpoint} is (with none, agent
 * nodes keep writing placeholders). It offers the model the {@link Tool} services with a
 * {@code name} property, described by their {@value AgentTool#DESCRIPTION_PROPERTY} and
 * {@value AgentTool#PARAMETERS_PROPERTY} properties. Each task's token usage is logged at debug level.
 */
@Component(service = AgentRuntime.class)
public final class AgentRuntimeComponent implements AgentRuntime {

    private final Map<Long, LlmEndpoint> endpoints = new ConcurrentHashMap<>();
    private final Map<Long, AgentTool> tools = new ConcurrentHashMap<>();
    private final AgentLoop loop = AgentLoop.create(this::endpointsByName, this::tool);

    @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    private volatile Logger logger;

    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeEndpoint", updated = "addEndpoint")
    void addEndpoint(LlmEndpoint endpoint, Map<String, Object> properties) {
        endpoints.put(serviceId(properties), endpoint);
    }

    void removeEndpoint(LlmEndpoint endpoint, Map<String, Object> properties) {
        endpoints.remove(serviceId(properties));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeTool", updated = "addTool")
    void addTool(Tool tool, Map<String, Object> properties) {
        long id = serviceId(properties);
        try {
            tools.put(id, describe(tool, properties));
        } catch (IllegalArgumentException unusable) {
            tools.remove(id);
            Logger log = logger;
            if (log != null) {
                log.warn("The Tool service {} is not offered to models: {}", id, unusable.getMessage());
            }
        }
    }

    void removeTool(Tool tool, Map<String, Object> properties) {
        tools.remove(serviceId(properties));
    }

    private static long serviceId(Map<String, Object> properties) {
        return ((Number) properties.get(Constants.SERVICE_ID)).longValue();
    }

    /** The tool as a model sees it, from its service properties. */
    static AgentTool describe(Tool tool, Map<String, Object> properties) {
        Object name = properties.get("name");
        if (!(name instanceof String text)) {
            throw new IllegalArgumentException("it has no 'name' property");
        }
        Object description = properties.get(AgentTool.DESCRIPTION_PROPERTY);
        Object parameters = properties.get(AgentTool.PARAMETERS_PROPERTY);
        Map<String, Object> schema = null;
        if (parameters != null) {
            try {
                JsonNode node = Json.parse(String.valueOf(parameters));
                if (!node.isObject()) {
                    throw new IllegalArgumentException("its " + AgentTool.PARAMETERS_PROPERTY + " is not a JSON object");
                }
                schema = Json.toMap(node);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("its " + AgentTool.PARAMETERS_PROPERTY + " is not JSON ("
                        + Json.where(e) + ")");
            }
        }
        return new AgentTool(text, description == null ? "" : String.valueOf(description), schema, tool);
    }

    private Map<String, LlmEndpoint> endpointsByName() {
        Map<String, LlmEndpoint> byName = new java.util.TreeMap<>();
        new java.util.TreeMap<>(endpoints).values().forEach(endpoint -> byName.putIfAbsent(endpoint.name(), endpoint));
        return byName;
    }

    /** The tool of that name with the lowest service id (the first published). */
    private Optional<AgentTool> tool(String name) {
        return new java.util.TreeMap<>(tools).values().stream().filter(tool -> tool.name().equals(name)).findFirst();
    }

    @Override
    public Object run(AgentTask task) throws Exception {
        AgentLoop.Outcome outcome = loop.run(task);
        Logger log = logger;
        if (log != null && log.isDebugEnabled()) {
            log.debug("{}/{}: {} model calls, {} tool calls, {} input and {} output tokens", task.workflow(),
                    AgentLoop.what(task), outcome.modelCalls(), outcome.toolCalls(), outcome.usage().inputTokens(),
                    outcome.usage().outputTokens());
        }
        return outcome.answer();
    }
}
