package dev.victor.workflow.engine;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.format.SourcePositions;
import dev.victor.workflow.model.WorkflowDefinition;
import dev.victor.workflow.model.WorkflowDocument;
import dev.victor.workflow.model.WorkflowReader;
import dev.victor.workflow.spi.NodeOutput;
import dev.victor.workflow.spi.NodeServices;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Trees as a YAML parser gives them, read by the workflow reader and run by the engine. */
class ReaderToEngineTest {

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @SafeVarargs
    private static WorkflowDefinition read(String name, Map<String, Object>... nodes) {
        Object tree = map("workflows", map(name, map("nodes", new ArrayList<>(List.of(nodes)))));
        WorkflowDocument document = new WorkflowReader().read(tree, SourcePositions.none(), "test.yaml");
        assertThat(document.hasErrors()).as(document.problems().toString()).isFalse();
        return document.workflows().get(0);
    }

    @Test
    void autoChainingBranchesAndEndRunAsWritten() {
        WorkflowDefinition definition = read("eda",
                map("id", "load", "type", "compute", "handler", "load_csv", "inputs", map("path", "$ctx.data_path")),
                map("id", "validate", "type", "compute", "handler", "validate_data"),
                map("id", "check_quality", "type", "condition", "condition", "quality_score > 0.8",
                        "branches", map("true", "analyze", "false", "cleanup")),
                map("id", "cleanup", "type", "transform", "transform", "cleaned = True", "next", List.of("analyze")),
                map("id", "analyze", "type", "agent", "role", "analyst", "goal", "Analyze {data_path}"),
                map("id", "report", "type", "transform", "transform", "reported = True", "next", List.of("end")),
                map("id", "unused", "type", "transform", "transform", "unused = True"));
        NodeServices services = NodeServices.builder()
                .handler("load_csv", call -> NodeOutput.of(Map.of("path", call.inputs().get("path"))))
                .handler("validate_data", call -> NodeOutput.of(true))
                .build();
        CompiledGraph graph = new DefinitionCompiler(EngineOptions.defaults().services(services)).compile(definition);

        RunResult good = graph.invoke(Map.of("quality_score", 0.9, "data_path", "data.csv"));
        RunResult poor = graph.invoke(Map.of("quality_score", 0.5, "data_path", "data.csv"));

        assertThat(good.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(good.nodeHistory()).containsExactly("load", "validate", "check_quality", "analyze", "report");
        assertThat(good.state()).containsEntry("load", Map.of("path", "data.csv")).containsEntry("reported", true)
                .doesNotContainKeys("cleaned", "unused");
        assertThat(((Map<?, ?>) good.state().get("analyze")).get("goal")).isEqualTo("Analyze data.csv");
        assertThat(poor.nodeHistory()).containsExactly("load", "validate", "check_quality", "cleanup", "analyze",
                "report");
    }

    @Test
    void inlineParallelChildrenAndHitlRunFromTheReader() {
        WorkflowDefinition definition = read("research",
                map("id", "fan", "type", "parallel", "parallel_nodes", List.of("web", "papers"), "next", "review"),
                map("id", "web", "type", "agent", "role", "researcher", "goal", "Search the web for {topic}"),
                map("id", "papers", "type", "agent", "role", "researcher", "goal", "Search papers on {topic}"),
                map("id", "review", "type", "hitl", "hitl_type", "approval", "prompt", "Publish {topic}?",
                        "fallback", "abort", "next", "publish"),
                map("id", "publish", "type", "transform", "transform", "published = True"));
        CompiledGraph graph = new DefinitionCompiler().compile(definition);

        RunResult stopped = graph.invoke(Map.of("topic", "owls"), RunConfig.withThreadId("r-1"));
        assertThat(stopped.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(stopped.interrupt().prompt()).isEqualTo("Publish owls?");
        assertThat(stopped.nodeHistory()).containsExactly("web", "papers", "fan");

        RunResult done = graph.resume("r-1", true);
        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.state()).containsEntry("published", true).containsKeys("web", "papers");
        assertThat(done.nodeHistory()).containsExactly("web", "papers", "fan", "review", "publish");
    }
}
