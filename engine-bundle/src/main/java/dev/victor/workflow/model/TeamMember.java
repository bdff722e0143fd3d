package dev.victor.workflow.model;

import java.util.List;
import java.util.Map;

/**
 * One member of a team node.
 *
 * @param llmConfig the member's own model settings, as written, over the team's; empty when none
 */
public record TeamMember(String id, String role, String name, String goal, int toolBudget,
                         List<String> tools, Map<String, Object> extras, Map<String, Object> llmConfig) {

    public TeamMember {
        llmConfig = llmConfig == null ? Map.of() : llmConfig;
    }

    /** A member without model settings of its own. */
    public TeamMember(String id, String role, String name, String goal, int toolBudget, List<String> tools,
                      Map<String, Object> extras) {
        this(id, role, name, goal, toolBudget, tools, extras, Map.of());
    }
}
