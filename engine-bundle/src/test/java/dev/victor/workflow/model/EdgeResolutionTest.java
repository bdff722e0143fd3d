package dev.victor.workflow.model;

import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

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

/** next, auto-chaining, END tokens, start node and parallel structure (no conditions here). */
class EdgeResolutionTest {

    private static WorkflowDefinition readClean(Object tree) {
        WorkflowDocument document = read(tree);
        assertThat(document.problems()).as(Fixtures.describe(document.problems())).isEmpty();
        return single(document);
    }

    // ---- auto-chaining -------------------------------------------------------------------

    @Test
    void nodesWithoutNextAreChainedToTheFollowingNode() {
        WorkflowDefinition workflow = readClean(workflow("w", map("id", "a"), map("id", "b"), map("id", "c")));

        assertThat(node(workflow, "a").next()).containsExactly("b");
        assertThat(node(workflow, "a").chained()).isTrue();
        assertThat(node(workflow, "b").next()).containsExactly("c");
        assertThat(node(workflow, "c").next()).isEmpty();
        assertThat(node(workflow, "c").chained()).isFalse();
    }

    @Test
    void explicitNextIsNotChained() {
        WorkflowDefinition workflow = readClean(workflow("w",
                map("id", "a", "next", list("c")), map("id", "b", "next", list()), map("id", "c", "next", "b")));

        assertThat(node(workflow, "a").next()).containsExactly("c");
        assertThat(node(workflow, "a").chained()).isFalse();
        assertThat(node(workflow, "b").next()).isEmpty();
        assertThat(node(workflow, "b").chained()).isFalse();
    }

    @Test
    void chainingSkipsParallelChildrenAndChildrenAreNeverChained() {
        WorkflowDefinition workflow = readClean(workflow("w",
                map("id", "start"),
                map("id", "fan_out", "type", "parallel", "parallel_nodes", list("left", "right")),
                map("id", "left"),
                map("id", "right"),
                map("id", "join")));

        assertThat(node(workflow, "start").next()).containsExactly("fan_out");
        assertThat(node(workflow, "fan_out").next()).containsExactly("join");
        assertThat(node(workflow, "fan_out").chained()).isTrue();
        assertThat(node(workflow, "left").next()).isEmpty();
        assertThat(node(workflow, "left").chained()).isFalse();
        assertThat(node(workflow, "right").next()).isEmpty();
        assertThat(node(workflow, "right").chained()).isFalse();
        assertThat(node(workflow, "join").next()).isEmpty();
    }

    @Test
    void aNodeBeforeOnlyChildrenIsNotChained() {
        WorkflowDefinition workflow = readClean(workflow("w",
                map("id", "p", "type", "parallel", "parallel_nodes", list("x", "y")),
                map("id", "x"),
                map("id", "y")));

        assertThat(node(workflow, "p").next()).isEmpty();
        assertThat(node(workflow, "p").chained()).isFalse();
    }

    // ---- ending a path -------------------------------------------------------------------

    private static WorkflowDefinition readWithoutErrors(Object tree) {
        WorkflowDocument document = read(tree);
        assertThat(errors(document)).as(Fixtures.describe(document.problems())).isEmpty();
        return single(document);
    }

    @Test
    void endTokensInNextEndThePath() {
        WorkflowDefinition workflow = readWithoutErrors(workflow("w",
                map("id", "a", "next", list("end")),
                map("id", "b", "next", "__end__"),
                map("id", "c", "next", list("END")),
                map("id", "d")));

        for (String id : List.of("a", "b", "c")) {
            assertThat(node(workflow, id).next()).as(id).isEmpty();
            assertThat(node(workflow, id).chained()).as(id).isFalse();
        }
    }

    @Test
    void emptyNextEndsThePath() {
        // Victor chains `next: []`; here it ends the path (test_load_and_compile_yaml uses it on the last node)
        WorkflowDocument document = read(workflow("w", map("id", "a", "next", list()), map("id", "b")));
        WorkflowDefinition workflow = single(document);
        assertThat(only(document, "node 'b' is unreachable from the start node 'a'").severity())
                .isEqualTo(Severity.WARNING);

        assertThat(node(workflow, "a").next()).isEmpty();
        assertThat(node(workflow, "a").chained()).isFalse();
    }

