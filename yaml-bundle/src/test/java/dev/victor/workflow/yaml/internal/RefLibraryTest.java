package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Victor's unused node library {@code hitl_gates.yaml}, reused through {@code $ref} end to end. */
class RefLibraryTest {
    @TempDir
    Path dir;

    private Path library() throws Exception {
        Path source = VictorCorpusTest.corpus().resolve(VictorCorpusTest.LIBRARY);
        Path target = dir.resolve("common/hitl_gates.yaml");
        Files.createDirectories(target.getParent());
        return Files.copy(source, target);
    }

    @Test
    void aWorkflowReusesTheGatesAndRunsThroughThem() throws Exception {
        library();
        Path flow = Files.writeString(dir.resolve("release.yaml"), """
                workflows:
                  release:
                    nodes:
                      - id: prepare
                        role: planner
                        goal: "Prepare release {version}"
                        next: [approve]
                      - $ref: "./common/hitl_gates.yaml"
                        id: approve
                        next: [deploy_gate]
                      - $ref: "./common/hitl_gates.yaml#deploy_approval"
                        id: deploy_gate
                        next: [deploy]
                      - id: deploy
                        role: executor
                        goal: "Deploy {version}"
                        next: []
                """);
        CompiledGraph graph = YamlFiles.plugin().compile(flow.toString(), null, true);
        assertThat(graph.getGraph().nodes()).extracting(node -> node.id())
                .containsExactly("prepare", "approve", "deploy_gate", "deploy");

        RunResult result = graph.invoke(Map.of("version", "1.2.3", "current_state", "ready"));
        List<String> asked = new ArrayList<>();
        while (result.status() == RunStatus.INTERRUPTED) {
            asked.add(result.interrupt().nodeId() + ":" + result.interrupt().type());
            result = graph.resume(result.threadId(), true);
        }
        assertThat(asked).containsExactly("approve:approval", "deploy_gate:approval");
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.nodeHistory()).containsExactly("prepare", "approve", "deploy_gate", "deploy");
    }

    @Test
    void theGatePromptComesFromTheLibrary() throws Exception {
        library();
        Path flow = Files.writeString(dir.resolve("gate.yaml"), """
                workflows:
                  gate:
                    nodes:
                      - $ref: "common/hitl_gates.yaml#quality_review"
                        next: []
                """);
        CompiledGraph graph = YamlFiles.plugin().compile(flow.toString(), null, true);
        RunResult result = graph.invoke(Map.of("results", "all green", "quality_score", 0.93));
        assertThat(result.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(result.interrupt().prompt()).contains("Quality Review Required").contains("all green")
                .contains("0.93");
        assertThat(graph.resume(result.threadId(), Map.of("approved", true)).status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void anErrorInAReferencedNodeIsReportedInTheLibraryFile() throws Exception {
        Path lib = Files.writeString(dir.resolve("gates.yaml"), """
                nodes:
                  - id: gate
                    type: hitl
                    hitl_type: approve
                    prompt: "ok?"
                """);
        Path flow = Files.writeString(dir.resolve("flow.yaml"), """
                workflows:
                  flow:
                    nodes:
                      - $ref: "gates.yaml#gate"
                        next: []
                """);
        InvalidWorkflowException e = catchThrowableOfType(InvalidWorkflowException.class,
                () -> YamlFiles.plugin().compile(flow.toString(), null, true));
        Problem problem = e.errors().get(0);
        assertThat(problem.message()).contains("invalid hitl_type 'approve'")
                .contains("the line and column are in " + lib)
                .contains("$ref at line 4 of " + flow);
        assertThat(problem.source()).isEqualTo(lib.toString());
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.column()).isEqualTo(16);
    }
}
