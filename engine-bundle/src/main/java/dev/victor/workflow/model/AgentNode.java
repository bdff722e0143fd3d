package dev.victor.workflow.model;

import dev.victor.workflow.format.SourcePosition;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Hands a task to the agent runtime (or writes a placeholder when none is installed).
 *
 * @param role           free text, default {@code executor}
 * @param goal           the task, with {@code {key}} / {@code {{key}}} templates
 * @param tools          {@code tools} or {@code allowed_tools}
 * @param forbiddenTools tools the agent must not use
 * @param toolBudget     default 15
 * @param llmConfig      model settings, kept as written
 * @param inputMapping   alias → state key, for templates and the runtime
 * @param output         the state key the result is written to (default: the id)
 * @param timeout        {@code null} when not set
 * @param profile        {@code null} when not set
 */
public record AgentNode(String id, String name, List<String> next, boolean chained,
                        String role, String goal, List<String> tools, List<String> forbiddenTools,
                        int toolBudget, Map<String, Object> llmConfig, Map<String, String> inputMapping,
                        String output, Duration timeout, String profile,
                        Map<String, Object> extras, SourcePosition position) implements NodeDefinition {
    public static final String DEFAULT_ROLE = "executor";
    public static final int DEFAULT_TOOL_BUDGET = 15;

    @Override
    public String type() {
        return "agent";
    }
}
