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

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Node services backed by what is published now: handlers, tools, named conditions and transforms
 * by their {@code name} property, node executors by {@code type}, and the best-ranked agent
 * runtime and checkpoint store. Looked up each time a node runs, so a service that arrives later
 * serves a graph compiled earlier. Plain Java: the whiteboard component feeds it.
 */
public final class WhiteboardNodeServices implements NodeServices {

    /** The property that names a handler, tool, condition or transform. */
    public static final String NAME = "name";
    /** The property that names a node executor's node type. */
    public static final String TYPE = "type";
    private static final String SINGLE = "";

    private final RankedServices<ComputeHandler> handlers = new RankedServices<>();
    private final RankedServices<Tool> tools = new RankedServices<>();
    private final RankedServices<ConditionFunction> conditions = new RankedServices<>();
    private final RankedServices<TransformFunction> transforms = new RankedServices<>();
    private final RankedServices<ExpressionFunction> functions = new RankedServices<>();
    private final RankedServices<NodeExecutor> executors = new RankedServices<>();
    private final RankedServices<AgentRuntime> agents = new RankedServices<>();
    private final RankedServices<CheckpointStore> stores = new RankedServices<>();

    /** A service's key property, or empty (a service without one is not usable by name). */
    static Optional<String> key(Map<String, ?> properties, String property) {
        Object value = properties.get(property);
        if (value instanceof String text && !text.isBlank()) {
            return Optional.of(text.strip());
        }
        if (value instanceof String[] array && array.length > 0) {
            return Optional.of(array[0].strip());
        }
        return Optional.empty();
    }

    static long id(Map<String, ?> properties) {
        return properties.get("service.id") instanceof Number number ? number.longValue() : 0L;
    }

    static int ranking(Map<String, ?> properties) {
        return properties.get("service.ranking") instanceof Integer ranking ? ranking : 0;
    }

    public boolean addHandler(ComputeHandler handler, Map<String, ?> properties) {
        return add(handlers, handler, properties, NAME);
    }

    public void removeHandler(Map<String, ?> properties) {
        handlers.remove(id(properties));
    }

    public boolean addTool(Tool tool, Map<String, ?> properties) {
        return add(tools, tool, properties, NAME);
    }

    public void removeTool(Map<String, ?> properties) {
        tools.remove(id(properties));
    }

    public boolean addCondition(ConditionFunction condition, Map<String, ?> properties) {
        return add(conditions, condition, properties, NAME);
    }

    public void removeCondition(Map<String, ?> properties) {
        conditions.remove(id(properties));
    }

    public boolean addTransform(TransformFunction transform, Map<String, ?> properties) {
        return add(transforms, transform, properties, NAME);
    }

    public void removeTransform(Map<String, ?> properties) {
        transforms.remove(id(properties));
    }

    public boolean addFunction(ExpressionFunction function, Map<String, ?> properties) {
        return add(functions, function, properties, NAME);
    }

    public void removeFunction(Map<String, ?> properties) {
        functions.remove(id(properties));
    }

    public boolean addNodeExecutor(NodeExecutor executor, Map<String, ?> properties) {
        return add(executors, executor, properties, TYPE);
    }

    public void removeNodeExecutor(Map<String, ?> properties) {
        executors.remove(id(properties));
    }

    public void addAgentRuntime(AgentRuntime runtime, Map<String, ?> properties) {
        agents.add(SINGLE, runtime, id(properties), ranking(properties));
    }

    public void removeAgentRuntime(Map<String, ?> properties) {
        agents.remove(id(properties));
    }

    public void addCheckpointStore(CheckpointStore store, Map<String, ?> properties) {
        stores.add(SINGLE, store, id(properties), ranking(properties));
    }

    public void removeCheckpointStore(Map<String, ?> properties) {
        stores.remove(id(properties));
    }

    private static <T> boolean add(RankedServices<T> services, T service, Map<String, ?> properties, String property) {
        Optional<String> key = key(properties, property);
        key.ifPresent(name -> services.add(name, service, id(properties), ranking(properties)));
        return key.isPresent();
    }

    @Override
    public Optional<ComputeHandler> handler(String name) {
        return handlers.get(name);
    }

    @Override
    public Optional<Tool> tool(String name) {
        return tools.get(name);
    }

    @Override
    public Optional<ConditionFunction> condition(String name) {
        return conditions.get(name);
    }

    @Override
    public Optional<TransformFunction> transform(String name) {
        return transforms.get(name);
    }

    @Override
    public Optional<ExpressionFunction> function(String name) {
        return functions.get(name);
    }

    @Override
    public Optional<NodeExecutor> nodeExecutor(String type) {
        return executors.get(type);
    }

    @Override
    public Optional<AgentRuntime> agentRuntime() {
        return agents.get(SINGLE);
    }

    @Override
    public Optional<CheckpointStore> checkpointStore() {
        return stores.get(SINGLE);
    }

    /** What is installed, for people: {@code handlers: a, b; tools: ...}. */
    public String describe() {
        return "handlers: " + new TreeSet<>(handlers.keys()) + "; tools: " + new TreeSet<>(tools.keys())
                + "; conditions: " + new TreeSet<>(conditions.keys()) + "; transforms: " + new TreeSet<>(transforms.keys())
                + "; node types: " + new TreeSet<>(executors.keys()) + "; agent runtime: " + agentRuntime().isPresent()
                + "; checkpoint store: " + checkpointStore().isPresent();
    }

    Set<String> handlerNames() {
        return handlers.keys();
    }
}