    @Test
    void nullNextEndsThePathToo() {
        WorkflowDefinition workflow = readWithoutErrors(workflow("w", map("id", "a", "next", null), map("id", "b")));

        assertThat(node(workflow, "a").next()).isEmpty();
    }

    @Test
    void scalarNextIsAOneElementList() {
        // Victor iterates the characters of `next: done`; here it is one target
        WorkflowDefinition workflow = readWithoutErrors(workflow("w",
                map("id", "start", "next", "done"), map("id", "skipped", "next", "done"), map("id", "done")));

        assertThat(node(workflow, "start").next()).containsExactly("done");
    }

    @Test
    void aNodeNamedEndWinsAsATargetWithAWarning() {
        // test_compile_workflow_with_parallel: start -> parallel[task_a, task_b] -> end
        WorkflowDocument document = read(workflow("w",
                map("id", "start", "next", list("fan")),
                map("id", "fan", "type", "parallel", "parallel_nodes", list("task_a", "task_b"), "next", list("end")),
                map("id", "task_a"),
                map("id", "task_b"),
                map("id", at(9, 13, "end"))));

        WorkflowDefinition workflow = single(document);
        assertThat(node(workflow, "fan").next()).containsExactly("end");
        assertThat(errors(document)).isEmpty();
        Problem problem = only(document, "id 'end' is also an END token");
        assertThat(problem.severity()).isEqualTo(Severity.WARNING);
        assertThat(problem.node()).isEqualTo("end");
        assertThat(problem.line()).isEqualTo(9);
    }

