package dev.victor.workflow.engine;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.engine.render.Json;
import dev.victor.workflow.expr.Placeholder;
import dev.victor.workflow.model.NodeDefinition;
import dev.victor.workflow.spi.NodeServices;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.victor.workflow.engine.Defs.condition;
import static dev.victor.workflow.engine.Defs.handler;
import static dev.victor.workflow.engine.Defs.namedTransform;
import static dev.victor.workflow.engine.Defs.state;
import static dev.victor.workflow.engine.Defs.transform;
import static dev.victor.workflow.engine.Defs.workflow;
import static org.assertj.core.api.Assertions.assertThat;

/** Dry runs: permissive placeholders, placeholder-driven and steered conditions, loops that end. */
class DryRunTest {

    private static Map<String, String> branches(String... labelsAndTargets) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < labelsAndTargets.length; i += 2) {
            map.put(labelsAndTargets[i], labelsAndTargets[i + 1]);
        }
        return map;
    }

    private static CompiledGraph compile(NodeDefinition... nodes) {
        return new DefinitionCompiler().compile(workflow("w", nodes));
    }

    private static RunConfig dry(DryRunServices services) {
        return RunConfig.defaults().services(services);
    }

    @Test
    void aHandlerPlaceholderBehavesLikeAnEmptyPermissiveObject() {
        CompiledGraph graph = compile(
                handler("fetch", "fetcher", Map.of(), "use"),
                transform("use", String.join("\n",
                        "a = fetch.get('items', [])",
                        "b = len(fetch)",
                        "c = str(fetch.data.rows)",
                        "d = merge(fetch, {'k': 1})",
                        "e = concat(fetch, [1])",
                        "f = [x for x in fetch]",
                        "g = fetch['x'] + 1",
                        "h = fetch.lower()",
                        "i = 'yes' if fetch else 'no'"), "end"));
        DryRunServices services = new DryRunServices(NodeServices.none());

        RunResult result = graph.invoke(Map.of(), dry(services));

        assertThat(result.status()).as("%s", result.error()).isEqualTo(RunStatus.COMPLETED);
        Map<String, Object> s = result.state();
        assertThat(s.get("a")).isEqualTo(List.of());
        assertThat(s.get("b")).isEqualTo(0L);
        assertThat(s.get("c")).isEqualTo("<dry run: handler 'fetcher'.data.rows>");
        assertThat(s.get("d")).isEqualTo(Map.of("k", 1L));
        assertThat(s.get("e")).isEqualTo(List.of(1L));
        assertThat(s.get("f")).isEqualTo(List.of());
        assertThat(s.get("g")).isInstanceOf(Placeholder.class).asString().isEqualTo("<dry run: handler 'fetcher'.x>");
        assertThat(s.get("h")).asString().isEqualTo("<dry run: handler 'fetcher'.lower()>");
        assertThat(s.get("i")).isEqualTo("no");
        assertThat(services.placeholders()).containsExactly("handler 'fetcher'");
        assertThat(Json.write(Map.of("fetch", s.get("fetch")))).isEqualTo("{\"fetch\":\"<dry run: handler 'fetcher'>\"}");
    }

    @Test
    void namedTransformsAndFunctionsGetPlaceholders() {
        CompiledGraph graph = compile(
                namedTransform("named", "extract_error_patterns", "calls"),
                transform("calls", "t = elapsed_time(start)\nn = len(t)", "end"));
        DryRunServices services = new DryRunServices(NodeServices.none());

        RunResult result = graph.invoke(Map.of(), dry(services));

        assertThat(result.status()).as("%s", result.error()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.state().get("t")).asString().isEqualTo("<dry run: function 'elapsed_time'>");
        assertThat(result.state().get("n")).isEqualTo(0L);
        assertThat(services.placeholders()).containsExactly("function 'elapsed_time'",
                "transform 'extract_error_patterns'");
    }

    @Test
    void aFunctionNoServiceProvidesFailsTheRealRunNamingIt() {
        RunResult result = compile(transform("calls", "t = elapsed_time(start)", "end")).invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().nodeId()).isEqualTo("calls");
        assertThat(result.error().message()).contains("NameError: function 'elapsed_time' is not defined",
                "no function service 'elapsed_time' is installed");
        RunResult served = compile(transform("calls", "t = elapsed_time(start)", "end")).invoke(state("start", 4),
                RunConfig.defaults().services(NodeServices.builder()
                        .function("elapsed_time", (args, keywords) -> 10L - ((Number) args.get(0)).longValue()).build()));
        assertThat(served.state().get("t")).isEqualTo(6L);
    }

    @Test
    void aConditionDrivenByAPlaceholderTakesTheDefaultElseTheFirstBranchAndSaysSo() {
        CompiledGraph withDefault = compile(
                handler("score", "scorer", Map.of(), "check"),
                condition("check", "score.value > 0.8", branches("true", "good", "false", "bad"), "fallback"),
                transform("good", "took = 'good'", "end"), transform("bad", "took = 'bad'", "end"),
                transform("fallback", "took = 'default'", "end"));
        RunResult result = withDefault.invoke(Map.of(), dry(new DryRunServices(NodeServices.none())));
        assertThat(result.state().get("took")).isEqualTo("default");
        assertThat(result.warnings()).singleElement().asString().startsWith("dry run: condition 'check' took its"
                + " default branch: its value comes from <dry run: handler 'scorer'>");

        CompiledGraph noDefault = compile(
                handler("score", "scorer", Map.of(), "check"),
                condition("check", "score", branches("high", "good", "low", "bad"), null),
                transform("good", "took = 'good'", "end"), transform("bad", "took = 'bad'", "end"));
        RunResult first = noDefault.invoke(Map.of(), dry(new DryRunServices(NodeServices.none())));
        assertThat(first.state().get("took")).isEqualTo("good");
        assertThat(first.warnings()).singleElement().asString().contains("took branch 'high'");
    }

    @Test
    void aStateKeyNothingWroteDrivesADryRunChoiceAndLoopsEnd() {
        CompiledGraph graph = compile(
                transform("work", "rounds = (rounds or 0) + 1", "check"),
                condition("check", "fix_verified", branches("false", "work", "true", "done"), null),
                transform("done", "finished = True", "end"));

        RunResult result = graph.invoke(Map.of(), dry(new DryRunServices(NodeServices.none())));

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.state()).containsEntry("rounds", 2L).containsEntry("finished", true);
        assertThat(result.warnings()).hasSize(2);
        assertThat(result.warnings().get(0)).contains("took branch 'false'",
                "state key 'fix_verified', which nothing has written");
        assertThat(result.warnings().get(1)).contains("took branch 'true' (visit 2)");
        RunResult real = graph.invoke(Map.of(), RunConfig.defaults().maxIterations(10));
        assertThat(real.status()).as("a real run routes None as false and loops").isEqualTo(RunStatus.LIMIT_EXCEEDED);
    }

    @Test
    void branchesSteerConditionsAndABadLabelFailsNamingIt() {
        CompiledGraph graph = compile(
                condition("check", "x > 1", branches("true", "yes", "false", "no"), null),
                transform("yes", "took = 'yes'", "end"), transform("no", "took = 'no'", "end"));
        DryRunServices services = new DryRunServices(NodeServices.none());

        RunResult steered = graph.invoke(state("x", 5), dry(services).branches(Map.of("check", "false")));
        assertThat(steered.state().get("took")).isEqualTo("no");
        assertThat(steered.warnings()).containsExactly("dry run: condition 'check' took branch 'false' as steered (--branch)");

        RunResult bad = graph.invoke(state("x", 5), dry(services).branches(Map.of("check", "maybe")));
        assertThat(bad.status()).isEqualTo(RunStatus.FAILED);
        assertThat(bad.error().message()).contains("--branch check=maybe names no branch", "labels: true, false");
    }
}
