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
import static dev.victor.workflow.model.Tree.list;
import static dev.victor.workflow.model.Tree.map;
import static dev.victor.workflow.model.Tree.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Acceptance cases from Victor's own tests (victor-behaviour.md §5.3 and §5.4) and from the
 * loader rules of §2 that concern reading and validating. Where this project decides otherwise
 * than Victor, ours is asserted and the difference is named. Other cases live next to the rule
 * they test (see the comments there).
 */
class VictorAcceptanceTest {

    private static void needsExpressions() {
        assumeTrue(Fixtures.expressionsAvailable(), "the expression language is not in yet");
    }

    @Test
    void compileSimpleWorkflow() {
        // test_compile_simple_workflow: two agents
        WorkflowDocument document = read(workflow("simple",
                map("id", "analyze", "type", "agent", "role", "researcher", "goal", "Analyze", "next", list("summarize")),
                map("id", "summarize", "type", "agent", "role", "writer", "goal", "Summarize")));

        assertThat(document.problems()).isEmpty();
        assertThat(single(document).nodes()).extracting(NodeDefinition::id).containsExactly("analyze", "summarize");
    }

    @Test
    void compileWorkflowWithConditionAndCycle() {
        // test_compile_workflow_with_condition: agent -> condition {yes: proceed, no: retry}; retry -> analyze
        needsExpressions();
        WorkflowDocument document = read(workflow("with_condition",
                map("id", "analyze", "type", "agent", "next", list("decide")),
                map("id", "decide", "type", "condition", "condition", "decision",
                        "branches", map("yes", "proceed", "no", "retry")),
                map("id", "proceed", "type", "agent", "next", list()),
                map("id", "retry", "type", "agent", "next", list("analyze"))));

        assertThat(errors(document)).isEmpty();
        WorkflowDefinition workflow = single(document);
        assertThat(((ConditionNode) node(workflow, "decide")).branches())
                .containsExactly(Map.entry("yes", "proceed"), Map.entry("no", "retry"));
        assertThat(node(workflow, "retry").next()).containsExactly("analyze");
        // a bare name with value labels: ours is a switch, Victor's a truthiness test
        assertThat(only(document, "condition 'decision' is a bare name").severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void compileAndExecuteTwoTransforms() {
        // test_compile_and_execute: two transforms setting initialized and processed
        needsExpressions();
        WorkflowDocument document = read(workflow("transforms",
                map("id", "init", "type", "transform", "transform", "initialized = True"),
                map("id", "process", "type", "transform", "transform", "processed = True")));

        assertThat(document.problems()).isEmpty();
        assertThat(node(single(document), "init").next()).containsExactly("process");
    }

    @Test
    void edaStyleWorkflow() {
        // test_compile_eda_style_workflow: compute load -> compute validate -> condition -> analyze | cleanup
        needsExpressions();
        WorkflowDocument document = read(workflow("eda",
                map("id", "load", "type", "compute", "tools", list("read_file"), "inputs", map("path", "$ctx.path"),
                        "output", "data", "next", list("validate")),
                map("id", "validate", "type", "compute", "tools", list("validate_data"), "output", "validation",
                        "next", list("check_quality")),
                map("id", "check_quality", "type", "condition", "condition", "quality_score > 0.8",
                        "branches", map("true", "analyze", "false", "cleanup")),
                map("id", "cleanup", "type", "agent", "role", "analyst", "goal", "Clean the data",
                        "next", list("analyze")),
                map("id", "analyze", "type", "agent", "role", "analyst", "goal", "Analyze the data")));

        assertThat(document.problems()).isEmpty();
        assertThat(((AgentNode) node(single(document), "analyze")).role()).isEqualTo("analyst");
    }

    @Test
    void unicodeNamesAndASingleNode() {
        WorkflowDocument document = read(map("workflows", map("análisis_数据", map(
                "description", "Ünïcödé",
                "nodes", list(map("id", "schritt_1", "name", "Erster Schritt — 第一步", "goal", "Prüfen"))))));

        WorkflowDefinition workflow = single(document);
        assertThat(document.problems()).isEmpty();
        assertThat(workflow.name()).isEqualTo("análisis_数据");
        assertThat(workflow.nodes().get(0).name()).isEqualTo("Erster Schritt — 第一步");
        assertThat(workflow.startNode()).isEqualTo("schritt_1");
    }

    @Test
    void severalWorkflowsAreAllNamed() {
        // test_compiler_boundary: two workflows and no name is the compiler's error; the reader lists both
        WorkflowDocument document = read(map("workflows", map(
                "alpha", map("nodes", list(map("id", "a"))),
                "beta", map("nodes", list(map("id", "b"))))));

        assertThat(document.names()).containsExactly("alpha", "beta");
        assertThat(document.workflows()).hasSize(2);
    }

    @Test
    void danglingNextMentionsTheNode() {
        // test_unified_workflow_compiler: dangling `next` (message mentions the node)
        WorkflowDocument document = read(workflow("w", map("id", "start", "next", list("missing_node"))));

        Problem problem = only(document, "'missing_node' does not exist");
        assertThat(problem.node()).isEqualTo("start");
        assertThat(problem.format()).contains("node 'start'").contains("missing_node");
    }

    @Test
    void nextToEndIsValidHere() {
        // Victor: `next: [end]` fails with "references non-existent node"; here END ends the path
        WorkflowDocument document = read(workflow("w",
                map("id", "a", "next", list("end")),
                map("id", "b", "next", list("__end__"))));

        assertThat(errors(document)).isEmpty();
        assertThat(node(single(document), "a").next()).isEmpty();
    }

    @Test
    void duplicateIdsAreAnErrorHere() {
        // Victor: two consecutive nodes with id `a` make a silent self-loop a -> a
        WorkflowDocument document = read(workflow("w", map("id", "a"), map("id", "a")));

        assertThat(only(document, "duplicate node id 'a'").isError()).isTrue();
        assertThat(document.workflows()).isEmpty();
    }

    @Test
    void teamNodesAreParsedHere() {
        // Victor rejects `type: team` at HEAD (team_node_example.yaml fails to load)
        WorkflowDocument document = read(workflow("team_node_demo",
                map("id", "small_team", "type", "team", "goal", "Implement {{user_task}}",
                        "team_formation", "sequential", "members", list(map("id", "researcher", "role", "researcher")),
                        "next", list())));

        assertThat(errors(document)).isEmpty();
        assertThat(((TeamNode) single(document).nodes().get(0)).members()).extracting(TeamMember::id)
                .containsExactly("researcher");
    }

    @Test
    void allowedToolsAndFilesystemAllowedAreReadHere() {
        // Victor ignores `allowed_tools` on agents and `filesystem_allowed` in constraints
        WorkflowDefinition workflow = single(read(workflow("w",
                map("id", "a", "allowed_tools", list("scaffold"), "next", list("c")),
                map("id", "c", "type", "compute", "handler", "h",
                        "constraints", map("filesystem_allowed", false)))));

        assertThat(((AgentNode) node(workflow, "a")).tools()).containsExactly("scaffold");
        assertThat(((ComputeNode) node(workflow, "c")).constraints().filesystemAllowed()).isFalse();
    }

    @Test
    void contextInputsAreKeptAsWritten() {
        // Victor strips `$ctx.` at load time and then passes the bare key as a literal
        ComputeNode compute = (ComputeNode) single(read(workflow("w",
                map("id", "c", "type", "compute", "tools", list("fetch"), "inputs", map("symbol", "$ctx.symbol")))))
                .nodes().get(0);

        assertThat(compute.inputs()).containsExactly(Map.entry("symbol", "$ctx.symbol"));
    }
}
