package dev.victor.workflow.json.internal;

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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The JSON plugin with the real kernel. */
class JsonEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void compilesAndRuns() throws Exception {
        Path file = Files.writeString(dir.resolve("route.json"), """
                {
                  "workflows": {
                    "route": {
                      "nodes": [
                        {"id": "check", "type": "condition", "condition": "score >= 0.8",
                         "branches": {"true": "accept", "false": "retry"}},
                        {"id": "accept", "type": "transform", "transform": "verdict = 'accepted'", "next": []},
                        {"id": "retry", "type": "transform", "transform": "verdict = 'retry'", "next": []}
                      ]
                    }
                  }
                }
                """);
        WorkflowCompilerPlugin plugin = JsonFiles.plugin();
        assertThat(plugin.workflowNames(file.toString())).containsExactly("route");
        CompiledGraph graph = plugin.compile(file.toString(), null, true);
        RunResult high = graph.invoke(Map.of("score", 0.9));
        assertThat(high.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(high.state()).containsEntry("verdict", "accepted");
        assertThat(graph.invoke(Map.of("score", 0.2)).state()).containsEntry("verdict", "retry");
    }

    @Test
    void kernelErrorsAreLocatedInTheJson() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), """
                {"workflows": {"w": {"nodes": [
                  {"id": "c", "type": "condition", "condition": "ready and (x or", "branches": {"true": "end"}},
                  {"id": "h", "type": "hitl", "hitl_type": "approve"}
                ]}}}
                """);
        InvalidWorkflowException e = catchThrowableOfType(InvalidWorkflowException.class,
                () -> JsonFiles.plugin().compile(file.toString(), null, true));
        assertThat(e.errors()).hasSize(2);
        Problem syntax = e.errors().get(0);
        assertThat(syntax.message()).contains("syntax error in condition");
        assertThat(syntax.source()).isEqualTo(file.toString());
        assertThat(syntax.line()).isEqualTo(2);
        // the text starts after the quote in column 50; '(' is its 11th character
        assertThat(syntax.column()).isEqualTo(60);
        Problem hitl = e.errors().get(1);
        assertThat(hitl.message()).contains("invalid hitl_type 'approve'");
        assertThat(hitl.line()).isEqualTo(3);
        assertThat(hitl.column()).isEqualTo(45);
    }

    @Test
    void rootNotAnObjectAndNullWorkflows() throws Exception {
        Path array = Files.writeString(dir.resolve("array.json"), "[1, 2]");
        assertThat(catchThrowableOfType(InvalidWorkflowException.class,
                () -> JsonFiles.plugin().compile(array.toString(), null, true)).getMessage())
                .contains("the document must be a mapping");
        Path empty = Files.writeString(dir.resolve("null.json"), "{\"workflows\": null}");
        assertThat(catchThrowableOfType(InvalidWorkflowException.class,
                () -> JsonFiles.plugin().compile(empty.toString(), null, true)).getMessage())
                .contains("'workflows' is empty");
    }
}
