package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A document another plugin fetched (an HTTP body, a database row) never reaches local files or the environment. */
class FetchedTextTest {
    private static final String SOURCE = "https://workflows.example/greet.yaml";

    @TempDir
    Path base;

    @Test
    void aOneLineDocumentIsTextEvenWhenItNamesAFile() throws IOException {
        Path local = Files.writeString(base.resolve("local.yaml"), "greet:\n  nodes:\n    - id: a\n");
        WorkflowCompilerPlugin plugin = YamlFiles.plugin(Map.of("base_directory", base.toString()));

        assertThatThrownBy(() -> plugin.compileText(local.toString(), SOURCE, null, true))
                .isInstanceOfSatisfying(InvalidWorkflowException.class, error ->
                        assertThat(error.problems()).extracting(Problem::source).containsOnly(SOURCE));
    }

    @Test
    void refIsRefusedWithItsLineWhateverTheBaseDirectory() throws IOException {
        Files.writeString(base.resolve("lib.yaml"), "nodes:\n  - id: gate\n    type: hitl\n");
        WorkflowCompilerPlugin plugin = YamlFiles.plugin(Map.of("base_directory", base.toString()));
        String text = """
                greet:
                  nodes:
                    - $ref: "lib.yaml#gate"
                """;

        assertThatThrownBy(() -> plugin.compileText(text, SOURCE, null, true))
                .isInstanceOfSatisfying(InvalidWorkflowException.class, error ->
                        assertThat(error.errors()).anySatisfy(problem -> {
                            assertThat(problem.source()).isEqualTo(SOURCE);
                            assertThat(problem.line()).isEqualTo(3);
                            assertThat(problem.message()).contains("$ref");
                        }));
    }

    @Test
    void theEnvironmentIsNeverReadEvenWhenAllowedForText() {
        WorkflowCompilerPlugin plugin = YamlFiles.plugin(Map.of("allow_env", "true",
                "environment", Map.of("SECRET", "s3cr3t")));
        String text = """
                greet:
                  nodes:
                    - id: say
                      type: transform
                      transform: word = "$env.SECRET"
                """;

        CompiledGraph graph = plugin.compileText(text, SOURCE, null, true);

        assertThat(graph.invoke(Map.of()).state()).containsEntry("word", "$env.SECRET");
        assertThat(plugin.workflowNamesInText(text, SOURCE)).containsExactly("greet");
    }
}
