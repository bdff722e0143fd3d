package dev.victor.workflow.model;

import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.Severity;
import dev.victor.workflow.expr.Expression;
import dev.victor.workflow.expr.ExpressionSyntaxException;
import dev.victor.workflow.expr.TransformProgram;
import org.junit.jupiter.api.BeforeEach;
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
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Conditions and transforms. These need the expression language (package expr); until it is in,
 * they are skipped.
 */
class ConditionsAndTransformsTest {

    @BeforeEach
    void needsTheExpressionLanguage() {
        assumeTrue(Fixtures.expressionsAvailable(), "the expression language is not in yet");
    }

    private static Map<Object, Object> condition(String id, String text, Object branches) {
        return map("id", id, "type", "condition", "condition", text, "branches", branches);
    }

    private static WorkflowDefinition readWithoutErrors(Object tree) {
        WorkflowDocument document = read(tree);
        assertThat(errors(document)).as(Fixtures.describe(document.problems())).isEmpty();
        return single(document);
    }

    // ---- conditions ----------------------------------------------------------------------

    @Test
    void aConditionIsParsedAndRoutesWithItsBranches() {
        WorkflowDocument document = read(workflow("w",
                map("id", "analyze", "next", list("check")),
                condition("check", "estimated_changes > 5", map("true", "plan", "false", "quick")),
                map("id", "quick", "next", list()),
                map("id", "plan", "next", list())));

        assertThat(document.problems()).isEmpty();
        ConditionNode check = (ConditionNode) node(single(document), "check");
        assertThat(check.condition()).isEqualTo("estimated_changes > 5");
        assertThat(check.expression()).isNotNull();
        assertThat(check.branches()).containsExactly(Map.entry("true", "plan"), Map.entry("false", "quick"));
        assertThat(check.defaultTarget()).isNull();
        assertThat(check.next()).isEmpty();
        assertThat(check.chained()).isFalse();
    }

    @Test
    void unquotedBooleanLabelsAreReadAsTextWithAWarning() {
        WorkflowDocument document = read(workflow("build",
                condition("check_tests", "tests_passed", map(at(5, 11, true), "done", at(6, 11, false), "fix")),
                map("id", "fix", "next", list("check_tests")),
                map("id", "done")));

        ConditionNode check = (ConditionNode) node(single(document), "check_tests");
        assertThat(check.branches()).containsExactly(Map.entry("true", "done"), Map.entry("false", "fix"));
        assertThat(warnings(document)).hasSize(2);
        Problem problem = only(document, "branch label true is a YAML boolean");
        assertThat(problem.severity()).isEqualTo(Severity.WARNING);
        assertThat(problem.message()).contains("read here as \"true\"").contains("Victor never matches it");
        assertThat(problem.node()).isEqualTo("check_tests");
        assertThat(problem.path()).isEqualTo("workflows.build.nodes[0].branches.true");
        assertThat(problem.line()).isEqualTo(5);
        assertThat(problem.column()).isEqualTo(11);
    }

    @Test
    void numericLabelsAreTheirText() {
        WorkflowDefinition workflow = readWithoutErrors(workflow("w",
                condition("route", "len(items)", map(0, "none", 1, "one", 2.5, "odd", "default", "many")),
                map("id", "none", "next", list()), map("id", "one", "next", list()),
                map("id", "odd", "next", list()), map("id", "many")));

        assertThat(((ConditionNode) node(workflow, "route")).branches().keySet())
                .containsExactly("0", "1", "2.5", "default");
    }

    @Test
    void endTokensInBranchesAndDefaultAreEnd() {
        WorkflowDefinition workflow = readWithoutErrors(workflow("w",
                map("id", "check", "type", "condition", "condition", "ok",
                        "branches", map("true", "end", "false", "__end__", "maybe", "retry"), "default", "END"),
                map("id", "retry", "next", list("check"))));

        ConditionNode check = (ConditionNode) node(workflow, "check");
        assertThat(check.branches()).containsExactly(Map.entry("true", NodeDefinition.END),
                Map.entry("false", NodeDefinition.END), Map.entry("maybe", "retry"));
        assertThat(check.defaultTarget()).isEqualTo(NodeDefinition.END);
    }

    @Test
    void defaultBranchLabelIsTheDefaultTarget() {
        // test_router_with_default_branch: branches {success, default}
        WorkflowDefinition workflow = readWithoutErrors(workflow("w",
                condition("route", "status", map("success", "ok", "default", "fallback")),
                map("id", "ok", "next", list()),
                map("id", "fallback")));

        ConditionNode route = (ConditionNode) node(workflow, "route");
        assertThat(route.defaultTarget()).isEqualTo("fallback");
        assertThat(route.branches()).containsKeys("success", "default");
    }

