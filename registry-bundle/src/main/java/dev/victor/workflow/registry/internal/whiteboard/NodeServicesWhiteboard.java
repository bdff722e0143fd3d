package dev.victor.workflow.registry.internal.whiteboard;

import dev.victor.workflow.spi.AgentRuntime;
import dev.victor.workflow.spi.CheckpointStore;
import dev.victor.workflow.spi.ComputeHandler;
import dev.victor.workflow.spi.ConditionFunction;
import dev.victor.workflow.spi.NodeExecutor;
import dev.victor.workflow.spi.NodeServices;
import dev.victor.workflow.spi.Tool;
import dev.victor.workflow.spi.ExpressionFunction;
import dev.victor.workflow.spi.TransformFunction;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import java.util.Map;

/**
 * The whiteboard: tracks the node services other bundles publish and offers them as one
 * {@link NodeServices} service (property {@value #WHITEBOARD_PROPERTY}=true), which the registry
 * hands to the runs of its graphs.
 */
@Component(service = {NodeServices.class, NodeServicesWhiteboard.class},
        property = NodeServicesWhiteboard.WHITEBOARD_PROPERTY + ":Boolean=true")
public final class NodeServicesWhiteboard implements NodeServices {

    public static final String WHITEBOARD_PROPERTY = "victor.whiteboard";

    private final WhiteboardNodeServices services = new WhiteboardNodeServices();

    @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    private volatile Logger logger;

    private void ignored(String kind, Object service, Map<String, ?> properties, String property) {
        Logger log = logger;
        if (log != null) {
            log.warn("A {} service ({}) has no '{}' property; it is ignored", kind, service.getClass().getName(), property);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeHandler", updated = "updatedHandler")
    void addHandler(ComputeHandler handler, Map<String, Object> properties) {
        if (!services.addHandler(handler, properties)) {
            ignored("ComputeHandler", handler, properties, WhiteboardNodeServices.NAME);
        }
    }

    void updatedHandler(ComputeHandler handler, Map<String, Object> properties) {
        services.removeHandler(properties);
        addHandler(handler, properties);
    }

    void removeHandler(ComputeHandler handler, Map<String, Object> properties) {
        services.removeHandler(properties);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeTool", updated = "updatedTool")
    void addTool(Tool tool, Map<String, Object> properties) {
        if (!services.addTool(tool, properties)) {
            ignored("Tool", tool, properties, WhiteboardNodeServices.NAME);
        }
    }

    void updatedTool(Tool tool, Map<String, Object> properties) {
        services.removeTool(properties);
        addTool(tool, properties);
    }

    void removeTool(Tool tool, Map<String, Object> properties) {
        services.removeTool(properties);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeCondition", updated = "updatedCondition")
    void addCondition(ConditionFunction condition, Map<String, Object> properties) {
        if (!services.addCondition(condition, properties)) {
            ignored("ConditionFunction", condition, properties, WhiteboardNodeServices.NAME);
        }
    }

    void updatedCondition(ConditionFunction condition, Map<String, Object> properties) {
        services.removeCondition(properties);
        addCondition(condition, properties);
    }

    void removeCondition(ConditionFunction condition, Map<String, Object> properties) {
        services.removeCondition(properties);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeTransform", updated = "updatedTransform")
    void addTransform(TransformFunction transform, Map<String, Object> properties) {
        if (!services.addTransform(transform, properties)) {
            ignored("TransformFunction", transform, properties, WhiteboardNodeServices.NAME);
        }
    }

    void updatedTransform(TransformFunction transform, Map<String, Object> properties) {
        services.removeTransform(properties);
        addTransform(transform, properties);
    }

    void removeTransform(TransformFunction transform, Map<String, Object> properties) {
        services.removeTransform(properties);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeFunction", updated = "updatedFunction")
    void addFunction(ExpressionFunction function, Map<String, Object> properties) {
        if (!services.addFunction(function, properties)) {
            ignored("ExpressionFunction", function, properties, WhiteboardNodeServices.NAME);
        }
    }

    void updatedFunction(ExpressionFunction function, Map<String, Object> properties) {
        services.removeFunction(properties);
        addFunction(function, properties);
    }

    void removeFunction(ExpressionFunction function, Map<String, Object> properties) {
        services.removeFunction(properties);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeNodeExecutor", updated = "updatedNodeExecutor")
    void addNodeExecutor(NodeExecutor executor, Map<String, Object> properties) {
        if (!services.addNodeExecutor(executor, properties)) {
            ignored("NodeExecutor", executor, properties, WhiteboardNodeServices.TYPE);
        }
    }

    void updatedNodeExecutor(NodeExecutor executor, Map<String, Object> properties) {
        services.removeNodeExecutor(properties);
        addNodeExecutor(executor, properties);
    }

    void removeNodeExecutor(NodeExecutor executor, Map<String, Object> properties) {
        services.removeNodeExecutor(properties);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeAgentRuntime", updated = "updatedAgentRuntime")
    void addAgentRuntime(AgentRuntime runtime, Map<String, Object> properties) {
        services.addAgentRuntime(runtime, properties);
    }

    void updatedAgentRuntime(AgentRuntime runtime, Map<String, Object> properties) {
        services.addAgentRuntime(runtime, properties);
    }

    void removeAgentRuntime(AgentRuntime runtime, Map<String, Object> properties) {
        services.removeAgentRuntime(properties);
    }

    /** Stores published by other bundles (not the whiteboard's own NodeServices, which is no store). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeCheckpointStore",
            updated = "updatedCheckpointStore")
    void addCheckpointStore(CheckpointStore store, Map<String, Object> properties) {
        services.addCheckpointStore(store, properties);
    }

    void updatedCheckpointStore(CheckpointStore store, Map<String, Object> properties) {
        services.addCheckpointStore(store, properties);
    }

    void removeCheckpointStore(CheckpointStore store, Map<String, Object> properties) {
        services.removeCheckpointStore(properties);
    }

    /** The plain object behind this component. */
    public WhiteboardNodeServices services() {
        return services;
    }

    @Override
    public java.util.Optional<ComputeHandler> handler(String name) {
        return services.handler(name);
    }

    @Override
    public java.util.Optional<Tool> tool(String name) {
        return services.tool(name);
    }

    @Override
    public java.util.Optional<ConditionFunction> condition(String name) {
        return services.condition(name);
    }

    @Override
    public java.util.Optional<TransformFunction> transform(String name) {
        return services.transform(name);
    }

    @Override
    public java.util.Optional<ExpressionFunction> function(String name) {
        return services.function(name);
    }

    @Override
    public java.util.Optional<NodeExecutor> nodeExecutor(String type) {
        return services.nodeExecutor(type);
    }

    @Override
    public java.util.Optional<AgentRuntime> agentRuntime() {
        return services.agentRuntime();
    }

    @Override
    public java.util.Optional<CheckpointStore> checkpointStore() {
        return services.checkpointStore();
    }
}
