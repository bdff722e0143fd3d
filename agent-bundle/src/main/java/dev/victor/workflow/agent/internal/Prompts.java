package dev.victor.workflow.agent.internal;

import dev.victor.workflow.agent.AgentTool;
import dev.victor.workflow.spi.AgentTask;

import java.util.List;

/**
 * The messages a task starts with. System: the role (and team member), and for a structured
 * answer the JSON rule and schema. User: the rendered goal, then the node's mapped inputs as JSON.
 * Nothing else of the state is sent.
 */
final class Prompts {
    private Prompts() {
    }

    static String system(AgentTask task, TaskSettings settings, List<AgentTool> tools) {
        StringBuilder system = new StringBuilder("You are the ").append(task.role()).append(" agent");
        if (task.memberId() != null) {
            system.append(" '").append(task.memberId()).append("' of a team");
        }
        system.append(" in the workflow '").append(task.workflow()).append("'.");
        if (!tools.isEmpty()) {
            system.append(" Use the tools when they help; you may make at most ").append(task.toolBudget())
                    .append(" tool calls.");
        }
        if (settings.structured()) {
            system.append("\n\nYour final answer must be a single JSON object and nothing else");
            if (settings.schema() != null) {
                system.append(", following this JSON Schema:\n").append(Json.write(settings.schema()));
            } else {
                system.append('.');
            }
        }
        return system.toString();
    }

    static String user(AgentTask task) {
        String goal = task.goal() == null || task.goal().isBlank() ? "(no goal given)" : task.goal();
        if (task.inputs().isEmpty()) {
            return goal;
        }
        return goal + "\n\nInputs (JSON):\n" + Json.write(task.inputs());
    }
}