    @Test
    void nodeLevelDefaultWinsOverTheDefaultBranch() {
        WorkflowDocument document = read(workflow("w",
                map("id", "route", "type", "condition", "condition", "status == 'ok'",
                        "branches", map("true", "ok", "default", "b"), "default", at(4, 18, "a")),
                map("id", "ok", "next", list()), map("id", "a", "next", list()), map("id", "b")));

        assertThat(((ConditionNode) node(single(document), "route")).defaultTarget()).isEqualTo("a");
        Problem problem = only(document, "the node's 'default' ('a') is used");
        assertThat(problem.severity()).isEqualTo(Severity.WARNING);
        assertThat(problem.line()).isEqualTo(4);
    }

    @Test
    void danglingBranchAndDefaultTargetsAreErrorsWithADidYouMean() {
        WorkflowDocument document = read(workflow("w",
                map("id", "check", "type", "condition", "condition", "passed",
                        "branches", map("true", at(4, 19, "deploy_prod"), "false", "rollbak"),
                        "default", at(6, 20, "nowhere_at_all")),
                map("id", "deploy_production", "next", list()),
                map("id", "rollback")));

        Problem branch = only(document, "branch 'true' target 'deploy_prod' does not exist");
        assertThat(branch.isError()).isTrue();
        assertThat(branch.node()).isEqualTo("check");
        assertThat(branch.path()).isEqualTo("workflows.w.nodes[0].branches.true");
        assertThat(branch.line()).isEqualTo(4);
        assertThat(branch.column()).isEqualTo(19);
        assertThat(only(document, "branch 'false' target 'rollbak'").message()).contains("did you mean 'rollback'?");
        Problem fallback = only(document, "default target 'nowhere_at_all' does not exist");
        assertThat(fallback.line()).isEqualTo(6);
        assertThat(fallback.message()).doesNotContain("did you mean");
    }

    @Test
    void aConditionNeedsTextAndBranches() {
        WorkflowDocument document = read(workflow("w",
                map("id", "no_text", "type", "condition", "branches", map("true", "x")),
                map("id", "no_branches", "type", "condition", "condition", "ok"),
                map("id", "empty_branches", "type", "condition", "condition", "ok", "branches", map()),
                map("id", "bad_branches", "type", "condition", "condition", "ok", "branches", list("x")),
                map("id", "x")));

        assertThat(only(document, "condition node without 'condition' text").node()).isEqualTo("no_text");
        assertThat(errors(document).stream().filter(p -> p.message().equals("condition node without any branch")))
                .extracting(Problem::node).containsExactly("no_branches", "empty_branches");
        assertThat(only(document, "'branches' must be a mapping").node()).isEqualTo("bad_branches");
        assertThat(errors(document)).hasSize(4);
    }

    @Test
    void branchProblems() {
        WorkflowDocument document = read(workflow("w",
                condition("c", "ok", map("true", "x", true, "y", "false", null, "maybe", list("x"))),
                map("id", "x", "next", list()), map("id", "y")));

        assertThat(only(document, "branch label 'true' is written twice").isError()).isTrue();
        assertThat(only(document, "branch 'false' must name a node").isError()).isTrue();
        assertThat(only(document, "branch 'maybe' must name a node").isError()).isTrue();
    }

    @Test
    void syntaxErrorInAConditionIsLocatedInsideTheFile() {
        String text = "score >= ";
        ExpressionSyntaxException expected = catchThrowableOfType(ExpressionSyntaxException.class,
                () -> Expression.parse(text));
        assertThat(expected).as("'" + text + "' must not parse").isNotNull();

        WorkflowDocument document = read(workflow("w",
                map("id", "check", "type", "condition", "condition", at(12, 20, text),
                        "branches", map("true", "a")),
                map("id", "a")));

        Problem problem = only(document, "syntax error in condition");
        assertThat(problem.isError()).isTrue();
        assertThat(problem.message()).contains(expected.detail());
        assertThat(problem.node()).isEqualTo("check");
        assertThat(problem.path()).isEqualTo("workflows.w.nodes[0].condition");
        assertThat(problem.line()).isEqualTo(12 + expected.line() - 1);
        assertThat(problem.column()).isEqualTo(20 + expected.column() - 1);
        assertThat(errors(document)).hasSize(1);
        assertThat(document.workflows()).isEmpty();
    }

    @Test
    void aBareNameSwitchIsReported() {
        WorkflowDocument document = read(workflow("feature",
                map("id", "review", "next", list("handle")),
                map("id", "handle", "type", "condition", "condition", at(7, 20, "plan_approval"),
                        "branches", map("Approve", "implement", "Modify plan", "review", "Cancel", "end")),
                map("id", "implement")));

        Problem problem = only(document, "is a bare name");
        assertThat(problem.severity()).isEqualTo(Severity.WARNING);
        assertThat(problem.message()).contains("condition 'plan_approval'").contains("Approve, Modify plan, Cancel")
                .contains("routes here on the text of the value of state key 'plan_approval'")
                .contains("unless a condition function 'plan_approval' is registered")
                .contains("Victor only tests its truthiness");
        assertThat(problem.node()).isEqualTo("handle");
        assertThat(problem.line()).isEqualTo(7);
        assertThat(problem.column()).isEqualTo(20);
        assertThat(((ConditionNode) node(single(document), "handle")).branches().get("Modify plan"))
                .isEqualTo("review");
    }

