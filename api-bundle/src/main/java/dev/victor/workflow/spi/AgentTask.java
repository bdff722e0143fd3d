package dev.victor.workflow.spi;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One task for the agent runtime: an agent node, or one member of a team node.
 *
 * @param workflow   the workflow's name
 * @param nodeId     the agent node, or the team node for a member
 * @param memberId   the team member's id, or {@code null} for an agent node
 * @param role       the role as written (default {@code executor})
 * @param goal       the goal with its templates rendered from the state
 * @param tools      the tools the agent may use (empty: the runtime's defaults)
 * @param toolBudget the most tool calls the agent may make
 * @param llmConfig  model settings as written (temperature, model_hint, ...)
 * @param inputs     the node's input mapping resolved from the state
 * @param state      a read-only view of the state
 * @param timeout    how long the agent may take, or {@code null}
 * @param profile    the profile the node asks for, or {@code null}
 * @param listener   where the runtime reports the tokens each model call took and, when the run is
 *                   streamed, the pieces of the answer as they arrive ({@link AgentListener#none()} when
 *                   nobody listens)
 */
public record AgentTask(String workflow, String nodeId, String memberId, String role, String goal,
                        List<String> tools, int toolBudget, Map<String, Object> llmConfig,
                        Map<String, Object> inputs, Map<String, Object> state, Duration timeout,
                        String profile, AgentListener listener) {
    public AgentTask {
        tools = tools == null ? List.of() : List.copyOf(tools);
        llmConfig = llmConfig == null ? Map.of() : java.util.Collections.unmodifiableMap(llmConfig);
        inputs = inputs == null ? Map.of() : java.util.Collections.unmodifiableMap(inputs);
        state = state == null ? Map.of() : java.util.Collections.unmodifiableMap(state);
        listener = listener == null ? AgentListener.none() : listener;
    }

    /** A task nobody listens to. */
    public AgentTask(String workflow, String nodeId, String memberId, String role, String goal, List<String> tools,
                     int toolBudget, Map<String, Object> llmConfig, Map<String, Object> inputs,
                     Map<String, Object> state, Duration timeout, String profile) {
        this(workflow, nodeId, memberId, role, goal, tools, toolBudget, llmConfig, inputs, state, timeout, profile,
                AgentListener.none());
    }
}
