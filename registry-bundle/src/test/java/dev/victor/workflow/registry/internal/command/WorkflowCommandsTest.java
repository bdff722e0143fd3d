package dev.victor.workflow.registry.internal.command;

import dev.victor.workflow.engine.render.Json;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.registry.TinyPlugin;
import dev.victor.workflow.registry.internal.whiteboard.WhiteboardNodeServices;
import dev.victor.workflow.spi.NodeOutput;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowCommandsTest {

    private final WhiteboardNodeServices services = new WhiteboardNodeServices();
    private final DefaultWorkflowCompilerRegistry registry =
            DefaultWorkflowCompilerRegistry.builder().nodeServices(services).build();
    private final WorkflowCommands commands = new WorkflowCommands(registry);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    WorkflowCommandsTest() {
        registry.register("tiny", TinyPlugin.class);
        registry.addService(new TinyPlugin(), Map.of("scheme", new String[] {"yaml", "yml"}, "service.id", 7L,
                "service.ranking", 3), "dev.victor.workflow.yaml-bundle 0.1.0");
        services.addHandler(call -> NodeOutput.of("ok-" + call.nodeId()), Map.of("name", "a", "service.id", 1L));
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private Map<?, ?> lastJson() {
        List<String> lines = output().lines().toList();
        return (Map<?, ?>) Json.read(lines.get(lines.size() - 1));
    }

    @Test
    void schemesTable() {
        assertThat(commands.schemes(out)).isZero();
        assertThat(output()).contains("SCHEME", "PLUGIN", "BUNDLE", "RANKING", "ENABLED")
                .contains("tiny  ").contains("code")
                .contains("dev.victor.workflow.yaml-bundle 0.1.0").containsPattern("yml +\\S+TinyPlugin");
    }

    @Test
    void compileEveryWorkflowAsJson() {
        assertThat(commands.compile("tiny://one: a -> b; two: c", null, true, out)).isZero();
        assertThat(lastJson()).isEqualTo(Map.of("workflows", List.of(
                Map.of("name", "one", "nodes", 2L, "edges", 2L, "warnings", List.of()),
                Map.of("name", "two", "nodes", 1L, "edges", 1L, "warnings", List.of()))));
    }

    @Test
    void noCommandPrintsAUrisPasswordOrToken() {
        String uri = "nope://ada:s3cret@example.com/w.yaml?token=t0ken&x=1";
        assertThat(commands.validate(uri, null, true, out)).isEqualTo(1);
        assertThat(commands.compile(uri, null, true, out)).isEqualTo(1);
        assertThat(commands.compile(uri, null, false, out)).isEqualTo(1);
        assertThat(commands.run(uri, null, null, false, false, out)).isEqualTo(1);
        assertThat(commands.validate("tiny://;bad?api_key=k3y", null, false, out)).isEqualTo(1);
        assertThat(output()).doesNotContain("s3cret").doesNotContain("t0ken").doesNotContain("k3y")
                .contains("nope://***@example.com/w.yaml?token=***&x=1 is invalid")
                .contains("tiny://;bad?api_key=*** is invalid");
    }

    @Test
    void compileOneWorkflow() {
        assertThat(commands.compile("tiny://one: a -> b; two: c", "two", false, out)).isZero();
        assertThat(output()).contains("compiled two: 1 nodes, 1 edges").doesNotContain("compiled one");
    }

    @Test
    void compileFailureAsJson() {
        assertThat(commands.compile("nope://x", null, true, out)).isEqualTo(1);
        assertThat(lastJson().get("error")).asString().contains("Unknown workflow scheme 'nope'").contains("tiny, yaml, yml");
    }

    @Test
    void validateReportsProblemsWithLineAndColumn() {
        assertThat(commands.validate("tiny://good: a; bad:", null, true, out)).isEqualTo(1);
        Map<?, ?> doc = lastJson();
        assertThat(doc.get("valid")).isEqualTo(false);
        assertThat((List<?>) doc.get("problems")).hasSize(1);
        Map<?, ?> problem = (Map<?, ?>) ((List<?>) doc.get("problems")).get(0);
        assertThat(problem.get("severity")).isEqualTo("error");
        assertThat(problem.get("message")).isEqualTo("Workflow must have at least one node");
        assertThat(problem.get("workflow")).isEqualTo("bad");
        assertThat(problem.get("line")).isEqualTo(1L);
        assertThat(problem.get("column")).isEqualTo(6L);
        assertThat(output()).contains("1:6: error: workflow 'bad': Workflow must have at least one node");
    }

    @Test
    void validateAValidSource() {
        assertThat(commands.validate("tiny://good: a", null, true, out)).isZero();
        assertThat(lastJson()).isEqualTo(Map.of("valid", true, "problems", List.of()));
    }

    @Test
    void runPrintsEventsThenTheResultAsJson() {
        assertThat(commands.run("tiny://w: a", "{\"topic\": \"osgi\", \"n\": 2}", null, true, false, out)).isZero();
        String text = output();
        assertThat(text).contains("started w").contains("  > a [compute] #1").contains("finished COMPLETED");
        Map<?, ?> doc = lastJson();
        assertThat(doc.get("status")).isEqualTo("COMPLETED");
        assertThat(doc.get("state")).isEqualTo(Map.of("topic", "osgi", "n", 2L, "a", "ok-a"));
        assertThat(doc.get("error")).isNull();
        assertThat(doc.get("iterations")).isEqualTo(1L);
        assertThat(doc.get("history")).isEqualTo(List.of("a"));
        assertThat(doc.containsKey("interrupt")).isTrue();
        assertThat(doc.get("interrupt")).isNull();
        assertThat(doc.get("threadId")).asString().isNotBlank();
    }

    @Test
    void aMissingHandlerFailsTheRunWithItsName() {
        assertThat(commands.run("tiny://w: a -> ghost", null, null, true, false, out)).isEqualTo(1);
        Map<?, ?> error = (Map<?, ?>) lastJson().get("error");
        assertThat(error.get("node")).isEqualTo("ghost");
        assertThat(error.get("message")).asString().contains("'ghost'");
    }

    @Test
    void dryRunUsesPlaceholdersAndReportsThem() {
        assertThat(commands.run("tiny://w: a -> ghost -> spook", null, null, true, true, out)).isZero();
        Map<?, ?> doc = lastJson();
        assertThat(doc.get("status")).isEqualTo("COMPLETED");
        assertThat(doc.get("placeholders")).isEqualTo(List.of("handler 'ghost'", "handler 'spook'"));
        assertThat(output()).contains("dry run placeholders: handler 'ghost', handler 'spook'");
    }

    @Test
    void branchArgumentsAreCheckedBeforeTheRun() {
        assertThat(commands.run("tiny://w: a", null, null, false, false, List.of("a=x"), out)).isEqualTo(2);
        assertThat(output()).contains("--branch steers a dry run only: add --dry-run");
        assertThat(commands.run("tiny://w: a", null, null, false, true, List.of("a"), out)).isEqualTo(2);
        assertThat(output()).contains("--branch takes NODE=LABEL");
        assertThat(commands.run("tiny://w: a -> b", null, null, false, true, List.of("a=x,ghost=y"), out)).isEqualTo(2);
        assertThat(output()).contains("--branch names no condition node of w: a, ghost");
    }

    @Test
    void aDryRunReportsItsChoicesInJson() {
        assertThat(commands.run("tiny://w: a -> ghost", null, null, true, true, List.of(), out)).isZero();
        assertThat(lastJson().get("choices")).isEqualTo(List.of());
    }

    @Test
    void badStateIsAUsageError() {
        assertThat(commands.run("tiny://w: a", "{oops", null, false, false, out)).isEqualTo(2);
        assertThat(output()).contains("error: the state not valid JSON");
        assertThat(commands.run("tiny://w: a", "[1]", null, false, false, out)).isEqualTo(2);
        assertThat(output()).contains("must be a JSON object");
    }

    @Test
    void aResponseThatBeginsLikeJsonMustBeJson() {
        for (String typo : List.of("{bad json", "[true", "\"yes", " {\"approved\": tru}", "{} {}")) {
            bytes.reset();
            assertThat(commands.resume("t-1", typo, "tiny://w: a", null, true, out)).as(typo).isEqualTo(2);
            assertThat(output()).contains("error: the response").contains("still waits");
        }
        bytes.reset();
        assertThat(commands.resume("t-1", "ok", "tiny://w: a", null, true, out)).isEqualTo(1);
        assertThat(output()).contains("No interrupted run t-1").doesNotContain("the response");
    }

    @Test
    void aStateWithARepeatedKeyOrAnInfiniteNumberIsRefused() {
        for (String state : List.of("{\"a\": 1, \"a\": 2}", "{\"a\": {\"b\": 1, \"b\": 1}}", "{\"a\": 1e999999}",
                "{\"a\": [-1e400]}", "{\"a\": 1.5e309}")) {
            bytes.reset();
            assertThat(commands.run("tiny://w: a", state, null, false, false, out)).as(state).isEqualTo(2);
            assertThat(output()).as(state).containsAnyOf("Duplicate field 'a'", "Duplicate field 'b'",
                    "too large for a float");
        }
        bytes.reset();
        assertThat(commands.run("tiny://w: a", "{\"a\": 1e308, \"b\": 1e-999999}", null, true, false, out)).isZero();
    }

    @Test
    void resumeOfAnUnknownThread() {
        assertThat(commands.resume("t-404", "\"yes\"", null, null, true, out)).isEqualTo(2);
        assertThat(output()).contains("no interrupted run with thread t-404 is known here");
        assertThat(commands.resume("t-404", "yes", "tiny://w: a", null, true, out)).isEqualTo(1);
        assertThat(output()).contains("No interrupted run t-404");
    }

    @Test
    void graphFormats() {
        assertThat(commands.graph("tiny://w: a -> b", null, null, out)).isZero();
        assertThat(output()).contains("flowchart");
        assertThat(commands.graph("tiny://w: a -> b", "dot", null, out)).isZero();
        assertThat(output()).contains("digraph");
        assertThat(commands.graph("tiny://w: a -> b", "json", null, out)).isZero();
        assertThat(output()).contains("\"entry\":\"a\"");
        assertThat(commands.graph("tiny://w: a -> b", "png", null, out)).isEqualTo(2);
    }

    @Test
    void cacheStatsAndClear() {
        commands.compile("tiny://w: a", null, false, out);
        commands.compile("tiny://w: a", null, false, out);
        assertThat(commands.cache(null, out)).isZero();
        assertThat(output()).contains("hits:          1").contains("misses:        1").contains("size:          1 / 500");
        assertThat(commands.cache("clear", out)).isZero();
        assertThat(output()).contains("cache cleared").contains("size:          0 / 500");
        assertThat(commands.cache("explode", out)).isEqualTo(2);
    }
}
