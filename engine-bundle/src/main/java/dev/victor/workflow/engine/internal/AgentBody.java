package dev.victor.workflow.engine.internal;

import dev.victor.workflow.spi.AgentRuntime;
import dev.victor.workflow.spi.AgentTask;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An agent node: a task for the agent runtime, or Victor's placeholder result when none is installed. */
final class AgentBody implements NodeBody {
    private final String workflow;
    private final String id;
    private final String role;
    private final Template goal;
    private final List<String> tools;
    private final int toolBudget;
    private final Map<String, Object> llmConfig;
    /** alias → path in the state. */
    private final Map<String, String[]> inputMapping;
    private final String output;
    private final Duration timeout;
    private final String profile;
    private final String what;

    AgentBody(String workflow, String id, String role, Template goal, List<String> tools, int toolBudget,
              Map<String, Object> llmConfig, Map<String, String[]> inputMapping, String output, Duration timeout,
              String profile) {
        this.workflow = workflow;
        this.id = id;
        this.role = role;
        this.goal = goal;
        this.tools = tools;
        this.toolBudget = toolBudget;
        this.llmConfig = llmConfig;
        this.inputMapping = inputMapping;
        this.output = output;
        this.timeout = timeout;
        this.profile = profile;
        this.what = "agent node '" + id + "'";
    }

    /** The mapped inputs that exist in the state, by alias. */
    static Map<String, Object> inputs(Map<String, String[]> mapping, Map<String, Object> state) {
        if (mapping.isEmpty()) {
            return Map.of();
        }
        LinkedHashMap<String, Object> inputs = new LinkedHashMap<>();
        mapping.forEach((alias, path) -> {
            Object value = Paths.lookup(state, path);
            if (value != Paths.MISSING) {
                inputs.put(alias, value);
            }
        });
        return inputs;
    }

    /** Victor's result when no agent runtime is installed. */
    static Map<String, Object> placeholder(String nodeId, String memberId, String role, String goal,
                                           Map<String, Object> inputs) {
        LinkedHashMap<String, Object> result = new LinkedHashMap<>();
        result.put("node_id", nodeId);
        if (memberId != null) {
            result.put("member_id", memberId);
        }
        result.put("role", role);
        result.put("goal", goal);
        result.put("status", "placeholder");
        if (!inputs.isEmpty()) {
            result.put("input_context", inputs);
        }
        return result;
    }

    @Override
    public void execute(Scope scope) throws Exception {
        Map<String, Object> state = scope.view();
        Map<String, Object> inputs = inputs(inputMapping, state);
        String task = goal.render(state, inputs);
        Optional<AgentRuntime> runtime = scope.run.services.agentRuntime();
        Object result;
        if (runtime.isEmpty()) {
            result = placeholder(id, null, role, task, inputs);
        } else {
            AgentRuntime agents = runtime.get();
            AgentTask agentTask = new AgentTask(workflow, id, null, role, task, tools, toolBudget, llmConfig, inputs,
                    state, timeout, profile, scope.run.reports.listener(id, null));
            result = Calls.call(scope, Calls.nodeDeadline(timeout), timeout, what,
                    () -> agents.run(agentTask));
        }
        scope.write(output, result);
    }
}
