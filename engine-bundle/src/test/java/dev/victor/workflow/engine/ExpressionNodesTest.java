package dev.victor.workflow.engine;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.GraphView;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.model.Constraints;
import dev.victor.workflow.model.NodeDefinition;
import dev.victor.workflow.spi.NodeServices;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.victor.workflow.engine.Defs.condition;
import static dev.victor.workflow.engine.Defs.state;
import static dev.victor.workflow.engine.Defs.tools;
import static dev.victor.workflow.engine.Defs.transform;
import static dev.victor.workflow.engine.Defs.workflow;
import static org.assertj.core.api.Assertions.assertThat;

/** Conditions and transforms written in the expression language. */
class ExpressionNodesTest {

    private static NodeDefinition leaf(String id) {
        return tools(id, List.of(), Map.of(), Constraints.DEFAULT, true, null);
    }

    private static CompiledGraph routing(String expression, String fallback, String... labels) {
        Map<String, String> branches = new LinkedHashMap<>();
        for (String label : labels) {
            branches.put(label, "to_" + label.replace('.', '_'));
        }
        List<NodeDefinition> nodes = new java.util.ArrayList<>();
        nodes.add(condition("check", expression, branches, fallback));
        for (String label : labels) {
            nodes.add(leaf("to_" + label.replace('.', '_')));
        }
        if (fallback != null) {
            nodes.add(leaf(fallback));
        }
        return new DefinitionCompiler().compile(workflow("cond", nodes.toArray(NodeDefinition[]::new)));
    }

    private static List<String> path(CompiledGraph graph, Map<String, Object> state) {
        RunResult result = graph.invoke(state);
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        return result.nodeHistory();
    }

    @Test
    void booleanConditionsTakeTheTrueAndFalseBranches() {
        CompiledGraph graph = routing("quality_score > 0.8 and not blocked", null, "true", "false");

        assertThat(path(graph, state("quality_score", 0.9, "blocked", false))).containsExactly("check", "to_true");
        assertThat(path(graph, state("quality_score", 0.5, "blocked", false))).containsExactly("check", "to_false");
        assertThat(path(graph, state("quality_score", 0.9, "blocked", true))).containsExactly("check", "to_false");
    }

    @Test
    void otherValuesSwitchOnTheirStringForm() {
        CompiledGraph graph = routing("status", "other", "success", "2", "1.5", "None");

        assertThat(path(graph, state("status", "success"))).containsExactly("check", "to_success");
        assertThat(path(graph, state("status", 2))).containsExactly("check", "to_2");
        assertThat(path(graph, state("status", 1.5))).containsExactly("check", "to_1_5");
        assertThat(path(graph, state())).containsExactly("check", "to_None");
        assertThat(path(graph, state("status", "unknown"))).containsExactly("check", "other");
    }

    @Test
    void noMatchWithoutDefaultFailsTheRun() {
        RunResult result = routing("'unknown'", null, "yes", "no").invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().nodeId()).isEqualTo("check");
        assertThat(result.error().message())
                .contains("condition 'check' gave 'unknown'", "labels: yes, no", "no default");
    }

    @Test
    void booleanLabelsRouteOnPythonTruthiness() {
        CompiledGraph graph = routing("value", null, "true", "false");
        Map<Object, String> cases = new LinkedHashMap<>();
        cases.put(List.of(), "to_false");
        cases.put(List.of(0), "to_true");
        cases.put(0L, "to_false");
        cases.put(1L, "to_true");
        cases.put(0.0, "to_false");
        cases.put("", "to_false");
        cases.put("False", "to_true");
        cases.put("false", "to_true");
        cases.put(Map.of(), "to_false");
        cases.put(Map.of("k", 1), "to_true");
        cases.put(false, "to_false");
        cases.put(true, "to_true");
        cases.forEach((value, branch) -> assertThat(path(graph, state("value", value))).as("value %s", value)
                .containsExactly("check", branch));
        assertThat(path(graph, state())).as("a missing key is None").containsExactly("check", "to_false");
        assertThat(path(routing("result.passed", null, "true", "false"), state("result", Map.of())))
                .containsExactly("check", "to_false");
        assertThat(path(routing("items and n", null, "false", "true"), state("items", List.of(1), "n", 2)))
                .containsExactly("check", "to_true");
    }

    @Test
    void onlyATrueLabelWithAFalsyValueTakesTheDefault() {
        assertThat(path(routing("flag", "other", "true"), state("flag", List.of()))).containsExactly("check", "other");
    }

    @Test
    void valueLabelsAreASwitchOnTheTextOfTheValue() {
        assertThat(path(routing("choice", null, "approve", "reject"), state("choice", "reject")))
                .containsExactly("check", "to_reject");
    }

    @Test
    void anEvaluationErrorFailsTheRun() {
        RunResult result = routing("total / count > 1", "other", "true", "false")
                .invoke(state("total", 4, "count", 0));

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().nodeId()).isEqualTo("check");
        assertThat(result.error().message()).contains("condition 'check' could not be evaluated", "ZeroDivisionError");
    }

    @Test
    void aRegisteredConditionFunctionWinsOverTheExpression() {
        Map<String, String> branches = Map.of("true", "yes", "false", "no");
        CompiledGraph graph = new DefinitionCompiler(EngineOptions.defaults().services(NodeServices.builder()
                .condition("tests_passing", st -> true).build()))
                .compile(workflow("w", condition("check", "tests_passing", branches, null), leaf("yes"), leaf("no")));

        assertThat(path(graph, state("tests_passing", false))).containsExactly("check", "yes");
    }

    @Test
    void transformsWriteTheKeysTheyAssign() {
        CompiledGraph graph = new DefinitionCompiler().compile(workflow("t",
                transform("calc", "computed = input * 2\nlabel = 'n=' + str(input)\n# a comment\ncount = 1\ncount += 2",
                        null)));

        RunResult result = graph.invoke(state("input", 5));

        assertThat(result.state()).containsEntry("computed", 10L).containsEntry("label", "n=5")
                .containsEntry("count", 3L).containsEntry("input", 5);
    }

    @Test
    void aFailingTransformFailsTheRun() {
        RunResult result = new DefinitionCompiler().compile(workflow("t", transform("calc", "x = 1 / zero", null)))
                .invoke(state("zero", 0));

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().message()).contains("transform node 'calc' failed", "ZeroDivisionError");
    }

    @Test
    void aLoopCountsIterationsUntilItsConditionEnds() {
        Map<String, String> branches = new LinkedHashMap<>();
        branches.put("true", "step");
        branches.put("false", GraphView.END);
        CompiledGraph graph = new DefinitionCompiler().compile(workflow("loop",
                transform("step", "n = n + 1 if n else 1", "more"),
                condition("more", "n < 4", branches, null)));

        RunResult result = graph.invoke(Map.of());

        assertThat(result.state()).containsEntry("n", 4L);
        assertThat(result.iterations()).isEqualTo(8);
    }
}
