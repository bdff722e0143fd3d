package dev.victor.workflow.model;

import dev.victor.workflow.format.SourcePosition;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs its members through the agent runtime in a formation.
 *
 * @param outputKey default {@code team_result}
 * @param llmConfig model settings for every member, as written (a member's own {@code llm_config}
 *                  overrides them key by key); empty when none
 */
public record TeamNode(String id, String name, List<String> next, boolean chained,
                       String goal, TeamFormation formation, List<TeamMember> members, String mergeStrategy,
                       String outputKey, boolean continueOnError, int maxIterations, int totalToolBudget,
                       Duration timeout,
                       Map<String, Object> extras, SourcePosition position, Map<String, Object> llmConfig)
        implements NodeDefinition {

    public TeamNode {
        llmConfig = llmConfig == null ? Map.of() : llmConfig;
    }

    /** A team without model settings of its own. */
    public TeamNode(String id, String name, List<String> next, boolean chained, String goal, TeamFormation formation,
                    List<TeamMember> members, String mergeStrategy, String outputKey, boolean continueOnError,
                    int maxIterations, int totalToolBudget, Duration timeout, Map<String, Object> extras,
                    SourcePosition position) {
        this(id, name, next, chained, goal, formation, members, mergeStrategy, outputKey, continueOnError,
                maxIterations, totalToolBudget, timeout, extras, position, Map.of());
    }
    @Override
    public String type() {
        return "team";
    }
}