    @Test
    void aBareNameWithTrueFalseLabelsIsFine() {
        WorkflowDocument document = read(workflow("w",
                condition("check", "tests_passed", map("true", "a", "false", "b", "default", "b")),
                map("id", "a", "next", list()), map("id", "b")));

        assertThat(document.problems()).isEmpty();
    }

    @Test
    void aConditionsNextIsIgnoredWithAWarning() {
        WorkflowDocument document = read(workflow("w",
                map("id", "check", "type", "condition", "condition", "ok", "branches", map("true", "a"),
                        at(3, 9, "next"), list("b")),
                map("id", "a", "next", list("b")),
                map("id", "b")));

        assertThat(node(single(document), "check").next()).isEmpty();
        Problem problem = only(document, "a condition routes with its branches; its 'next' 'b' is ignored");
        assertThat(problem.severity()).isEqualTo(Severity.WARNING);
        assertThat(problem.line()).isEqualTo(3);
    }

    @Test
    void aBranchIntoAParallelChildIsAnError() {
        WorkflowDocument document = read(workflow("w",
                condition("check", "ok", map("true", "fan", "false", at(3, 30, "left"))),
                map("id", "fan", "type", "parallel", "parallel_nodes", list("left", "right"), "next", list()),
                map("id", "left"), map("id", "right")));

        Problem problem = only(document, "edge into 'left', a child of parallel node 'fan'");
        assertThat(problem.node()).isEqualTo("check");
        assertThat(problem.line()).isEqualTo(3);
    }

    @Test
    void aConditionInsideAParallelNodeRoutesNothing() {
        WorkflowDocument document = read(workflow("w",
                map("id", "fan", "type", "parallel", "parallel_nodes", list("check", "work"), "next", list()),
                condition("check", "ok", map("true", "work")),
                map("id", "work")));

        assertThat(only(document, "its branches are not followed inside a parallel branch").node()).isEqualTo("check");
        assertThat(errors(document)).isEmpty();
    }

    // ---- transforms ----------------------------------------------------------------------

    @Test
    void aSingleIdentifierIsANamedTransform() {
        WorkflowDefinition workflow = readWithoutErrors(workflow("w",
                map("id", "merge", "type", "transform", "transform", "  merge_results\n")));

        TransformNode transform = (TransformNode) workflow.nodes().get(0);
        assertThat(transform.functionName()).isEqualTo("merge_results");
        assertThat(transform.program()).isNull();
        assertThat(transform.transform()).isEqualTo("  merge_results\n");
    }

    @Test
    void statementsAreParsed() {
        // test_load_and_compile_yaml: one transform `result = 'transformed'` with `next: []`
        WorkflowDocument document = read(workflow("test_workflow",
                map("id", "transform", "type", "transform", "transform", "result = 'transformed'",
                        "next", list())));

        assertThat(document.problems()).isEmpty();
        TransformNode transform = (TransformNode) single(document).nodes().get(0);
        assertThat(transform.functionName()).isNull();
        assertThat(transform.program()).isNotNull();
        assertThat(transform.program().targets()).containsExactly("result");
        assertThat(transform.next()).isEmpty();
    }

    @Test
    void multiLineTransformsAreParsed() {
        WorkflowDefinition workflow = readWithoutErrors(workflow("w",
                map("id", "init", "type", "transform",
                        "transform", "iteration = 0\nmax_iterations = 3\n# a comment\n\nvalidation_passed = false\n")));

        assertThat(((TransformNode) workflow.nodes().get(0)).program().targets())
                .containsExactly("iteration", "max_iterations", "validation_passed");
    }

    @Test
    void syntaxErrorInABlockScalarTransformIsLocatedInsideTheFile() {
        String text = "status = \"completed\"\ncount = (count + \n";
        ExpressionSyntaxException expected = catchThrowableOfType(ExpressionSyntaxException.class,
                () -> TransformProgram.parse(text));
        assertThat(expected).as("the transform must not parse").isNotNull();

        WorkflowDocument document = read(workflow("w",
                map("id", "finish", "type", "transform", "transform", at(30, 11, text))));

        Problem problem = only(document, "syntax error in transform");
        assertThat(problem.message()).contains(expected.detail());
        assertThat(problem.node()).isEqualTo("finish");
        assertThat(problem.line()).isEqualTo(30 + expected.line() - 1);
        assertThat(problem.column()).isEqualTo(11 + expected.column() - 1);
        assertThat(expected.line()).isGreaterThan(1);
    }

    @Test
    void aTransformNeedsText() {
        WorkflowDocument document = read(workflow("w", map("id", "t", "type", "transform")));

        assertThat(only(document, "transform node without 'transform' text").isError()).isTrue();
    }
}
