package dev.victor.workflow.web.internal;

import dev.victor.workflow.spi.AgentRuntime;
import dev.victor.workflow.spi.CheckpointStore;
import dev.victor.workflow.spi.ComputeHandler;
import dev.victor.workflow.spi.ConditionFunction;
import dev.victor.workflow.spi.NodeExecutor;
import dev.victor.workflow.spi.NodeOutput;
import dev.victor.workflow.spi.NodeServices;
import dev.victor.workflow.spi.Tool;
import dev.victor.workflow.spi.TransformFunction;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For a dry run ({@code "dryRun": true}, as {@code workflow:run --dry-run}): the installed services, and a placeholder for every handler, tool,
 * node type or agent runtime that is not installed. Each placeholder used is recorded.
 * Named conditions and transforms are not replaced (a placeholder cannot choose a branch).
 */
final class DryRunNodeServices implements NodeServices {
    private final NodeServices installed;
    private final Set<String> placeholders = ConcurrentHashMap.newKeySet();

    DryRunNodeServices(NodeServices installed) {
        this.installed = installed;
    }

    /** The placeholders used so far, such as {@code handler 'fetch'}, sorted. */
    List<String> placeholders() {
        return placeholders.stream().sorted().toList();
    }

    private String placeholder(String what) {
        placeholders.add(what);
        return "(dry run: " + what + " is not installed)";
    }

    @Override
    public Optional<ComputeHandler> handler(String name) {
        Optional<ComputeHandler> real = installed.handler(name);
        return real.isPresent() ? real
                : Optional.of(call -> NodeOutput.of(placeholder("handler '" + name + "'")));
    }

    @Override
    public Optional<Tool> tool(String name) {
        Optional<Tool> real = installed.tool(name);
        return real.isPresent() ? real : Optional.of(call -> placeholder("tool '" + name + "'"));
    }

    @Override
    public Optional<ConditionFunction> condition(String name) {
        return installed.condition(name);
    }

    @Override
    public Optional<TransformFunction> transform(String name) {
        return installed.transform(name);
    }

    @Override
    public Optional<NodeExecutor> nodeExecutor(String type) {
        Optional<NodeExecutor> real = installed.nodeExecutor(type);
        return real.isPresent() ? real
                : Optional.of(call -> NodeOutput.of(placeholder("node type '" + type + "'"), Map.of()));
    }

    @Override
    public Optional<AgentRuntime> agentRuntime() {
        Optional<AgentRuntime> real = installed.agentRuntime();
        return real.isPresent() ? real : Optional.of(task -> placeholder("agent runtime"));
    }

    @Override
    public Optional<CheckpointStore> checkpointStore() {
        return installed.checkpointStore();
    }
}
