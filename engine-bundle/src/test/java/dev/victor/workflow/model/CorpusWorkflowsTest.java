package dev.victor.workflow.model;

import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.Severity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Reduced versions of real Victor workflows (victor_coding/feature.yaml and victor_coding/tdd.yaml,
 * Apache-2.0), written out as the trees a YAML parser gives, with the line numbers of the
 * originals. Conditions and transforms need the expression language.
 */
class CorpusWorkflowsTest {

    @BeforeEach
    void needsTheExpressionLanguage() {
        assumeTrue(Fixtures.expressionsAvailable(), "the expression language is not in yet");
    }

    /** feature.yaml › feature_implementation: a parallel node, loops, a value switch, a fall-through. */
    static Map<Object, Object> featureImplementation() {
        return map("workflows", map("feature_implementation", map(
                "description", "Complete feature implementation with tests and review",
                "metadata", map("version", "1.0", "author", "victor", "vertical", "coding"),
                "nodes", list(
                        at(22, 9, map("id", "analyze_request", "type", "agent", "name", "Analyze Feature Request",
                                "role", "researcher", "goal", "Analyze the feature request and gather context\n",
                                "tool_budget", 25, "tools", list("read", "grep", "code_search", "overview"),
                                "llm_config", map("temperature", 0.3), "output", "analysis",
                                "next", list("check_complexity"))),
                        at(39, 9, map("id", "check_complexity", "type", "condition", "name", "Assess Complexity",
                                "condition", "estimated_changes > 5",
                                "branches", map("true", "create_plan", "false", "quick_implement"))),
                        at(50, 9, map("id", "quick_implement", "type", "agent", "role", "executor",
                                "goal", "Implement the simple feature directly\n", "tool_budget", 30,
                                "tools", list("read", "edit", "write", "shell"), "output", "implementation",
                                "next", list("run_tests"))),
                        at(69, 9, map("id", "create_plan", "type", "agent", "role", "planner",
                                "goal", "Create a detailed implementation plan\n", "output", "plan",
                                "next", list("review_plan"))),
                        at(86, 9, map("id", "review_plan", "type", "hitl", "name", "Review Implementation Plan",
                                "hitl_type", "approval",
                                "prompt", "## Implementation Plan\n\n**Feature:** {feature_description}\n",
                                "context_keys", list("feature_description", "plan", "estimated_changes"),
                                "choices", list("Approve", "Modify plan", "Cancel"),
                                "timeout", 900, "fallback", "continue", "next", list("handle_plan_review"))),
                        at(113, 9, map("id", "handle_plan_review", "type", "condition", "name", "Handle Plan Review",
                                "condition", at(116, 20, "plan_approval"),
                                "branches", map("Approve", "implement_feature", "Modify plan", "revise_plan",
                                        "Cancel", "abort"))),
                        at(122, 9, map("id", "revise_plan", "type", "agent", "role", "planner",
                                "goal", "Revise the implementation plan based on feedback:\n{plan_feedback}\n",
                                "tool_budget", 10,
                                "input_mapping", map("feedback", "plan_feedback", "original_plan", "plan"),
                                "output", "revised_plan", "next", list("review_plan"))),
                        at(136, 9, map("id", "implement_feature", "type", "agent", "role", "executor",
                                "goal", "Implement the feature according to the plan:\n{plan}\n", "tool_budget", 50,
                                "output", "implementation", "next", list("run_tests"))),
                        at(161, 9, map("id", "run_tests", "type", "compute", "name", "Run Test Suite",
                                "tools", list("shell"), "inputs", map("command", "$ctx.test_command", "coverage", true),
                                "output", "test_results",
                                "constraints", map("llm_allowed", false, "timeout", 300),
                                "next", list("check_tests"))),
                        at(174, 9, map("id", "check_tests", "type", "condition", "condition", "tests_passed",
                                "branches", map("true", "generate_tests", "false", "fix_tests"))),
                        at(182, 9, map("id", "fix_tests", "type", "agent", "role", "executor",
                                "goal", "Fix the failing tests:\n{test_failures}\n",
                                "output", "fixes", "next", list("run_tests_retry"))),
                        at(200, 9, map("id", "run_tests_retry", "type", "compute", "tools", list("shell"),
                                "inputs", map("command", "$ctx.test_command"), "output", "retry_test_results",
                                "constraints", map("llm_allowed", false, "timeout", 300),
                                "next", list("check_retry"))),
                        at(212, 9, map("id", "check_retry", "type", "condition", "name", "Check Retry Results",
                                "condition", "retry_attempts < 3 and not tests_passed",
                                "branches", map("true", "fix_tests", "false", "generate_tests"))),
                        at(220, 9, map("id", "generate_tests", "type", "agent", "role", "executor",
                                "goal", "Generate additional tests for the new feature\n", "output", "new_tests",
                                "next", list("finalize"))),
                        at(309, 9, map("id", "finalize", "type", "parallel", "name", "Finalize Feature",
                                "parallel_nodes", list("update_docs", "format_code"), "join_strategy", "all",
                                "next", list("complete"))),
                        at(316, 9, map("id", "update_docs", "type", "agent", "role", "writer",
                                "goal", "Update documentation for the new feature\n", "tool_budget", 15,
                                "tools", list("read", "edit", "write"), "output", "docs")),
                        at(329, 9, map("id", "format_code", "type", "compute", "name", "Format Code",
                                "tools", list("shell"), "inputs", map("command", "$ctx.format_command"),
                                "constraints", map("llm_allowed", false, "timeout", 60))),
                        at(339, 9, map("id", "complete", "type", "transform", "name", "Feature Complete",
                                "transform", "status = \"completed\"\ncompletion_time = current_timestamp()\n")),
                        at(346, 9, map("id", "abort", "type", "transform", "name", "Feature Aborted",
                                "transform", "status = \"aborted\"\n"))))));
    }

