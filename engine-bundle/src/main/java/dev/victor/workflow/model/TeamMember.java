package dev.victor.workflow.model;

import java.util.List;
import java.util.Map;

/** One member of a team node. */
public record TeamMember(String id, String role, String name, String goal, int toolBudget,
                         List<String> tools, Map<String, Object> extras) {
}
