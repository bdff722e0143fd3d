package dev.victor.workflow.model;

import dev.victor.workflow.format.SourcePosition;

import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The validator on definitions built in code: positions come from the nodes. */
class WorkflowValidatorTest {
    private final WorkflowValidator validator = new WorkflowValidator();

    static AgentNode agent(String id, List<String> next) {
        return agent(id, next, false, SourcePosition.UNKNOWN);
    }

    static AgentNode agent(String id, List<String> next, boolean chained, SourcePosition position) {
        return new AgentNode(id, id, next, chained, "executor", "", List.of(), List.of(), 15, Map.of(), Map.of(),
                id, null, null, Map.of(), position);
    }

    static WorkflowDefinition workflow(String start, NodeDefinition... nodes) {
        return workflow(start, Limits.NONE, nodes);
    }

    static WorkflowDefinition workflow(String start, Limits limits, NodeDefinition... nodes) {
        return new WorkflowDefinition("built", "", Map.of(), List.of(nodes), start, limits, Map.of(), "code",
                new SourcePosition(1, 1));
    }

    private static Problem only(List<Problem> problems, String text) {
        List<Problem> found = problems.stream().filter(p -> p.message().contains(text)).toList();
        assertThat(found).as(Fixtures.describe(problems)).hasSize(1);
        return found.get(0);
    }

    @Test
    void aValidDefinitionHasNoProblems() {
        WorkflowDefinition workflow = workflow("a", agent("a", List.of("b")), agent("b", List.of()));

        assertThat(validator.validate(workflow)).isEmpty();
        assertThat(validator.requireValid(workflow)).isSameAs(workflow);
    }

    @Test
    void victorInvalidWorkflowWithoutNodes() {
        // test_compile_invalid_workflow_raises: no nodes and start "nonexistent"
        WorkflowDefinition workflow = workflow("nonexistent");

        List<Problem> problems = validator.validate(workflow);
        assertThat(problems).extracting(Problem::message).containsExactly("workflow has no nodes; it needs at least one");
        assertThat(problems.get(0).workflow()).isEqualTo("built");
        assertThat(problems.get(0).source()).isEqualTo("code");
        assertThatThrownBy(() -> validator.requireValid(workflow))
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining("Invalid workflow 'built'")
                .satisfies(e -> assertThat(((InvalidWorkflowException) e).problems()).hasSize(1));
    }

    @Test
    void problemsAreLocatedByTheNodesPositions() {
        WorkflowDefinition workflow = workflow("a",
                agent("a", List.of("missing"), false, new SourcePosition(10, 7)));

        Problem problem = only(validator.validate(workflow), "'next' target 'missing' does not exist");
        assertThat(problem.node()).isEqualTo("a");
        assertThat(problem.path()).isEqualTo("workflows.built.nodes[0].next[0]");
        assertThat(problem.line()).isEqualTo(10);
        assertThat(problem.column()).isEqualTo(7);
    }

    @Test
    void duplicateIds() {
        WorkflowDefinition workflow = workflow("a",
                agent("a", List.of("a"), false, new SourcePosition(3, 5)),
                agent("a", List.of(), false, new SourcePosition(8, 5)));

        Problem problem = only(validator.validate(workflow), "duplicate node id 'a'");
        assertThat(problem.isError()).isTrue();
        assertThat(problem.message()).contains("the node at line 3 has it too");
        assertThat(problem.line()).isEqualTo(8);
    }

    @Test
    void endIsNotATargetOfNext() {
        WorkflowDefinition workflow = workflow("a", agent("a", List.of(NodeDefinition.END)));

        assertThat(only(validator.validate(workflow), "is END").message()).contains("leave 'next' empty");
    }

    @Test
    void oneSuccessorOnly() {
        WorkflowDefinition workflow = workflow("a",
                agent("a", List.of("b", "c")), agent("b", List.of()), agent("c", List.of()));

        Problem problem = only(validator.validate(workflow), "'next' has 2 targets ['b', 'c']");
        assertThat(problem.isError()).isTrue();
    }

    @Test
    void startNodeMustExist() {
        assertThat(only(validator.validate(workflow("b", agent("a", List.of()))),
                "start node 'b' does not exist").isError()).isTrue();
        assertThat(only(validator.validate(workflow(null, agent("a", List.of()))),
                "workflow has no start node").isError()).isTrue();
    }

