package dev.victor.workflow.engine.internal;

import dev.victor.workflow.spi.NodeCall;
import dev.victor.workflow.spi.NodeExecutor;
import dev.victor.workflow.spi.NodeOutput;

import java.time.Duration;
import java.util.Map;

/** A node of a type contributed by an installed node executor. */
final class CustomBody implements NodeBody {
    private final String workflow;
    private final String id;
    private final String type;
    private final Paths.Resolver inputs;
    private final Map<String, Object> settings;
    private final String output;
    private final Duration timeout;
    private final String what;

    CustomBody(String workflow, String id, String type, Paths.Resolver inputs, Map<String, Object> settings,
               String output, Duration timeout) {
        this.workflow = workflow;
        this.id = id;
        this.type = type;
        this.inputs = inputs;
        this.settings = settings;
        this.output = output;
        this.timeout = timeout;
        this.what = type + " node '" + id + "'";
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(Scope scope) throws Exception {
        NodeExecutor executor = scope.run.services.nodeExecutor(type).orElseThrow(() -> NodeFailure.permanent(
                what + ": no executor is installed for node type '" + type + "'", "not_installed"));
        Map<String, Object> state = scope.view();
        Object resolved = inputs.resolve(state);
        Map<String, Object> args = resolved instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        NodeCall call = new NodeCall(workflow, id, scope.run.threadId, args, state, settings);
        NodeOutput out = Calls.call(scope, Calls.nodeDeadline(timeout), timeout, what, () -> executor.execute(call));
        if (out != null) {
            out.stateUpdates().forEach(scope::write);
        }
        scope.write(output, out == null ? null : out.value());
    }
}
