package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.api.WorkflowCompilers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plugin with the real kernel: environment values, workflow selection, plain-Java use. */
class EndToEndTest {
    private static final String TWO = """
            # two workflows
            workflows:
              greet:
                nodes:
                  - id: hello
                    role: writer
                    goal: "Say $env.GREETING to {name}"
                    next: []
              count:
                nodes:
                  - id: add
                    type: transform
                    transform: |
                      total = (total or 0) + 1
                    next: []
            """;

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static String goal(RunResult result) {
        return String.valueOf(((Map<String, Object>) result.state().get("hello")).get("goal"));
    }

    @Test
    void envValuesAreReadForFilesAndNotForText() throws Exception {
        Path file = Files.writeString(dir.resolve("two.yaml"), TWO);
        Map<String, Object> options = Map.of("environment", Map.of("GREETING", "hello"));
        CompiledGraph fromFile = YamlFiles.plugin(options).compile(file.toString(), "greet", true);
        RunResult result = fromFile.invoke(Map.of("name", "Ada"));
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(goal(result)).isEqualTo("Say hello to Ada");

        CompiledGraph fromText = YamlFiles.plugin(options).compile(TWO, "greet", true);
        assertThat(goal(fromText.invoke(Map.of("name", "Ada")))).isEqualTo("Say $env.GREETING to Ada");
        assertThat(fromText.warnings()).anySatisfy(warning -> assertThat(warning.message()).contains("$env.GREETING"));

        CompiledGraph forced = YamlFiles.plugin(Map.of("environment", Map.of("GREETING", "hi"),
                "allow_env", "true")).compile(TWO, "greet", true);
        assertThat(goal(forced.invoke(Map.of("name", "Ada")))).isEqualTo("Say hi to Ada");
    }

    @Test
    void workflowSelection() throws Exception {
        Path file = Files.writeString(dir.resolve("two.yaml"), TWO);
        WorkflowCompilerPlugin plugin = YamlFiles.plugin();
        assertThat(plugin.workflowNames(file.toString())).containsExactly("greet", "count");
        assertThat(plugin.workflowNames(TWO)).containsExactly("greet", "count");
        assertThatThrownBy(() -> plugin.compile(file.toString(), null, true))
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining("several workflows: greet, count");
        assertThatThrownBy(() -> plugin.compile(file.toString(), "nope", true))
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining("Workflow 'nope' not found").hasMessageContaining("greet, count");
        CompiledGraph count = plugin.compile(file.toString(), "count", false);
        assertThat(count.invoke(Map.of("total", 41)).state()).containsEntry("total", 42L);
    }

    @Test
    void plainJavaWithoutARegistry() throws Exception {
        Path file = Files.writeString(dir.resolve("one.yaml"), TWO.replaceAll("(?s)  count:.*", ""));
        CompiledGraph graph = dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry.builder()
                .discover(EndToEndTest.class.getClassLoader()).build().compile("yaml://" + file);
        assertThat(graph.name()).isEqualTo("greet");
        assertThat(graph.invoke(Map.of("name", "Bo")).status()).isEqualTo(RunStatus.COMPLETED);
    }
}
