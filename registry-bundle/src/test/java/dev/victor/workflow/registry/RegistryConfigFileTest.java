package dev.victor.workflow.registry;

import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryConfigFileTest {

    @Test
    void readsTheSeedShape(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, """
                # other settings of the application are ignored
                provider: anthropic
                workflow_registry:
                  default_scheme: JSON
                  cache_size: 50
                  cache_ttl: 90
                  default_max_iterations: 40
                workflow_plugins:
                  http:
                    enabled: true
                    stale_if_error: true
                    options:
                      timeout: 10
                      allowed_hosts: [a.example, b.example]
                  s3:
                    enabled: false
                  tiny: {options: {stale_if_error: true}}
                """);
        RegistryConfiguration configuration = RegistryConfigFile.read(file);
        assertThat(configuration.registry()).isEqualTo(
                new RegistrySettings("json", 50, Duration.ofSeconds(90), 40, true));
        assertThat(configuration.plugins().get("http")).isEqualTo(new PluginSettings(true, true,
                Map.of("timeout", 10, "allowed_hosts", java.util.List.of("a.example", "b.example"))));
        assertThat(configuration.plugins().get("s3").enabled()).isFalse();
        assertThat(configuration.plugins().get("tiny").staleIfError()).isTrue();
        assertThat(configuration.plugins().get("tiny").options()).isEmpty();

        DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.builder()
                .configuration(configuration).build();
        registry.register("s3", TinyPlugin.class);
        registry.register("json", TinyPlugin.class);
        assertThat(registry.schemes()).containsExactly("json");
        assertThat(registry.resolve("flow").scheme()).isEqualTo("json");
    }

    @Test
    void emptyFileGivesTheDefaults() {
        assertThat(RegistryConfigFile.parse("", "empty.yaml")).isEqualTo(RegistryConfiguration.defaults());
    }

    @Test
    void mistakesAreNamedWithTheirPath() {
        assertThatThrownBy(() -> RegistryConfigFile.parse("""
                workflow_registry:
                  cache_sise: 5
                workflow_plugins:
                  http:
                    enabled: maybe
                    colour: red
                """, "config.yaml"))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path).containsExactly("workflow_registry.cache_sise",
                                "workflow_plugins.http.colour", "workflow_plugins.http"))
                .hasMessageContaining("unknown key 'cache_sise'")
                .hasMessageContaining("workflow_plugins.http.enabled must be true or false, was 'maybe'");
    }

    @Test
    void yamlErrorsCarryLineAndColumn() {
        assertThatThrownBy(() -> RegistryConfigFile.parse("workflow_plugins:\n  http: {enabled: true\n", "c.yaml"))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.problems().get(0).line()).isEqualTo(3));
    }

    @Test
    void unsafeTagsAreRefused() {
        assertThatThrownBy(() -> RegistryConfigFile.parse("workflow_plugins: !!javax.script.ScriptEngineManager []",
                "evil.yaml")).isInstanceOf(WorkflowException.class);
    }

    @Test
    void missingFile(@TempDir Path dir) {
        assertThatThrownBy(() -> RegistryConfigFile.read(dir.resolve("nope.yaml")))
                .isInstanceOf(WorkflowSourceNotFoundException.class);
    }
}