    @Test
    void parallelRules() {
        ParallelNode parallel = new ParallelNode("p", "p", List.of(), false, List.of("x", "h", "ghost"),
                JoinStrategy.ALL, Duration.ZERO, Map.of(), SourcePosition.UNKNOWN);
        HitlNode hitl = new HitlNode("h", "h", List.of(), false, HitlType.APPROVAL, "", List.of(), List.of(), null,
                HitlNode.DEFAULT_TIMEOUT, HitlFallback.ABORT, "h", Map.of(), SourcePosition.UNKNOWN);
        WorkflowDefinition workflow = workflow("start",
                agent("start", List.of("p")), parallel, agent("x", List.of("start")), hitl);

        List<Problem> problems = validator.validate(workflow);
        assertThat(only(problems, "child 'ghost' of parallel node 'p' does not exist").path())
                .isEqualTo("workflows.built.nodes[1].parallel_nodes[2]");
        assertThat(only(problems, "human-in-the-loop node 'h' cannot be a child").isError()).isTrue();
        assertThat(only(problems, "'timeout' must be a positive number of seconds, not 0").node()).isEqualTo("p");
        Problem ignored = only(problems, "'next' 'start' is ignored");
        assertThat(ignored.severity()).isEqualTo(Severity.WARNING);
        assertThat(ignored.node()).isEqualTo("x");
    }

    @Test
    void teamRules() {
        TeamNode team = new TeamNode("t", "t", List.of(), false, "", TeamFormation.SEQUENTIAL, List.of(), "dict",
                "team_result", true, 0, -1, null, Map.of(), SourcePosition.UNKNOWN);

        List<Problem> problems = validator.validate(workflow("t", team));
        assertThat(only(problems, "team node 't' has no members").isError()).isTrue();
        assertThat(only(problems, "'max_iterations' must be at least 1, not 0").isError()).isTrue();
        assertThat(only(problems, "'total_tool_budget' must not be negative").isError()).isTrue();
    }

    @Test
    void limits() {
        Limits limits = new Limits(0, Duration.ofSeconds(-1), Duration.ZERO, -2);

        List<Problem> problems = validator.validate(workflow("a", limits, agent("a", List.of())));
        assertThat(problems).extracting(Problem::message).containsExactly(
                "'max_iterations' must be at least 1, not 0",
                "'timeout' must be a positive number of seconds, not -1",
                "'default_node_timeout' must be a positive number of seconds, not 0",
                "'max_retries' must not be negative, not -2");
        assertThat(problems.get(0).path()).isEqualTo("workflows.built.max_iterations");
        assertThat(problems.get(0).line()).isEqualTo(1);
    }

    @Test
    void customNodesNeedTheirTypeInstalled() {
        CustomNode custom = new CustomNode("c", "c", "webhook", List.of(), false, Map.of(), "c", Map.of(),
                SourcePosition.UNKNOWN);
        WorkflowDefinition workflow = workflow("c", custom);

        assertThat(only(validator.validate(workflow), "unknown node type 'webhook'").message())
                .contains("valid types: agent, compute, condition, transform, parallel, hitl, team");
        assertThat(new WorkflowValidator(ReaderOptions.defaults().withCustomNodeType("webhook")).validate(workflow))
                .isEmpty();
    }

    @Test
    void namedTransformNeedsNoParsing() {
        TransformNode transform = new TransformNode("t", "t", List.of(), false, "normalize", "normalize", null,
                Map.of(), SourcePosition.UNKNOWN);
        TransformNode empty = new TransformNode("u", "u", List.of(), false, " ", null, null, Map.of(),
                SourcePosition.UNKNOWN);

        List<Problem> problems = validator.validate(workflow("t", transform, empty));
        assertThat(problems).extracting(Problem::message).containsExactly(
                "transform node without 'transform' text", "node 'u' is unreachable from the start node 't'");
    }

    @Test
    void semanticChecksCanBeSkipped() {
        WorkflowDefinition workflow = workflow("a",
                agent("a", List.of()),
                agent("complete", List.of("b"), true, new SourcePosition(4, 3)),
                agent("b", List.of()));

        List<Problem> all = validator.validate(workflow);
        assertThat(all).extracting(Problem::severity).containsOnly(Severity.WARNING);
        Problem fallThrough = only(all, "falls through into 'b'");
        assertThat(fallThrough.line()).isEqualTo(4);
        assertThat(only(all, "node 'complete' is unreachable").node()).isEqualTo("complete");
        assertThat(validator.validate(workflow, false)).isEmpty();
    }

    @Test
    void computeThatDoesNothing() {
        ComputeNode compute = new ComputeNode("c", "c", List.of(), false, null, List.of(), Map.of(), "c",
                Constraints.DEFAULT, ComputeNode.DEFAULT_TIMEOUT, true, Map.of(), SourcePosition.UNKNOWN);

        assertThat(only(validator.validate(workflow("c", compute)), "neither 'handler' nor 'tools'").severity())
                .isEqualTo(Severity.WARNING);
    }
}
