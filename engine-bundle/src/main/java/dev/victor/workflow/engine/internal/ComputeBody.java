package dev.victor.workflow.engine.internal;

import dev.victor.workflow.expr.Placeholder;
import dev.victor.workflow.model.Constraints;
import dev.victor.workflow.spi.ComputeHandler;
import dev.victor.workflow.spi.NodeCall;
import dev.victor.workflow.spi.NodeOutput;
import dev.victor.workflow.spi.NodeServices;
import dev.victor.workflow.spi.Tool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compute node: its handler, else its tools in order, through the installed services. A
 * handler or tool that is not installed fails the node (Victor records success).
 */
final class ComputeBody implements NodeBody {
    private final String workflow;
    private final String id;
    private final String handler;
    private final List<String> tools;
    private final Paths.Resolver inputs;
    private final String output;
    private final Constraints constraints;
    private final Duration timeout;
    private final boolean failFast;
    private final Map<String, Object> settings;
    private final String what;

    ComputeBody(String workflow, String id, String handler, List<String> tools, Paths.Resolver inputs, String output,
                Constraints constraints, Duration timeout, boolean failFast, Map<String, Object> settings) {
        this.workflow = workflow;
        this.id = id;
        this.handler = handler;
        this.tools = tools;
        this.inputs = inputs;
        this.output = output;
        this.constraints = constraints;
        this.timeout = timeout;
        this.failFast = failFast;
        this.settings = settings;
        this.what = "compute node '" + id + "'";
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(Scope scope) throws Exception {
        Map<String, Object> state = scope.view();
        Object resolved = inputs.resolve(state);
        Map<String, Object> args = resolved instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        NodeServices services = scope.run.services;
        long deadline = Calls.nodeDeadline(timeout);
        if (handler != null) {
            ComputeHandler found = services.handler(handler).orElseThrow(() -> NodeFailure.permanent(
                    what + ": handler '" + handler + "' is not installed", "not_installed"));
            NodeCall call = new NodeCall(workflow, id, scope.run.threadId, args, state, settings);
            NodeOutput out = Calls.call(scope, deadline, timeout, what, () -> found.handle(call));
            if (out != null) {
                out.stateUpdates().forEach(scope::write);
            }
            scope.write(output, out == null ? null : out.value());
            return;
        }
        if (tools.isEmpty()) {
            LinkedHashMap<String, Object> result = new LinkedHashMap<>();
            result.put("status", "no_tools_executed");
            result.put("inputs", args);
            scope.write(output, result);
            return;
        }
        List<String> names = new ArrayList<>(tools.size());
        List<Tool> found = new ArrayList<>(tools.size());
        for (String name : tools) {
            if (constraints != null && !constraints.allowsTool(name)) {
                scope.warn(id, what + ": tool '" + name + "' is blocked by the node's constraints; skipped");
                continue;
            }
            names.add(name);
            found.add(services.tool(name).orElseThrow(() -> NodeFailure.permanent(
                    what + ": tool '" + name + "' is not installed", "not_installed")));
        }
        NodeCall call = new NodeCall(workflow, id, scope.run.threadId, args, state, settings);
        LinkedHashMap<String, Object> results = new LinkedHashMap<>();
        for (int i = 0; i < found.size(); i++) {
            String name = names.get(i);
            Tool tool = found.get(i);
            try {
                results.put(name, Calls.call(scope, deadline, timeout, what + " (tool '" + name + "')",
                        () -> tool.call(call)));
            } catch (RunStop stop) {
                throw stop;
            } catch (Exception failed) {
                if (failed instanceof InterruptedException || scope.run.cancelled) {
                    throw failed;
                }
                String message = failed instanceof NodeFailure ? failed.getMessage() : Exec.describe(failed);
                if (failFast) {
                    if (failed instanceof NodeFailure failure) {
                        throw failure;
                    }
                    throw new NodeFailure(what + ": tool '" + name + "' failed: " + message,
                            failed.getClass().getName(), failed, true);
                }
                results.put(name, Map.of("error", message));
            }
        }
        boolean dryRun = !results.isEmpty() && results.values().stream().allMatch(value -> value instanceof Placeholder);
        scope.write(output, dryRun ? Placeholder.of("tools " + String.join(", ", names) + " of " + what) : results);
    }
}
