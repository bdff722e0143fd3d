package dev.victor.workflow.engine;

import dev.victor.workflow.expr.Placeholder;
import dev.victor.workflow.spi.AgentRuntime;
import dev.victor.workflow.spi.CheckpointStore;
import dev.victor.workflow.spi.ComputeHandler;
import dev.victor.workflow.spi.ConditionFunction;
import dev.victor.workflow.spi.ExpressionFunction;
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
 * The services of a dry run: the installed ones, and a {@link Placeholder} for every handler,
 * tool, node type, agent runtime, named condition or transform and function that is not
 * installed. A placeholder handler, tool, node type, agent or function returns a placeholder
 * (an empty, permissive object that says what it stands for); a placeholder transform writes
 * nothing; a compute node whose tools all gave placeholders writes one placeholder. A condition
 * expression that reads a placeholder, or a state key that nothing has written (a bare name such
 * as {@code fix_verified} is also how a condition function that is not installed reads), does
 * not route on its value in a dry run: it takes its default branch, else its first, and the
 * next branch in turn each time the run comes back to it, so that loops end (see
 * {@code RunConfig.branches} to steer it). Each placeholder used is recorded. Thread-safe.
 */
public final class DryRunServices implements NodeServices {
    private final NodeServices installed;
    private final Set<String> placeholders = ConcurrentHashMap.newKeySet();

    public DryRunServices(NodeServices installed) {
        this.installed = installed == null ? NodeServices.none() : installed;
    }

    /** The placeholders used so far, such as {@code handler 'fetch'}, sorted. */
    public List<String> placeholders() {
        return placeholders.stream().sorted().toList();
    }

    private Placeholder placeholder(String what) {
        placeholders.add(what);
        return Placeholder.of(what);
    }

    @Override
    public Optional<ComputeHandler> handler(String name) {
        Optional<ComputeHandler> real = installed.handler(name);
        return real.isPresent() ? real : Optional.of(call -> NodeOutput.of(placeholder("handler '" + name + "'")));
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
        Optional<TransformFunction> real = installed.transform(name);
        return real.isPresent() ? real : Optional.of(state -> {
            placeholder("transform '" + name + "'");
            return Map.of();
        });
    }

    @Override
    public Optional<ExpressionFunction> function(String name) {
        Optional<ExpressionFunction> real = installed.function(name);
        return real.isPresent() ? real : Optional.of((args, keywords) -> placeholder("function '" + name + "'"));
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
        return real.isPresent() ? real : Optional.of(task -> placeholder("agent '" + task.nodeId() + "'"
                + (task.memberId() == null ? "" : " member '" + task.memberId() + "'")));
    }

    @Override
    public Optional<CheckpointStore> checkpointStore() {
        return installed.checkpointStore();
    }
}
