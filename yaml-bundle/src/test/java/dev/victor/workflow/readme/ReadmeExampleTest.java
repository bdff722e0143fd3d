package dev.victor.workflow.readme;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.api.WorkflowCompilerRegistry;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.spi.NodeOutput;
import dev.victor.workflow.spi.NodeServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain-Java example of the root README, as written there. */
class ReadmeExampleTest {

    static final String REVIEW_YAML = """
            workflows:
              review:
                nodes:
                  - id: score
                    type: compute
                    handler: word_count
                    inputs: {text: $ctx.draft}
                    output: words
                  - id: long_enough
                    type: condition
                    condition: "words >= 3"
                    branches: {"true": approve, "false": reject}
                  - id: approve
                    type: transform
                    transform: verdict = "approved"
                    next: []
                  - id: reject
                    type: transform
                    transform: |
                      verdict = "too short"
                      retries = ctx.get("retries", 0) + 1
            """;

    @Test
    void theReadmeExampleRunsAsWritten(@TempDir Path workflows) throws IOException {
        Files.writeString(workflows.resolve("review.yaml"), REVIEW_YAML);
        String uri = "yaml://" + workflows.resolve("review.yaml");

        // --- from the README ---
        WorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.builder()
                .discover(Thread.currentThread().getContextClassLoader())   // the yaml and json plugins
                .build();
        NodeServices services = NodeServices.builder()
                .handler("word_count", call -> NodeOutput.of(
                        String.valueOf(call.inputs().get("text")).split("\\s+").length))
                .build();

        CompiledGraph graph = registry.compile(uri);
        RunResult result = graph.invoke(Map.of("draft", "a short but fine draft"),
                RunConfig.defaults().services(services));

        System.out.println(result.status() + " " + result.state().get("verdict"));   // COMPLETED approved
        System.out.println(graph.getGraph().toMermaid());
        // --- end ---

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.state()).containsEntry("verdict", "approved").containsEntry("words", 5);
        assertThat(result.nodeHistory()).containsExactly("score", "long_enough", "approve");
        assertThat(graph.getGraph().toMermaid()).contains("flowchart TD").contains("long_enough");
        RunResult rejected = graph.invoke(Map.of("draft", "too short"), RunConfig.defaults().services(services));
        assertThat(rejected.state()).containsEntry("verdict", "too short").containsEntry("retries", 1L);
    }
}
