package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.Severity;
import dev.victor.workflow.api.InvalidWorkflowException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input that the kernel's reader decides, compiled through the plugin: each is a clear error
 * (or warning) located in the file by this plugin's positions, never a stack trace.
 */
class KernelBadInputTest {
    @TempDir
    Path dir;

    /**
     * The problems of compiling the document from a file through the plugin: the exception's
     * (errors and warnings) when it fails, the graph's warnings when it compiles.
     */
    private List<Problem> problems(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), yaml);
        List<Problem> problems;
        try {
            problems = YamlFiles.plugin().compile(file.toString(), null, true).warnings();
        } catch (InvalidWorkflowException e) {
            assertThat(e.getMessage()).as("a message for people").doesNotContain("Exception").doesNotContain("\tat ");
            problems = e.problems();
        }
        for (Problem problem : problems) {
            assertThat(problem.source()).isEqualTo(file.toString());
        }
        return problems;
    }

    private Problem firstError(String yaml) throws Exception {
        List<Problem> problems = problems(yaml);
        return problems.stream().filter(Problem::isError).findFirst()
                .orElseThrow(() -> new AssertionError("no error in " + problems));
    }

    private static void at(Problem problem, int line, int column) {
        assertThat(problem.line()).as(problem.format()).isEqualTo(line);
        assertThat(problem.column()).as(problem.format()).isEqualTo(column);
    }

    @Test
    void rootNotAMapping() throws Exception {
        Problem problem = firstError("- a\n- b\n");
        assertThat(problem.message()).contains("the document must be a mapping");
        at(problem, 1, 1);
    }

    @Test
    void workflowsNull() throws Exception {
        Problem problem = firstError("# nothing yet\nworkflows:\n");
        assertThat(problem.message()).contains("'workflows' is empty");
        assertThat(problem.line()).isEqualTo(2);
    }

    @Test
    void workflowWithoutNodes() throws Exception {
        Problem problem = firstError("workflows:\n  build:\n    description: x\n");
        assertThat(problem.message()).contains("has no 'nodes'");
        assertThat(problem.workflow()).isEqualTo("build");
        at(problem, 2, 3);
        Problem empty = firstError("workflows:\n  build:\n    nodes: []\n");
        assertThat(empty.message()).contains("'nodes' is an empty list");
        at(empty, 3, 5);
    }

    @Test
    void nodeWithoutId() throws Exception {
        List<Problem> problems = problems("workflows:\n  build:\n    nodes:\n      - type: agent\n        goal: x\n");
        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.message()).contains("node without 'id'");
            at(problem, 4, 9);
        });
    }

    @Test
    void unknownNodeType() throws Exception {
        Problem problem = firstError("workflows:\n  build:\n    nodes:\n      - id: a\n        type: magic\n");
        assertThat(problem.message()).contains("unknown node type 'magic'");
        assertThat(problem.node()).isEqualTo("a");
        at(problem, 5, 15);
    }

    @Test
    void invalidHitlTypeAndFallback() throws Exception {
        List<Problem> problems = problems("""
                workflows:
                  build:
                    nodes:
                      - id: gate
                        type: hitl
                        hitl_type: approve
                        fallback: use_defaults
                """);
        assertThat(problems).filteredOn(Problem::isError).hasSize(2);
        assertThat(problems.get(0).message()).contains("invalid hitl_type 'approve'");
        at(problems.get(0), 6, 20);
        assertThat(problems.get(1).message()).contains("invalid fallback 'use_defaults'");
        at(problems.get(1), 7, 19);
    }

    @Test
    void syntaxErrorInAConditionPointsInsideTheFile() throws Exception {
        Problem problem = firstError("""
                workflows:
                  build:
                    nodes:
                      - id: c
                        type: condition
                        condition: "ready and (tests or"
                        branches: {"true": end}
                """);
        assertThat(problem.message()).contains("syntax error in condition");
        // the '(' at offset 10 of the text, which starts after the quote in column 21
        at(problem, 6, 31);
    }

    @Test
    void syntaxErrorInABlockTransformPointsAtItsLine() throws Exception {
        Problem problem = firstError("""
                workflows:
                  build:
                    nodes:
                      - id: t
                        type: transform
                        transform: |
                          count = 1
                          total = count +* 2
                """);
        assertThat(problem.message()).contains("syntax error in transform");
        at(problem, 8, 26);
    }

    @Test
    void unquotedBooleanLabelsAreAWarning() throws Exception {
        List<Problem> problems = problems("""
                workflows:
                  build:
                    nodes:
                      - id: check
                        type: condition
                        condition: ready
                        branches:
                          true: go
                          false: end
                      - id: go
                """);
        assertThat(problems).filteredOn(Problem::isError).isEmpty();
        assertThat(problems).filteredOn(p -> p.severity() == Severity.WARNING)
                .extracting(Problem::line).contains(8, 9);
        assertThat(problems.get(0).message()).contains("branch label true is a YAML boolean");
    }
}
