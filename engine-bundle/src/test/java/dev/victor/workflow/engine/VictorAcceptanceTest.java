package dev.victor.workflow.engine;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.model.Constraints;
import dev.victor.workflow.model.HitlFallback;
import dev.victor.workflow.model.NodeDefinition;
import dev.victor.workflow.spi.NodeOutput;
import dev.victor.workflow.spi.NodeServices;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.victor.workflow.engine.Defs.agent;
import static dev.victor.workflow.engine.Defs.condition;
import static dev.victor.workflow.engine.Defs.handler;
import static dev.victor.workflow.engine.Defs.hitl;
import static dev.victor.workflow.engine.Defs.state;
import static dev.victor.workflow.engine.Defs.tools;
import static dev.victor.workflow.engine.Defs.transform;
import static dev.victor.workflow.engine.Defs.workflow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running cases of Victor's own compiler tests (victor-behaviour.md §5.3), as this project
 * decides them.
 */
class VictorAcceptanceTest {

    private static NodeDefinition leaf(String id) {
        return tools(id, List.of(), Map.of(), Constraints.DEFAULT, true, null);
    }

    @Test
    void agentWithoutOrchestratorWritesAPlaceholder() {
        RunResult result = new DefinitionCompiler().compile(workflow("w", agent("analyze", "analyst", "Analyze", null)))
                .invoke(state("input_data", "test"));

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(((Map<?, ?>) result.state().get("analyze")).get("status")).isEqualTo("placeholder");
        assertThat(result.nodeHistory()).containsExactly("analyze");
    }

    @Test
    void transformComputesInputTimesTwo() {
        RunResult result = new DefinitionCompiler()
                .compile(workflow("w", transform("double", "computed = input * 2", null))).invoke(state("input", 5));

        assertThat(result.state()).containsEntry("computed", 10L);
        assertThat(result.nodeHistory()).containsExactly("double");
    }

    @Test
    void computeWithANonexistentToolFailsHere() {
        RunResult result = new DefinitionCompiler().compile(workflow("w",
                tools("compute", List.of("nonexistent_tool"), Map.of(), Constraints.DEFAULT, true, null)))
                .invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().message()).contains("nonexistent_tool");
    }

    @Test
    void conditionRoutesByLabelNotNodeId() {
        CompiledGraph graph = new DefinitionCompiler().compile(workflow("w",
                condition("decide", "'yes' if ok else 'no'", Map.of("yes", "node_a", "no", "node_b"), null),
                leaf("node_a"), leaf("node_b")));

        assertThat(graph.invoke(state("ok", true)).nodeHistory()).containsExactly("decide", "node_a");
        assertThat(graph.invoke(state("ok", false)).nodeHistory()).containsExactly("decide", "node_b");
    }

    @Test
    void unmatchedLabelTakesTheDefaultBranch() {
        Map<String, String> branches = new LinkedHashMap<>();
        branches.put("success", "done");
        CompiledGraph graph = new DefinitionCompiler().compile(workflow("w",
                condition("route", "status", branches, "retry"), leaf("done"), leaf("retry")));

        assertThat(graph.invoke(state("status", "success")).nodeHistory()).containsExactly("route", "done");
        assertThat(graph.invoke(state("status", "unknown")).nodeHistory()).containsExactly("route", "retry");
        assertThat(graph.invoke(Map.of()).nodeHistory()).containsExactly("route", "retry");
    }

    @Test
    void noMatchAndNoDefaultFailsTheRun() {
        RunResult result = new DefinitionCompiler().compile(workflow("w",
                condition("route", "'unknown'", Map.of("a", "x"), null), leaf("x"))).invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().nodeId()).isEqualTo("route");
        assertThat(result.error().message()).contains("'unknown'", "labels: a", "no default");
    }

    @Test
    void aFailingConditionFailsTheRunEvenWithADefault() {
        RunResult result = new DefinitionCompiler().compile(workflow("w",
                condition("route", "1 / zero", Map.of("a", "x"), "x"), leaf("x"))).invoke(state("zero", 0));

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void twoTransformsSetTheirFlags() {
        RunResult result = new DefinitionCompiler().compile(workflow("w",
                transform("init", "initialized = True", "process"),
                transform("process", "processed = True", null))).invoke(state("input", "test"));

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.state()).containsEntry("initialized", true).containsEntry("processed", true);
    }

    @Test
    void aCheckpointIsSavedForTheThread() {
        InMemoryCheckpointStore store = new InMemoryCheckpointStore();
        CompiledGraph graph = new DefinitionCompiler().compile(workflow("w",
                transform("init", "initialized = True", "gate"),
                hitl("gate", "Go on?", List.of("initialized"), null, null, HitlFallback.ABORT, null)));

        RunResult result = graph.invoke(state("input", "test"),
                RunConfig.withThreadId("test-thread-123").checkpointStore(store));

        assertThat(result.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(store.load("test-thread-123")).isPresent();
        assertThat(result.interrupt().context()).containsEntry("initialized", true);
    }

    @Test
    void edaStyleWorkflowGoesToAnalyzeForAGoodScore() {
        NodeServices services = NodeServices.builder()
                .handler("load_csv", call -> NodeOutput.of(Map.of("rows", 100)))
                .handler("validate_data", call -> NodeOutput.of(Map.of("valid", true)))
                .build();
        Map<String, String> branches = new LinkedHashMap<>();
        branches.put("true", "analyze");
        branches.put("false", "cleanup");
        CompiledGraph graph = new DefinitionCompiler(EngineOptions.defaults().services(services)).compile(workflow("eda",
                handler("load", "load_csv", Map.of("path", "$ctx.data_path"), "validate"),
                handler("validate", "validate_data", Map.of("data", "$ctx.load"), "check_quality"),
                condition("check_quality", "quality_score > 0.8", branches, null),
                agent("cleanup", "data_engineer", "Clean the data", "analyze"),
                agent("analyze", "analyst", "Analyze {{data_path}}", "report"),
                agent("report", "writer", "Report", null)));

        RunResult result = graph.invoke(state("quality_score", 0.9, "data_path", "data.csv"));

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.nodeHistory()).contains("load", "check_quality", "analyze").doesNotContain("cleanup");
        assertThat(((Map<?, ?>) result.state().get("analyze")).get("goal")).isEqualTo("Analyze data.csv");
    }
}
