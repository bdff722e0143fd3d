package dev.victor.workflow.model;

import dev.victor.workflow.api.IterationCounting;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.victor.workflow.model.Fixtures.errors;
import static dev.victor.workflow.model.Fixtures.only;
import static dev.victor.workflow.model.Fixtures.read;
import static dev.victor.workflow.model.Fixtures.single;
import static dev.victor.workflow.model.Fixtures.warnings;
import static dev.victor.workflow.model.Tree.at;
import static dev.victor.workflow.model.Tree.list;
import static dev.victor.workflow.model.Tree.map;
import static dev.victor.workflow.model.Tree.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The document level: root, the workflows map, workflow keys and limits. */
class DocumentReadingTest {

    private static Map<Object, Object> agent(String id) {
        return map("id", id, "type", "agent", "role", "executor", "goal", "do " + id);
    }

    @Test
    void rootThatIsNotAMappingIsAnError() {
        WorkflowDocument document = read(list("a", "b"));

        Problem problem = only(document, "the document must be a mapping");
        assertThat(problem.severity()).isEqualTo(Severity.ERROR);
        assertThat(problem.message()).contains("not a list");
        assertThat(problem.source()).isEqualTo("test.yaml");
        assertThat(problem.workflow()).isNull();
        assertThat(document.workflows()).isEmpty();
        assertThat(document.names()).isEmpty();
    }