    /**
     * tdd.yaml › tdd, with the labels of two conditions written as unquoted YAML booleans (as
     * mode_workflows.yaml › build › check_tests does), so they reach the reader as Boolean keys.
     */
    static Map<Object, Object> tddWithBooleanLabels() {
        return map("workflows", map("tdd", map(
                "description", "Test-driven development cycle",
                "nodes", list(
                        at(69, 9, map("id", "write_test", "type", "agent", "role", "executor",
                                "goal", "Write ONE failing test for: {current_test_case}\n", "output", "test_code",
                                "next", list("verify_red"))),
                        at(88, 9, map("id", "verify_red", "type", "compute", "tools", list("shell"),
                                "inputs", map("command", "$ctx.test_command"), "output", "red_result",
                                "next", list("check_red"))),
                        at(101, 9, map("id", "check_red", "type", "condition", "condition", "test_failed_as_expected",
                                "branches", map(at(106, 11, true), "implement_minimum",
                                        at(107, 11, false), "fix_test"))),
                        at(109, 9, map("id", "fix_test", "type", "agent", "role", "executor",
                                "goal", "The test should fail but passed. Fix the test.\n",
                                "next", list("verify_red"))),
                        at(128, 9, map("id", "implement_minimum", "type", "agent", "role", "executor",
                                "goal", "Write the MINIMUM code to make the test pass\n",
                                "next", list("verify_green"))),
                        at(147, 9, map("id", "verify_green", "type", "compute", "tools", list("shell"),
                                "inputs", map("command", "$ctx.test_command"), "output", "green_result",
                                "next", list("check_green"))),
                        at(159, 9, map("id", "check_green", "type", "condition", "condition", "tests_passing",
                                "branches", map(at(164, 11, true), "generate_report",
                                        at(165, 11, false), "escalate_failure"))),
                        at(175, 9, map("id", "escalate_failure", "type", "hitl", "hitl_type", "input",
                                "prompt", "Cannot make test pass after 3 attempts.\n",
                                "choices", list("Simplify", "Get help", "Abort"),
                                "timeout", 1800, "fallback", "abort", "next", list("handle_escalation"))),
                        at(204, 9, map("id", "handle_escalation", "type", "condition",
                                "condition", at(207, 20, "escalation_choice"),
                                "branches", map("Simplify", "write_test", "Get help", "implement_minimum",
                                        "Abort", "abort"))),
                        at(344, 9, map("id", "generate_report", "type", "agent", "role", "writer",
                                "goal", "Generate the TDD summary report\n", "output", "report",
                                "next", list("complete"))),
                        at(358, 9, map("id", "complete", "type", "transform",
                                "transform", "status = \"completed\"\nphase = \"done\"\n")),
                        at(366, 9, map("id", "abort", "type", "transform",
                                "transform", "status = \"aborted\"\n"))))));
    }

