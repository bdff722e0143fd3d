package dev.victor.workflow.model;

import dev.victor.workflow.format.SourcePosition;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs its members through the agent runtime in a formation.
 *
 * @param outputKey default {@code team_result}
 */
public record TeamNode(String id, String name, List<String> next, boolean chained,
                       String goal, TeamFormation formation, List<TeamMember> members, String mergeStrategy,
                       String outputKey, boolean continueOnError, int maxIterations, int totalToolBudget,
                       Duration timeout,
                       Map<String, Object> extras, SourcePosition position) implements NodeDefinition {
    @Override
    public String type() {
        return "team";
    }
}
