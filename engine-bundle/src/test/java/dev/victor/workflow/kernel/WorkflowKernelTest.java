package dev.victor.workflow.kernel;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.format.SourcePositions;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkflowKernelTest {
    private final WorkflowKernel kernel = WorkflowKernel.defaults();

    private static Map<String, Object> workflow(Object... nodes) {
        Map<String, Object> workflow = new LinkedHashMap<>();
        workflow.put("nodes", List.of(nodes));
        return workflow;
    }

    private static Map<String, Object> tree(Map<String, Object> workflows) {
        return Map.of("workflows", workflows);
    }

    private static Map<String, Object> transform(String id, String text) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", id);
        node.put("type", "transform");
        node.put("transform", text);
        return node;
    }

    @Test
    void compilesTheOnlyWorkflowWhenNoNameIsGiven() {
        Map<String, Object> workflows = new LinkedHashMap<>();
        workflows.put("count", workflow(transform("start", "n = n + 1"), transform("twice", "n = n * 2")));

        CompiledGraph graph = kernel.compile(tree(workflows), SourcePositions.none(), "count.yaml", null, true);
        RunResult result = graph.invoke(Map.of("n", 4));

        assertThat(graph.name()).isEqualTo("count");
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.state()).containsEntry("n", 10L);
        assertThat(result.nodeHistory()).containsExactly("start", "twice");
    }

    @Test
    void severalWorkflowsWithoutANameIsAnErrorThatListsThem() {
        Map<String, Object> workflows = new LinkedHashMap<>();
        workflows.put("first", workflow(transform("a", "x = 1")));
        workflows.put("second", workflow(transform("b", "x = 2")));

        assertThatThrownBy(() -> kernel.compile(tree(workflows), SourcePositions.none(), "two.yaml", null, true))
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining("'two.yaml' holds several workflows: first, second");
        CompiledGraph second = kernel.compile(tree(workflows), SourcePositions.none(), "two.yaml", "second", true);
        assertThat(second.invoke(Map.of()).state()).containsEntry("x", 2L);
    }

    @Test
    void anUnknownNameIsAnErrorThatListsTheNames() {
        Map<String, Object> workflows = new LinkedHashMap<>();
        workflows.put("first", workflow(transform("a", "x = 1")));

        assertThatThrownBy(() -> kernel.compile(tree(workflows), SourcePositions.none(), "one.yaml", "frist", true))
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining("Workflow 'frist' not found in 'one.yaml'. Workflows there: first");
    }

    @Test
    void anInvalidWorkflowReportsEveryErrorWithItsNode() {
        Map<String, Object> broken = transform("a", "x = (1");
        broken.put("next", List.of("nowhere"));
        Map<String, Object> workflows = new LinkedHashMap<>();
        workflows.put("bad", workflow(broken));

        assertThatThrownBy(() -> kernel.compile(tree(workflows), SourcePositions.none(), "bad.yaml", null, true))
                .isInstanceOfSatisfying(InvalidWorkflowException.class, error -> {
                    assertThat(error.errors()).hasSizeGreaterThanOrEqualTo(2);
                    assertThat(error.errors()).allSatisfy(problem -> {
                        assertThat(problem.source()).isEqualTo("bad.yaml");
                        assertThat(problem.workflow()).isEqualTo("bad");
                        assertThat(problem.node()).isEqualTo("a");
                    });
                    assertThat(error.getMessage()).contains("nowhere");
                });
    }

    @Test
    void anotherWorkflowsErrorsDoNotStopACompileThatNamesAGoodOne() {
        Map<String, Object> workflows = new LinkedHashMap<>();
        workflows.put("good", workflow(transform("a", "x = 1")));
        workflows.put("bad", workflow(transform("b", "x = ")));

        CompiledGraph good = kernel.compile(tree(workflows), SourcePositions.none(), "mixed.yaml", "good", true);

        assertThat(good.invoke(Map.of()).state()).containsEntry("x", 1L);
        assertThatThrownBy(() -> kernel.compile(tree(workflows), SourcePositions.none(), "mixed.yaml", "bad", true))
                .isInstanceOf(InvalidWorkflowException.class);
    }

    @Test
    void theReadersWarningsTravelWithTheCompiledGraph() {
        Map<String, Object> done = transform("done", "status = 'done'");
        Map<String, Object> workflows = new LinkedHashMap<>();
        workflows.put("falls", workflow(transform("start", "x = 1"), done, transform("after", "y = 2")));

        CompiledGraph graph = kernel.compile(tree(workflows), SourcePositions.none(), "falls.yaml", null, true);

        assertThat(graph.warnings()).extracting(Problem::node).contains("done");
        assertThat(graph.warnings()).allMatch(problem -> !problem.isError());
    }
}