    @Test
    void nullWorkflowsIsAnErrorWithItsPosition() {
        Map<Object, Object> tree = map("workflows", at(1, 11, null));

        Problem problem = only(read(tree), "'workflows' is empty");
        assertThat(problem.isError()).isTrue();
        assertThat(problem.path()).isEqualTo("workflows");
        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.column()).isEqualTo(11);
    }

    @Test
    void workflowsThatIsNotAMappingIsAnError() {
        WorkflowDocument document = read(map("workflows", list(map("nodes", list(agent("a"))))));

        assertThat(only(document, "'workflows' must be a mapping").message()).contains("not a list");
        assertThat(document.workflows()).isEmpty();
    }

    @Test
    void documentWithoutAnyWorkflowIsAnError() {
        WorkflowDocument empty = read(map("workflows", map()));
        assertThat(only(empty, "no workflow in the document").isError()).isTrue();

        WorkflowDocument noQualifying = read(map("version", "1", "settings", map("a", 1)));
        assertThat(only(noQualifying, "no workflow in the document").isError()).isTrue();
        assertThat(noQualifying.names()).isEmpty();
    }

    @Test
    void nodeLibraryGetsAHint() {
        WorkflowDocument document = read(map("nodes", list(map("id", "approval_gate", "type", "hitl"))));

        assertThat(only(document, "no workflow in the document").message()).contains("top-level 'nodes' list");
    }

    @Test
    void rootItselfMayHoldTheWorkflows() {
        WorkflowDocument document = read(map(
                "first", map("nodes", list(agent("a"))),
                "settings", map("color", "blue"),
                "second", map("nodes", list(agent("b")))));

        assertThat(document.problems()).isEmpty();
        assertThat(document.names()).containsExactly("first", "second");
        assertThat(document.workflows()).extracting(WorkflowDefinition::name).containsExactly("first", "second");
    }

    @Test
    void entriesUnderWorkflowsThatAreNotWorkflowsAreErrorsButStayDeclared() {
        WorkflowDocument document = read(map("workflows", map(
                "good", map("nodes", list(agent("a"))),
                at(5, 3, "empty"), map("description", "forgot the nodes"),
                "scalar", "oops")));

        assertThat(document.names()).containsExactly("good", "empty", "scalar");
        assertThat(document.workflows()).extracting(WorkflowDefinition::name).containsExactly("good");
        Problem noNodes = only(document, "workflow 'empty' has no 'nodes'");
        assertThat(noNodes.workflow()).isEqualTo("empty");
        assertThat(noNodes.line()).isEqualTo(5);
        assertThat(only(document, "workflow 'scalar' must be a mapping").isError()).isTrue();
    }

    @Test
    void nodesMustBeANonEmptyList() {
        WorkflowDocument document = read(map("workflows", map(
                "nil", map(at(3, 5, "nodes"), null),
                "empty", map("nodes", list()),
                "text", map("nodes", "a, b"))));

        Problem nil = only(document, "'nodes' is empty");
        assertThat(nil.workflow()).isEqualTo("nil");
        assertThat(nil.path()).isEqualTo("workflows.nil.nodes");
        assertThat(nil.line()).isEqualTo(3);
        assertThat(nil.column()).isEqualTo(5);
        assertThat(only(document, "'nodes' is an empty list").workflow()).isEqualTo("empty");
        assertThat(only(document, "'nodes' must be a list").workflow()).isEqualTo("text");
        assertThat(document.workflows()).isEmpty();
        assertThat(document.names()).containsExactly("nil", "empty", "text");
        assertThat(errors(document)).hasSize(3);
    }

    @Test
    void aWorkflowWithErrorsIsLeftOutButTheOthersAreRead() {
        WorkflowDocument document = read(map("workflows", map(
                "broken", map("nodes", list(map("type", "agent"))),
                "fine", map("nodes", list(agent("a"))))));

        assertThat(document.workflows()).extracting(WorkflowDefinition::name).containsExactly("fine");
        assertThat(document.names()).containsExactly("broken", "fine");
        assertThat(only(document, "node without 'id'").workflow()).isEqualTo("broken");
        assertThat(document.hasErrors()).isTrue();
    }

    @Test
    void workflowKeysAreRead() {
        WorkflowDocument document = read(map("workflows", map("w", map(
                "description", "does things",
                "metadata", map("version", "1.0", "vertical", "coding"),
                "services", map("db", map("type", "sqlite")),
                "batch_config", map("batch_size", 1),
                "schedule", map("cron", "0 * * * *"),
                "temporal_context", map("as_of_date", "2024-01-01"),
                "start_node", "b",
                "nodes", list(agent("a"), map("id", "b", "next", "a"))))));

        WorkflowDefinition workflow = single(document);
        assertThat(document.problems()).isEmpty();
        assertThat(workflow.name()).isEqualTo("w");
        assertThat(workflow.description()).isEqualTo("does things");
        assertThat(workflow.metadata()).containsOnlyKeys("version", "vertical", "services", "batch_config",
                "schedule", "temporal_context");
        assertThat(workflow.metadata().keySet()).containsExactly("version", "vertical", "services", "batch_config",
                "schedule", "temporal_context");
        assertThat(workflow.metadata().get("services")).isEqualTo(Map.of("db", Map.of("type", "sqlite")));
        assertThat(workflow.startNode()).isEqualTo("b");
        assertThat(workflow.source()).isEqualTo("test.yaml");
        assertThat(workflow.limits()).isEqualTo(Limits.NONE);
    }

    @Test
    void startNodeDefaultsToTheFirstNode() {
        WorkflowDefinition workflow = single(read(workflow("w", agent("first"), agent("second"))));

        assertThat(workflow.startNode()).isEqualTo("first");
        assertThat(workflow.description()).isEmpty();
        assertThat(workflow.metadata()).isEmpty();
    }

    @Test
    void topLevelLimitsAreRead() {
        // Victor's test_unified_workflow_compiler: timeout/default_node_timeout/max_iterations/max_retries
        WorkflowDefinition workflow = single(read(map("workflows", map("w", map(
                "timeout", 300, "default_node_timeout", 30, "max_iterations", 50, "max_retries", 3,
                "nodes", list(agent("a")))))));

        assertThat(workflow.limits()).isEqualTo(
                new Limits(50, Duration.ofSeconds(300), Duration.ofSeconds(30), 3));
    }

    @Test
    void executionBlockLimitsAreRead() {
        WorkflowDefinition workflow = single(read(map("workflows", map("w", map(
                "execution", map("timeout", 600, "default_node_timeout", 60, "max_iterations", 100,
                        "max_retries", 5),
                "nodes", list(agent("a")))))));

        assertThat(workflow.limits()).isEqualTo(
                new Limits(100, Duration.ofSeconds(600), Duration.ofSeconds(60), 5));
    }

    @Test
    void iterationCountingIsReadAtTopLevelAndInTheExecutionBlock() {
        WorkflowDefinition top = single(read(map("workflows", map("w", map(
                "iteration_counting", "steps", "nodes", list(agent("a")))))));
        WorkflowDefinition inBlock = single(read(map("workflows", map("w", map(
                "execution", map("iteration_counting", "node_executions"), "nodes", list(agent("a")))))));
        WorkflowDefinition unset = single(read(map("workflows", map("w", map("nodes", list(agent("a")))))));

        assertThat(top.limits().iterationCounting()).isEqualTo(IterationCounting.STEPS);
        assertThat(inBlock.limits().iterationCounting()).isEqualTo(IterationCounting.NODE_EXECUTIONS);
        assertThat(unset.limits().iterationCounting()).isNull();
    }

    @Test
    void anUnknownIterationCountingIsAnErrorThatNamesTheChoices() {
        for (Object wrong : List.of("step", "STEPS", "victor", 1, true)) {
            WorkflowDocument document = read(map("workflows", map("w", map(
                    "execution", map("iteration_counting", at(3, 25, wrong)), "nodes", list(agent("a"))))));

            Problem problem = only(document, "'iteration_counting' must be 'node_executions' or 'steps', not ");
            assertThat(problem.isError()).as("%s", wrong).isTrue();
            assertThat(problem.path()).isEqualTo("workflows.w.execution.iteration_counting");
            assertThat(problem.line()).isEqualTo(3);
            assertThat(document.workflows()).isEmpty();
        }
        assertThat(only(read(map("workflows", map("w", map("iteration_counting", "step",
                "nodes", list(agent("a")))))), "'iteration_counting' must be").message())
                .contains("did you mean 'steps'");
    }

    @Test
    void secondsVariantsAndFractionsAreRead() {
        WorkflowDefinition workflow = single(read(map("workflows", map("w", map(
                "max_execution_timeout_seconds", 90.5, "default_node_timeout_seconds", 12,
                "nodes", list(agent("a")))))));

        assertThat(workflow.limits().timeout()).isEqualTo(Duration.ofMillis(90_500));
        assertThat(workflow.limits().defaultNodeTimeout()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void executionBlockWinsAndTheOtherValueIsReported() {
        WorkflowDocument document = read(map("workflows", map("w", map(
                "execution", map("max_iterations", 10),
                "max_iterations", at(4, 21, 99),
                "nodes", list(agent("a"))))));

        assertThat(single(document).limits().maxIterations()).isEqualTo(10);
        Problem problem = only(document, "'max_iterations' is ignored: 'execution.max_iterations' is also set");
        assertThat(problem.severity()).isEqualTo(Severity.WARNING);
        assertThat(problem.line()).isEqualTo(4);
    }

    @Test
    void maxIterationsBelowOneIsAnError() {
        WorkflowDocument document = read(map("workflows", map("w", map(
                "max_iterations", at(2, 21, 0), "nodes", list(agent("a"))))));

        Problem problem = only(document, "'max_iterations' must be at least 1, not 0");
        assertThat(problem.isError()).isTrue();
        assertThat(problem.workflow()).isEqualTo("w");
        assertThat(problem.path()).isEqualTo("workflows.w.max_iterations");
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(21);
        assertThat(document.workflows()).isEmpty();
    }

    @Test
    void wrongLimitTypesAreErrors() {
        WorkflowDocument document = read(map("workflows", map("w", map(
                "execution", map("timeout", "ten minutes", "max_iterations", 2.5),
                "max_retries", -1,
                "default_node_timeout", 0,
                "nodes", list(agent("a"))))));

        assertThat(only(document, "'timeout' must be a number of seconds").path())
                .isEqualTo("workflows.w.execution.timeout");
        assertThat(only(document, "'max_iterations' must be a whole number").message()).contains("2.5");
        assertThat(only(document, "'max_retries' must not be negative").isError()).isTrue();
        assertThat(only(document, "'default_node_timeout' must be a positive number of seconds, not 0").isError())
                .isTrue();
        assertThat(errors(document)).hasSize(4);
    }

    @Test
    void aWholeNumberOutOfRangeIsCalledOutOfRangeNamingTheLimit() {
        for (Object huge : List.of(99999999999999L, new java.math.BigInteger("123456789012345678901234567890"),
                -99999999999999L, 2147483648L)) {
            WorkflowDocument document = read(map("workflows", map("w", map(
                    "max_iterations", huge,
                    "nodes", list(map("id", "a", "type", "agent", "tool_budget", huge))))));

            assertThat(only(document, "'max_iterations' is out of range: " + huge).message())
                    .containsAnyOf("more than 2147483647", "less than -2147483648")
                    .doesNotContain("not a whole number");
            assertThat(only(document, "'tool_budget' is out of range: " + huge).isError()).isTrue();
        }
    }

    @Test
    void executionThatIsNotAMappingIsAnError() {
        WorkflowDocument document = read(map("workflows", map("w", map(
                "execution", list(1), "nodes", list(agent("a"))))));

        assertThat(only(document, "'execution' must be a mapping").isError()).isTrue();
    }

    @Test
    void unknownWorkflowKeysAreKeptWithAWarning() {
        WorkflowDocument document = read(map("workflows", map("w", map(
                at(7, 5, "error_handling"), map("retry_policy", map("max_retries", 2)),
                "name", "Pretty name",
                "descripton", "typo",
                "execution", map(at(9, 7, "max_timeout_seconds"), 600),
                "nodes", list(agent("a"))))));

        WorkflowDefinition workflow = single(document);
        assertThat(workflow.extras()).containsOnlyKeys("error_handling", "name", "descripton");
        assertThat(workflow.extras().get("error_handling")).isEqualTo(Map.of("retry_policy", Map.of("max_retries", 2)));
        Problem unknown = only(document, "unknown workflow key 'error_handling'");
        assertThat(unknown.severity()).isEqualTo(Severity.WARNING);
        assertThat(unknown.line()).isEqualTo(7);
        assertThat(unknown.column()).isEqualTo(5);
        assertThat(only(document, "unknown workflow key 'name'").message()).contains("a workflow's name is its key ('w')");
        assertThat(only(document, "unknown workflow key 'descripton'").message())
                .contains("did you mean 'description'?");
        Problem execution = only(document, "unknown key 'max_timeout_seconds' in 'execution'");
        assertThat(execution.message()).contains("did you mean 'max_execution_timeout_seconds'?");
        assertThat(execution.line()).isEqualTo(9);
    }

    @Test
    void unknownWorkflowKeysAreErrorsInStrictMode() {
        WorkflowDocument document = read(ReaderOptions.defaults().withStrict(true), map("workflows", map("w", map(
                "error_handling", map(), "nodes", list(agent("a"))))));

        assertThat(only(document, "unknown workflow key 'error_handling'").isError()).isTrue();
        assertThat(document.workflows()).isEmpty();
    }

    @Test
    void withoutValidationWarningsAreSkippedButErrorsStay() {
        Map<Object, Object> tree = map("workflows", map(
                "w", map("error_handling", map(), "nodes", list(agent("a"), map("id", "orphan", "next", list())))));
        Map<Object, Object> broken = map("workflows", map(
                "w", map("error_handling", map(), "nodes", list(map("id", "a", "next", "nowhere")))));

        assertThat(read(ReaderOptions.defaults(), tree, true).problems()).isNotEmpty();
        assertThat(read(ReaderOptions.defaults(), tree, false).problems()).isEmpty();
        WorkflowDocument stillBroken = read(ReaderOptions.defaults(), broken, false);
        assertThat(only(stillBroken, "'next' target 'nowhere' does not exist").isError()).isTrue();
        assertThat(warnings(stillBroken)).isEmpty();
    }

    @Test
    void problemsComeInSourceOrder() {
        WorkflowDocument document = read(workflow("w",
                map("id", "a", "next", at(12, 15, "missing_two")),
                map("id", "b", "next", at(4, 15, "missing_one"))));

        assertThat(errors(document)).extracting(Problem::line).containsExactly(4, 12);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyCollectionIsUnmodifiableAndKeepsWrittenOrder() {
        WorkflowDefinition workflow = single(read(map("workflows", map("w", map(
                "metadata", map("z", 1, "a", 2, "m", list(1, 2)),
                "nodes", list(
                        map("id", "c", "type", "compute", "handler", "h",
                                "inputs", map("zeta", "$ctx.z", "alpha", map("deep", list("x")))),
                        agent("a")))))));

        assertThat(workflow.metadata().keySet()).containsExactly("z", "a", "m");
        ComputeNode compute = (ComputeNode) workflow.nodes().get(0);
        assertThat(compute.inputs().keySet()).containsExactly("zeta", "alpha");
        assertThatThrownBy(() -> workflow.nodes().add(compute)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> workflow.metadata().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<Object>) workflow.metadata().get("m")).add(3))
                .isInstanceOf(UnsupportedOperationException.class);
        Map<String, Object> alpha = (Map<String, Object>) compute.inputs().get("alpha");
        assertThatThrownBy(() -> alpha.put("y", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> compute.next().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> compute.tools().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> workflow.extras().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theTreeIsNotChangedByReading() {
        Map<Object, Object> tree = workflow("w", map("id", "a", "goal", "$env.HOME"));
        String before = tree.toString();

        new WorkflowReader(ReaderOptions.defaults().withEnvironment(name -> "/home/x")).read(tree, null, null);

        assertThat(tree.toString()).isEqualTo(before);
    }

    @Test
    void positionsMayBeNullAndSourceUnknown() {
        WorkflowDocument document = new WorkflowReader().read(workflow("w", map("id", "a", "next", "b")), null, null);

        Problem problem = only(document, "'next' target 'b' does not exist");
        assertThat(problem.source()).isNull();
        assertThat(problem.line()).isZero();
        assertThat(problem.path()).isEqualTo("workflows.w.nodes[0].next");
    }
}
