package dev.victor.workflow.tools.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which tools a configuration publishes, and that every schema is a JSON object schema. */
class ToolsPublishedTest {

    static ToolsConfig config(String workspace, boolean shell, String... commands) {
        return new ToolsConfig() {
            public Class<? extends Annotation> annotationType() { return ToolsConfig.class; }
            public String workspace() { return workspace; }
            public long max_file_bytes() { return 1 << 20; }
            public int max_results() { return 500; }
            public boolean web_enabled() { return true; }
            public boolean web_allow_private_networks() { return false; }
            public int web_timeout_seconds() { return 30; }
            public int web_max_bytes() { return 1 << 20; }
            public boolean git_enabled() { return true; }
            public boolean shell_enabled() { return shell; }
            public String[] shell_allowed_commands() { return commands; }
            public int timeout_seconds() { return 60; }
            public int max_output_bytes() { return 65536; }
        };
    }

    @Test
    void everyToolHasAnObjectSchema(@TempDir Path dir) throws Exception {
        List<StandardTool> tools = StandardTools.of(config(dir.toString(), true, "mvn, npm", "make"));

        assertThat(tools).extracting(StandardTool::name)
                .containsExactly("web_fetch", "read", "write", "edit", "grep", "glob", "ls", "git", "shell");
        for (StandardTool tool : tools) {
            JsonNode schema = new ObjectMapper().readTree(tool.parameters());
            assertThat(schema.path("type").asText()).as(tool.name()).isEqualTo("object");
            assertThat(schema.path("properties").isObject()).as(tool.name()).isTrue();
            assertThat(tool.description()).as(tool.name()).isNotBlank();
        }
        assertThat(tools.get(8).description()).endsWith("Allowed programs: make, mvn, npm.");
    }

    @Test
    void shellIsOffByDefaultAndNoWorkspaceMeansWebFetchOnly(@TempDir Path dir) throws Exception {
        assertThat(StandardTools.of(config(dir.toString(), false))).extracting(StandardTool::name).doesNotContain("shell");
        assertThat(StandardTools.of(config("", true))).extracting(StandardTool::name).containsExactly("web_fetch");
        assertThatThrownBy(() -> StandardTools.of(config(dir.resolve("missing").toString(), false)))
                .hasMessageContaining("is not a directory");
    }
}