    @Test
    void moreThanOneTargetIsAnError() {
        WorkflowDocument document = read(workflow("w",
                map("id", "a", "next", at(3, 15, list("b", "c"))),
                map("id", "b", "next", at(5, 15, list("c", "end"))),
                map("id", "c")));

        List<Problem> problems = errors(document);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).message()).contains("'next' has 2 targets ['b', 'c']")
                .contains("use a parallel node");
        assertThat(problems.get(0).node()).isEqualTo("a");
        assertThat(problems.get(0).line()).isEqualTo(3);
        assertThat(problems.get(1).message()).contains("'next' has 2 targets ['c', 'end']");
        assertThat(problems.get(1).node()).isEqualTo("b");
    }

    @Test
    void nextThatIsAMappingIsAnError() {
        WorkflowDocument document = read(workflow("w", map("id", "a", "next", map("b", 1)), map("id", "b")));

        assertThat(only(document, "'next' must be a node id or a list of node ids").isError()).isTrue();
    }

    // ---- targets -------------------------------------------------------------------------

    @Test
    void danglingNextTargetIsAnErrorWithADidYouMeanAndTheValuePosition() {
        WorkflowDocument document = read(workflow("build",
                map("id", "compile", "next", list(at(4, 16, "run_test"))),
                map("id", "run_tests", "next", list())));

        Problem problem = only(document, "'next' target 'run_test' does not exist");
        assertThat(problem.isError()).isTrue();
        assertThat(problem.message()).contains("did you mean 'run_tests'?");
        assertThat(problem.source()).isEqualTo("test.yaml");
        assertThat(problem.workflow()).isEqualTo("build");
        assertThat(problem.node()).isEqualTo("compile");
        assertThat(problem.path()).isEqualTo("workflows.build.nodes[0].next[0]");
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.column()).isEqualTo(16);
        assertThat(problem.format()).isEqualTo("test.yaml:4:16: error: workflow 'build', node 'compile': "
                + problem.message());
    }

    @Test
    void danglingTargetFarFromEveryIdHasNoSuggestion() {
        WorkflowDocument document = read(workflow("w", map("id", "a", "next", "zzzzzz"), map("id", "b")));

        assertThat(only(document, "'next' target 'zzzzzz' does not exist").message()).doesNotContain("did you mean");
    }

    @Test
    void positionOfAScalarNextIsTheValue() {
        WorkflowDocument document = read(workflow("w", map("id", "a", "next", at(2, 15, "nowhere"))));

        Problem problem = only(document, "'next' target 'nowhere' does not exist");
        assertThat(problem.path()).isEqualTo("workflows.w.nodes[0].next");
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(15);
    }

    @Test
    void missingStartNodeIsAnErrorWithADidYouMean() {
        WorkflowDocument document = read(map("workflows", map("w", map(
                "start_node", at(2, 17, "analyse"),
                "nodes", list(map("id", "analyze"))))));

        Problem problem = only(document, "start node 'analyse' does not exist");
        assertThat(problem.message()).contains("did you mean 'analyze'?");
        assertThat(problem.node()).isNull();
        assertThat(problem.path()).isEqualTo("workflows.w.start_node");
        assertThat(problem.line()).isEqualTo(2);
    }

    // ---- parallel structure --------------------------------------------------------------

    @Test
    void inlineParallelNodesAreHoistedAfterTheirParent() {
        WorkflowDocument document = read(workflow("w",
                map("id", "start"),
                map("id", "fan", "type", "parallel", "nodes", list(
                        map("id", "left", "goal", "l"),
                        map("id", "inner", "type", "parallel", "nodes", list(map("id", "deep"))),
                        map("id", "right"))),
                map("id", "finish", "next", list())));

        WorkflowDefinition workflow = single(document);
        assertThat(document.problems()).isEmpty();
        assertThat(workflow.nodes()).extracting(NodeDefinition::id)
                .containsExactly("start", "fan", "left", "inner", "deep", "right", "finish");
        assertThat(((ParallelNode) node(workflow, "fan")).children()).containsExactly("left", "inner", "right");
        assertThat(((ParallelNode) node(workflow, "inner")).children()).containsExactly("deep");
        assertThat(node(workflow, "start").next()).containsExactly("fan");
        assertThat(node(workflow, "fan").next()).containsExactly("finish");
        assertThat(node(workflow, "inner").next()).isEmpty();
    }

    @Test
    void problemsInInlineChildrenHaveTheirOwnPath() {
        WorkflowDocument document = read(workflow("w",
                map("id", "fan", "type", "parallel", "nodes", list(
                        map("id", "left", "tool_budget", at(7, 26, "many"))))));

        Problem problem = only(document, "'tool_budget' must be a whole number");
        assertThat(problem.node()).isEqualTo("left");
        assertThat(problem.path()).isEqualTo("workflows.w.nodes[0].nodes[0].tool_budget");
        assertThat(problem.line()).isEqualTo(7);
    }

    @Test
    void parallelNodesAndInlineNodesCanBeCombined() {
        WorkflowDefinition workflow = readClean(workflow("w",
                map("id", "fan", "type", "parallel", "parallel_nodes", list("a"), "nodes", list(map("id", "b"))),
                map("id", "a")));

        assertThat(((ParallelNode) node(workflow, "fan")).children()).containsExactly("a", "b");
        assertThat(workflow.nodes()).extracting(NodeDefinition::id).containsExactly("fan", "b", "a");
    }

    @Test
    void missingParallelChildIsAnError() {
        WorkflowDocument document = read(workflow("w",
                map("id", "fan", "type", "parallel", "parallel_nodes", list("fetch_docs", at(3, 40, "fetch_new"))),
                map("id", "fetch_docs"),
                map("id", "fetch_news")));

        Problem problem = only(document, "child 'fetch_new' of parallel node 'fan' does not exist");
        assertThat(problem.message()).contains("did you mean 'fetch_news'?");
        assertThat(problem.node()).isEqualTo("fan");
        assertThat(problem.path()).isEqualTo("workflows.w.nodes[0].parallel_nodes[1]");
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.column()).isEqualTo(40);
    }

    @Test
    void aNodeCannotBeTheChildOfTwoParallelNodes() {
        WorkflowDocument document = read(workflow("w",
                map("id", "p1", "type", "parallel", "parallel_nodes", list("shared"), "next", list("p2")),
                map("id", "p2", "type", "parallel", "parallel_nodes", list(at(4, 35, "shared")), "next", list()),
                map("id", "shared")));

        Problem problem = only(document, "'shared' is a child of two parallel nodes, 'p1' and 'p2'");
        assertThat(problem.isError()).isTrue();
        assertThat(problem.line()).isEqualTo(4);
    }

    @Test
    void aParallelNodeCannotBeItsOwnDescendant() {
        WorkflowDocument document = read(workflow("w",
                map("id", "start", "next", list()),
                at(5, 9, map("id", "p", "type", "parallel", "parallel_nodes", list("q"))),
                map("id", "q", "type", "parallel", "parallel_nodes", list("p"))));

        Problem problem = only(document, "is its own descendant");
        assertThat(problem.message()).contains("parallel node 'p' is its own descendant: p → q → p");
        assertThat(problem.line()).isEqualTo(5);

        WorkflowDocument self = read(workflow("w", map("id", "p", "type", "parallel", "parallel_nodes", list("p"))));
        assertThat(only(self, "parallel node 'p' lists itself as a child").isError()).isTrue();
    }

    @Test
    void anEdgeIntoAChildFromOutsideIsAnError() {
        WorkflowDocument document = read(workflow("w",
                map("id", "start", "next", list(at(3, 16, "left"))),
                map("id", "fan", "type", "parallel", "parallel_nodes", list("left", "right"), "next", list("right")),
                map("id", "left"),
                map("id", "right")));

        assertThat(errors(document)).hasSize(2);
        Problem fromStart = only(document, "edge into 'left', a child of parallel node 'fan'");
        assertThat(fromStart.node()).isEqualTo("start");
        assertThat(fromStart.message()).contains("no edge may lead to it from outside");
        assertThat(fromStart.line()).isEqualTo(3);
        assertThat(only(document, "edge into 'right', a child of parallel node 'fan'").node()).isEqualTo("fan");
    }

    @Test
    void aStartNodeThatIsAChildIsAnError() {
        WorkflowDocument document = read(map("workflows", map("w", map("start_node", "left", "nodes", list(
                map("id", "fan", "type", "parallel", "parallel_nodes", list("left")),
                map("id", "left"))))));

        assertThat(only(document, "start node 'left' is a child of parallel node 'fan'").isError()).isTrue();
    }

    @Test
    void aHumanInTheLoopNodeCannotBeAParallelChild() {
        WorkflowDocument document = read(workflow("w",
                map("id", "fan", "type", "parallel", "parallel_nodes", list("work", at(2, 50, "approve"))),
                map("id", "work"),
                map("id", "approve", "type", "hitl")));

        Problem problem = only(document, "human-in-the-loop node 'approve' cannot be a child of parallel node 'fan'");
        assertThat(problem.message()).contains("cannot interrupt the run inside a parallel branch");
        assertThat(problem.line()).isEqualTo(2);
    }

    @Test
    void aChildsOwnNextIsIgnoredWithAWarning() {
        WorkflowDocument document = read(workflow("w",
                map("id", "fan", "type", "parallel", "parallel_nodes", list("left", "right"), "next", list("join")),
                map("id", "left", at(4, 9, "next"), list("join")),
                map("id", "right", "next", list()),
                map("id", "join")));

        WorkflowDefinition workflow = single(document);
        assertThat(node(workflow, "left").next()).isEmpty();
        Problem problem = only(document, "'next' 'join' is ignored");
        assertThat(problem.severity()).isEqualTo(Severity.WARNING);
        assertThat(problem.message()).contains("'left' is a child of parallel node 'fan'");
        assertThat(problem.line()).isEqualTo(4);
        assertThat(warnings(document)).hasSize(1);
    }

    @Test
    void aParallelNodeWithoutChildrenDoesNothing() {
        WorkflowDocument document = read(workflow("w", map("id", "fan", "type", "parallel")));

        assertThat(only(document, "parallel node 'fan' has no children").severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void loopsAreFine() {
        // test_unified_workflow_compiler: a 3-node cycle compiles
        WorkflowDefinition workflow = readClean(workflow("w",
                map("id", "a", "next", "b"), map("id", "b", "next", "c"), map("id", "c", "next", "a")));

        assertThat(node(workflow, "c").next()).containsExactly("a");
    }
}
