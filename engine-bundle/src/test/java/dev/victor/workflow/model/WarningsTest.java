package dev.victor.workflow.model;

import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.Severity;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.victor.workflow.model.Fixtures.errors;
import static dev.victor.workflow.model.Fixtures.node;
import static dev.victor.workflow.model.Fixtures.only;
import static dev.victor.workflow.model.Fixtures.read;
import static dev.victor.workflow.model.Fixtures.single;
import static dev.victor.workflow.model.Fixtures.warnings;
import static dev.victor.workflow.model.Tree.at;
import static dev.victor.workflow.model.Tree.list;
import static dev.victor.workflow.model.Tree.map;
import static dev.victor.workflow.model.Tree.workflow;
import static org.assertj.core.api.Assertions.assertThat;

/** Warnings that need no expression: reachability, fall-through, templates, environment, idle nodes. */
class WarningsTest {

    @Test
    void unreachableNodesAreReportedAtTheNode() {
        WorkflowDocument document = read(workflow("w",
                map("id", "a", "next", list("c")),
                at(6, 9, map("id", "b", "next", list("c"))),
                map("id", "c")));

        Problem problem = only(document, "unreachable");
        assertThat(problem.severity()).isEqualTo(Severity.WARNING);
        assertThat(problem.message()).isEqualTo("node 'b' is unreachable from the start node 'a'");
        assertThat(problem.workflow()).isEqualTo("w");
        assertThat(problem.node()).isEqualTo("b");
        assertThat(problem.path()).isEqualTo("workflows.w.nodes[1]");
        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.column()).isEqualTo(9);
        assertThat(document.workflows()).hasSize(1);
    }

    @Test
    void parallelChildrenAreReachableThroughTheirParent() {
        WorkflowDocument document = read(workflow("w",
                map("id", "fan", "type", "parallel", "parallel_nodes", list("x", "inner"), "next", list()),
                map("id", "x"),
                map("id", "inner", "type", "parallel", "parallel_nodes", list("y")),
                map("id", "y")));

        assertThat(document.problems()).isEmpty();
    }

    @Test
    void aBranchThatFallsIntoItsAlternativeIsReportedWhateverItsName() {
        WorkflowDocument document = read(workflow("scan",
                map("id", "check", "type", "condition", "condition", "verdict",
                        "branches", map("block", "block_push", "pass", "push")),
                at(7, 9, map("id", "block_push", "type", "transform", "transform", "blocked = True")),
                map("id", "push", "type", "transform", "transform", "pushed = True", "next", list())));

        Problem problem = only(document, "chooses between");
        assertThat(problem.severity()).isEqualTo(Severity.WARNING);
        assertThat(problem.node()).isEqualTo("block_push");
        assertThat(problem.line()).isEqualTo(7);
        assertThat(problem.message()).isEqualTo("condition 'check' chooses between 'block_push' and 'push', but"
                + " 'block_push' has no 'next', so it falls through into 'push' (the next node in the list) and"
                + " runs both; add `next: []` to end here, or a `next` to where it should go");
    }

    @Test
    void aBranchThatEndsOrGoesOnExplicitlyIsNotReported() {
        WorkflowDocument document = read(workflow("scan",
                map("id", "check", "type", "condition", "condition", "verdict",
                        "branches", map("block", "block_push", "pass", "push")),
                map("id", "block_push", "type", "transform", "transform", "blocked = True", "next", list()),
                map("id", "push", "type", "transform", "transform", "pushed = True")));

        assertThat(document.problems()).noneMatch(problem -> problem.message().contains("falls through"));
    }

    @Test
    void aTerminalNodeThatFallsThroughIsReported() {
        WorkflowDocument document = read(workflow("feature",
                map("id", "work", "next", list("complete")),
                at(5, 9, map("id", "complete", "type", "agent", "name", "Feature Complete")),
                map("id", "abort", "name", "Feature Aborted")));

        Problem problem = only(document, "falls through");
        assertThat(problem.severity()).isEqualTo(Severity.WARNING);
        assertThat(problem.message()).contains("falls through into 'abort'").contains("add `next: []` to end here");
        assertThat(problem.node()).isEqualTo("complete");
        assertThat(problem.line()).isEqualTo(5);
        assertThat(single(document).nodes().get(1).chained()).isTrue();
    }

    @Test
    void terminalWordsAreWholeWordsOfTheIdOrName() {
        WorkflowDocument document = read(workflow("w",
                map("id", "endWithRecommendations"),
                map("id", "step_two", "name", "Abort pipeline"),
                map("id", "notify-failed"),
                map("id", "send_notification"),
                map("id", "extend_data"),
                map("id", "finalize", "name", "Friendly ending"),
                map("id", "last")));

        assertThat(warnings(document)).extracting(Problem::node)
                .containsExactly("endWithRecommendations", "step_two", "notify-failed");
    }

    @Test
    void noFallThroughWarningWithAnExplicitNext() {
        WorkflowDocument document = read(workflow("w",
                map("id", "complete", "next", list()),
                map("id", "done", "next", list("complete"))));

        assertThat(document.problems()).extracting(Problem::message)
                .containsExactly("node 'done' is unreachable from the start node 'complete'");
    }

    @Test
    void dollarBraceIsNotEnvironmentInterpolation() {
        WorkflowDocument document = read(ReaderOptions.defaults().withEnvironment(name -> "x"), workflow("w",
                map("id", "build", "type", "compute", "tools", list("shell"),
                        "inputs", map("command", at(6, 20, "docker run --rm ${image_tag} echo ok")))));

        ComputeNode compute = (ComputeNode) single(document).nodes().get(0);
        assertThat(compute.inputs().get("command")).isEqualTo("docker run --rm ${image_tag} echo ok");
        Problem problem = only(document, "'${image_tag}' is not environment interpolation here");
        assertThat(problem.severity()).isEqualTo(Severity.WARNING);
        assertThat(problem.message()).contains("Victor replaces it with an empty string")
                .contains("write '{image_tag}'");
        assertThat(problem.node()).isEqualTo("build");
        assertThat(problem.path()).isEqualTo("workflows.w.nodes[0].inputs.command");
        assertThat(problem.line()).isEqualTo(6);
    }

    @Test
    void envIsReplacedAtAnyDepthButNotInKeys() {
        Map<String, String> environment = Map.of("MODEL", "big", "REGION", "eu");
        WorkflowDocument document = read(ReaderOptions.defaults().withEnvironment(environment::get),
                map("workflows", map("w", map(
                        "metadata", map("$env.MODEL", "region $env.REGION"),
                        "nodes", list(map("id", "a", "goal", "use $env.MODEL model",
                                "llm_config", map("hints", list(map("model", "$env.MODEL")))))))));

        WorkflowDefinition workflow = single(document);
        assertThat(document.problems()).isEmpty();
        assertThat(workflow.metadata()).containsExactly(Map.entry("$env.MODEL", "region eu"));
        AgentNode agent = (AgentNode) workflow.nodes().get(0);
        assertThat(agent.goal()).isEqualTo("use big model");
        assertThat(agent.llmConfig().get("hints")).isEqualTo(java.util.List.of(Map.of("model", "big")));
    }

    @Test
    void unsetEnvironmentVariableIsKeptWithAWarning() {
        WorkflowDocument document = read(ReaderOptions.defaults().withEnvironment(name -> null),
                workflow("w", map("id", "a", "goal", at(3, 15, "key $env.API_KEY here"))));

        assertThat(((AgentNode) single(document).nodes().get(0)).goal()).isEqualTo("key $env.API_KEY here");
        Problem problem = only(document, "environment variable API_KEY is not set");
        assertThat(problem.severity()).isEqualTo(Severity.WARNING);
        assertThat(problem.node()).isEqualTo("a");
        assertThat(problem.line()).isEqualTo(3);
    }

    @Test
    void envIsKeptWithAWarningWhenInterpolationIsOff() {
        WorkflowDocument document = read(ReaderOptions.defaults(),
                workflow("w", map("id", "a", "goal", "$env.HOME")));

        assertThat(((AgentNode) single(document).nodes().get(0)).goal()).isEqualTo("$env.HOME");
        assertThat(only(document, "environment interpolation is off for this source").message())
                .contains("'$env.HOME' is kept as written");
    }

    @Test
    void theSystemEnvironmentCanBeUsed() {
        String path = System.getenv("PATH");
        WorkflowDocument document = read(ReaderOptions.defaults().withSystemEnvironment(),
                workflow("w", map("id", "a", "goal", "$env.PATH")));

        AgentNode agent = (AgentNode) single(document).nodes().get(0);
        assertThat(agent.goal()).isEqualTo(path == null ? "$env.PATH" : path);
    }

    @Test
    void computeWithNeitherHandlerNorToolsDoesNothing() {
        WorkflowDocument document = read(workflow("w",
                map("id", "idle", "type", "compute", "inputs", map("a", 1))));

        Problem problem = only(document, "has neither 'handler' nor 'tools'");
        assertThat(problem.severity()).isEqualTo(Severity.WARNING);
        assertThat(problem.node()).isEqualTo("idle");
    }

    @Test
    void validateFalseSkipsTheSemanticWarnings() {
        Map<Object, Object> tree = workflow("w",
                map("id", "a", "next", list()),
                map("id", "complete", "goal", "${x}", "extra_key", 1),
                map("id", "idle", "type", "compute"),
                map("id", "end", "next", list()));

        WorkflowDocument validated = read(ReaderOptions.defaults(), tree, true);
        WorkflowDocument unvalidated = read(ReaderOptions.defaults(), tree, false);

        assertThat(warnings(validated)).hasSizeGreaterThanOrEqualTo(6);
        assertThat(unvalidated.problems()).isEmpty();
        assertThat(unvalidated.workflows()).hasSize(1);
        assertThat(node(unvalidated.workflows().get(0), "complete").next()).containsExactly("idle");
    }

    @Test
    void warningsDoNotLeaveTheWorkflowOut() {
        WorkflowDocument document = read(workflow("w", map("id", "a", "extra", 1)));

        assertThat(errors(document)).isEmpty();
        assertThat(warnings(document)).hasSize(1);
        assertThat(document.workflows()).hasSize(1);
        assertThat(document.hasErrors()).isFalse();
    }
}
