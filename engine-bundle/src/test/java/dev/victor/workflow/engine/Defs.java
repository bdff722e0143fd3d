package dev.victor.workflow.engine;

import dev.victor.workflow.expr.Expression;
import dev.victor.workflow.expr.TransformProgram;
import dev.victor.workflow.model.AgentNode;
import dev.victor.workflow.model.ComputeNode;
import dev.victor.workflow.model.ConditionNode;
import dev.victor.workflow.model.Constraints;
import dev.victor.workflow.model.CustomNode;
import dev.victor.workflow.model.HitlFallback;
import dev.victor.workflow.model.HitlNode;
import dev.victor.workflow.model.HitlType;
import dev.victor.workflow.model.JoinStrategy;
import dev.victor.workflow.model.Limits;
import dev.victor.workflow.model.NodeDefinition;
import dev.victor.workflow.model.ParallelNode;
import dev.victor.workflow.format.SourcePosition;
import dev.victor.workflow.model.TeamFormation;
import dev.victor.workflow.model.TeamMember;
import dev.victor.workflow.model.TeamNode;
import dev.victor.workflow.model.TransformNode;
import dev.victor.workflow.model.WorkflowDefinition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds workflow definitions for tests, the way the reader would (next resolved, defaults filled). */
final class Defs {
    private Defs() {
    }

    static List<String> next(String target) {
        return target == null ? List.of() : List.of(target);
    }

    static WorkflowDefinition workflow(String name, NodeDefinition... nodes) {
        return workflow(name, Limits.NONE, nodes);
    }

    static WorkflowDefinition workflow(String name, Limits limits, NodeDefinition... nodes) {
        return new WorkflowDefinition(name, "", Map.of(), List.of(nodes), nodes.length == 0 ? null : nodes[0].id(),
                limits, Map.of(), "test.yaml", SourcePosition.UNKNOWN);
    }

    static AgentNode agent(String id, String role, String goal, String next) {
        return agent(id, role, goal, Map.of(), null, next);
    }

    static AgentNode agent(String id, String role, String goal, Map<String, String> inputMapping, String output,
                           String next) {
        return new AgentNode(id, id, next(next), false, role, goal, List.of("search"), List.of(), 15,
                Map.of("temperature", 0.2), inputMapping, output == null ? id : output, null, null, Map.of(),
                SourcePosition.UNKNOWN);
    }

    static ComputeNode handler(String id, String handler, Map<String, Object> inputs, String next) {
        return new ComputeNode(id, id, next(next), false, handler, List.of(), inputs, id, Constraints.DEFAULT,
                ComputeNode.DEFAULT_TIMEOUT, true, Map.of(), SourcePosition.UNKNOWN);
    }

    static ComputeNode handler(String id, String handler, Duration timeout, String next) {
        return new ComputeNode(id, id, next(next), false, handler, List.of(), Map.of(), id, Constraints.DEFAULT,
                timeout, true, Map.of(), SourcePosition.UNKNOWN);
    }

    static ComputeNode tools(String id, List<String> tools, Map<String, Object> inputs, Constraints constraints,
                             boolean failFast, String next) {
        return new ComputeNode(id, id, next(next), false, null, tools, inputs, id, constraints,
                ComputeNode.DEFAULT_TIMEOUT, failFast, Map.of(), SourcePosition.UNKNOWN);
    }

    /** A condition whose text is a registered condition function's name (no expression needed). */
    static ConditionNode namedCondition(String id, String function, Map<String, String> branches, String fallback) {
        return new ConditionNode(id, id, List.of(), false, function, null, new LinkedHashMap<>(branches), fallback,
                Map.of(), SourcePosition.UNKNOWN);
    }

    /** A condition with a parsed expression. */
    static ConditionNode condition(String id, String expression, Map<String, String> branches, String fallback) {
        return new ConditionNode(id, id, List.of(), false, expression, Expression.parse(expression),
                new LinkedHashMap<>(branches), fallback, Map.of(), SourcePosition.UNKNOWN);
    }

    static TransformNode namedTransform(String id, String function, String next) {
        return new TransformNode(id, id, next(next), false, function, function, null, Map.of(), SourcePosition.UNKNOWN);
    }

    static TransformNode transform(String id, String statements, String next) {
        return new TransformNode(id, id, next(next), false, statements, null, TransformProgram.parse(statements),
                Map.of(), SourcePosition.UNKNOWN);
    }

    static ParallelNode parallel(String id, JoinStrategy join, Duration timeout, String next, String... children) {
        return new ParallelNode(id, id, next(next), false, List.of(children), join, timeout, Map.of(),
                SourcePosition.UNKNOWN);
    }

    static HitlNode hitl(String id, String prompt, List<String> contextKeys, Object defaultValue, Duration timeout,
                         HitlFallback fallback, String next) {
        return new HitlNode(id, id, next(next), false, HitlType.APPROVAL, prompt, List.of("approve", "reject"),
                contextKeys, defaultValue, timeout, fallback, id, Map.of(), SourcePosition.UNKNOWN);
    }

    static TeamNode team(String id, TeamFormation formation, boolean continueOnError, String next,
                         TeamMember... members) {
        return new TeamNode(id, id, next(next), false, "Team goal about {topic}", formation, List.of(members), "dict",
                "team_result", continueOnError, 50, 100, null, Map.of(), SourcePosition.UNKNOWN);
    }

    static TeamMember member(String id, String role, String goal, boolean manager) {
        return new TeamMember(id, role, id, goal, 15, List.of(), manager ? Map.of("is_manager", true) : Map.of());
    }

    static CustomNode custom(String id, String type, Map<String, Object> fields, String next) {
        return new CustomNode(id, id, type, next(next), false, fields, id, Map.of(), SourcePosition.UNKNOWN);
    }

    static Map<String, Object> state(Object... keysAndValues) {
        Map<String, Object> state = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            state.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return state;
    }

    static List<Object> list(Object... values) {
        return new ArrayList<>(List.of(values));
    }
}