    @Test
    void featureImplementationLoadsWithItsTwoMistakesReported() {
        WorkflowDocument document = read(featureImplementation());

        assertThat(errors(document)).as(Fixtures.describe(document.problems())).isEmpty();
        WorkflowDefinition workflow = single(document);
        assertThat(workflow.startNode()).isEqualTo("analyze_request");
        assertThat(workflow.nodes()).hasSize(19);

        List<Problem> warnings = warnings(document);
        assertThat(warnings).as(Fixtures.describe(warnings)).hasSize(2);
        Problem fallThrough = only(document, "falls through into 'abort'");
        assertThat(fallThrough.node()).isEqualTo("complete");
        assertThat(fallThrough.workflow()).isEqualTo("feature_implementation");
        assertThat(fallThrough.line()).isEqualTo(339);
        assertThat(fallThrough.column()).isEqualTo(9);
        Problem valueSwitch = only(document, "condition 'plan_approval' is a bare name");
        assertThat(valueSwitch.node()).isEqualTo("handle_plan_review");
        assertThat(valueSwitch.line()).isEqualTo(116);
        assertThat(warnings).extracting(Problem::line).containsExactly(116, 339);
    }

    @Test
    void featureImplementationGraph() {
        WorkflowDefinition workflow = single(read(featureImplementation()));

        ParallelNode finalize = (ParallelNode) node(workflow, "finalize");
        assertThat(finalize.children()).containsExactly("update_docs", "format_code");
        assertThat(finalize.next()).containsExactly("complete");
        assertThat(node(workflow, "update_docs").next()).isEmpty();
        assertThat(node(workflow, "update_docs").chained()).isFalse();
        assertThat(node(workflow, "format_code").next()).isEmpty();
        assertThat(node(workflow, "complete").next()).containsExactly("abort");
        assertThat(node(workflow, "complete").chained()).isTrue();
        assertThat(node(workflow, "abort").next()).isEmpty();
        assertThat(node(workflow, "fix_tests").next()).containsExactly("run_tests_retry");
        assertThat(((ConditionNode) node(workflow, "check_retry")).branches().get("true")).isEqualTo("fix_tests");
        ComputeNode runTests = (ComputeNode) node(workflow, "run_tests");
        assertThat(runTests.inputs().get("command")).isEqualTo("$ctx.test_command");
        assertThat(runTests.timeout()).hasSeconds(300);
        assertThat(runTests.constraints().llmAllowed()).isFalse();
        HitlNode review = (HitlNode) node(workflow, "review_plan");
        assertThat(review.fallback()).isEqualTo(HitlFallback.CONTINUE);
        assertThat(((TransformNode) node(workflow, "complete")).program().targets())
                .containsExactly("status", "completion_time");
    }

    @Test
    void tddWithBooleanLabelsLoadsWithItsMistakesReported() {
        WorkflowDocument document = read(tddWithBooleanLabels());

        assertThat(errors(document)).as(Fixtures.describe(document.problems())).isEmpty();
        WorkflowDefinition workflow = single(document);
        List<Problem> warnings = warnings(document);
        assertThat(warnings).as(Fixtures.describe(warnings)).hasSize(6);
        assertThat(warnings).allMatch(p -> p.severity() == Severity.WARNING && "tdd".equals(p.workflow()));

        assertThat(warnings.stream().filter(p -> p.message().contains("is a YAML boolean")))
                .extracting(Problem::node, Problem::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("check_red", 106),
                        org.assertj.core.groups.Tuple.tuple("check_red", 107),
                        org.assertj.core.groups.Tuple.tuple("check_green", 164),
                        org.assertj.core.groups.Tuple.tuple("check_green", 165));
        Problem valueSwitch = only(document, "condition 'escalation_choice' is a bare name");
        assertThat(valueSwitch.node()).isEqualTo("handle_escalation");
        assertThat(valueSwitch.line()).isEqualTo(207);
        Problem fallThrough = only(document, "falls through into 'abort'");
        assertThat(fallThrough.node()).isEqualTo("complete");
        assertThat(fallThrough.line()).isEqualTo(358);

        ConditionNode checkRed = (ConditionNode) node(workflow, "check_red");
        assertThat(checkRed.branches()).containsExactly(Map.entry("true", "implement_minimum"),
                Map.entry("false", "fix_test"));
        assertThat(((ConditionNode) node(workflow, "handle_escalation")).branches().get("Abort")).isEqualTo("abort");
    }

    @Test
    void strictModeTurnsNothingHereIntoAnError() {
        WorkflowDocument document = read(ReaderOptions.defaults().withStrict(true), featureImplementation());

        assertThat(errors(document)).isEmpty();
    }
}
