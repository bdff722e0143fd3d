package dev.victor.workflow.engine;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunEvent;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.model.Constraints;
import dev.victor.workflow.model.NodeDefinition;
import dev.victor.workflow.model.TeamFormation;
import dev.victor.workflow.spi.AgentTask;
import dev.victor.workflow.spi.NodeCall;
import dev.victor.workflow.spi.NodeOutput;
import dev.victor.workflow.spi.NodeServices;
import dev.victor.workflow.spi.StaticNodeServices;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static dev.victor.workflow.engine.Defs.agent;
import static dev.victor.workflow.engine.Defs.custom;
import static dev.victor.workflow.engine.Defs.handler;
import static dev.victor.workflow.engine.Defs.member;
import static dev.victor.workflow.engine.Defs.namedCondition;
import static dev.victor.workflow.engine.Defs.namedTransform;
import static dev.victor.workflow.engine.Defs.state;
import static dev.victor.workflow.engine.Defs.team;
import static dev.victor.workflow.engine.Defs.tools;
import static dev.victor.workflow.engine.Defs.workflow;
import static org.assertj.core.api.Assertions.assertThat;

class NodeTypesTest {

    private static CompiledGraph compile(NodeServices services, NodeDefinition... nodes) {
        return new DefinitionCompiler(EngineOptions.defaults().services(services)).compile(workflow("wf", nodes));
    }

    // ---- agent ----

    @Test
    void agentWithoutRuntimeWritesVictorsPlaceholder() {
        CompiledGraph graph = compile(NodeServices.none(),
                agent("analyze", "analyst", "Analyze {topic} with {{depth}} and {missing}", null));

        RunResult result = graph.invoke(state("input_data", "test", "topic", "rust", "depth", 3));

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.nodeHistory()).containsExactly("analyze");
        assertThat(result.state().get("analyze")).isEqualTo(Map.of("node_id", "analyze", "role", "analyst",
                "goal", "Analyze rust with 3 and {missing}", "status", "placeholder"));
    }

    @Test
    void agentWithRuntimeGetsTheWholeTask() {
        AtomicReference<AgentTask> seen = new AtomicReference<>();
        NodeServices services = NodeServices.builder()
                .agentRuntime(task -> {
                    seen.set(task);
                    return Map.of("answer", 42);
                })
                .build();
        CompiledGraph graph = compile(services,
                agent("ask", "researcher", "Find {{q}} in {data.source}", Map.of("q", "$ctx.question"), "answer",
                        null));

        RunResult result = graph.invoke(state("question", "life", "data", Map.of("source", "books")));

        assertThat(result.state()).containsEntry("answer", Map.of("answer", 42));
        AgentTask task = seen.get();
        assertThat(task.workflow()).isEqualTo("wf");
        assertThat(task.nodeId()).isEqualTo("ask");
        assertThat(task.memberId()).isNull();
        assertThat(task.role()).isEqualTo("researcher");
        assertThat(task.goal()).isEqualTo("Find life in books");
        assertThat(task.tools()).containsExactly("search");
        assertThat(task.toolBudget()).isEqualTo(15);
        assertThat(task.llmConfig()).containsEntry("temperature", 0.2);
        assertThat(task.inputs()).containsExactly(Map.entry("q", "life"));
        assertThat(task.state()).containsEntry("question", "life");
    }

    @Test
    void agentRuntimeFailureFailsTheRun() {
        NodeServices services = NodeServices.builder()
                .agentRuntime(task -> {
                    throw new IllegalStateException("model unavailable");
                })
                .build();

        RunResult result = compile(services, agent("ask", "researcher", "goal", null)).invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().message()).contains("agent node 'ask'", "model unavailable");
    }

    @Test
    void templatesLeaveJsonAndUnknownNamesAloneAndRenderCollectionsAsJson() {
        CompiledGraph graph = compile(NodeServices.none(),
                agent("a", "x", "Use {\"k\": 1} and {{ spaced }} with {items} / {cfg} / {flag} / {ratio} / {nothing}",
                        null));

        RunResult result = graph.invoke(state("items", List.of("a", "b"), "cfg", Map.of("n", 1), "flag", true,
                "ratio", 0.5, "nothing", null));

        assertThat(((Map<?, ?>) result.state().get("a")).get("goal"))
                .isEqualTo("Use {\"k\": 1} and {{ spaced }} with [\"a\",\"b\"] / {\"n\":1} / True / 0.5 / None");
    }

    // ---- compute ----

    @Test
    void computeHandlerGetsResolvedInputsAndWritesItsOutput() {
        AtomicReference<NodeCall> seen = new AtomicReference<>();
        NodeServices services = NodeServices.builder()
                .handler("fetch", call -> {
                    seen.set(call);
                    return NodeOutput.of("fetched", Map.of("side", "effect"));
                })
                .build();
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("symbol", "$ctx.symbol");
        inputs.put("deep", "$state.request.options.depth");
        inputs.put("nested", Map.of("list", List.of("$ctx.symbol", "literal")));
        inputs.put("absent", "$ctx.nope");
        inputs.put("plain", "text");
        inputs.put("number", 7);
        CompiledGraph graph = compile(services, handler("load", "fetch", inputs, null));

        RunResult result = graph.invoke(state("symbol", "AAPL", "request", Map.of("options", Map.of("depth", 2))),
                RunConfig.withThreadId("t-9"));

        assertThat(result.state()).containsEntry("load", "fetched").containsEntry("side", "effect");
        NodeCall call = seen.get();
        assertThat(call.workflow()).isEqualTo("wf");
        assertThat(call.nodeId()).isEqualTo("load");
        assertThat(call.threadId()).isEqualTo("t-9");
        assertThat(call.inputs()).containsEntry("symbol", "AAPL").containsEntry("deep", 2)
                .containsEntry("plain", "text").containsEntry("number", 7).containsEntry("absent", null);
        assertThat(call.inputs().get("nested")).isEqualTo(Map.of("list", List.of("AAPL", "literal")));
        assertThat(call.state()).containsEntry("symbol", "AAPL");
        assertThat(call.settings()).containsEntry("handler", "fetch").containsEntry("fail_fast", true);
    }

    @Test
    void missingHandlerFailsTheNodeByName() {
        RunResult result = compile(NodeServices.none(), handler("load", "fetch_data", Map.of(), null)).invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().nodeId()).isEqualTo("load");
        assertThat(result.error().message()).isEqualTo("compute node 'load': handler 'fetch_data' is not installed");
    }

    @Test
    void computeWithNonexistentToolFails() {
        RunResult result = compile(NodeServices.none(),
                tools("compute", List.of("nonexistent_tool"), Map.of(), Constraints.DEFAULT, true, null))
                .invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().message()).contains("tool 'nonexistent_tool' is not installed");
    }

    @Test
    void toolsRunInOrderAndTheirResultsAreKeyedByName() {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        NodeServices services = NodeServices.builder()
                .tool("read", call -> {
                    order.add("read");
                    return "content of " + call.inputs().get("path");
                })
                .tool("count", call -> {
                    order.add("count");
                    return 3;
                })
                .build();
        CompiledGraph graph = compile(services, tools("work", List.of("read", "count"), Map.of("path", "$ctx.file"),
                Constraints.DEFAULT, true, null));

        RunResult result = graph.invoke(state("file", "a.txt"));

        assertThat(order).containsExactly("read", "count");
        assertThat(result.state().get("work")).isEqualTo(Map.of("read", "content of a.txt", "count", 3));
    }

    @Test
    void constraintsSkipABlockedToolWithAWarning() {
        NodeServices services = NodeServices.builder().tool("read", call -> "ok").build();
        Constraints blocking = new Constraints(false, true, false, true, "FREE", 100, null, List.of("write_file"));
        CompiledGraph graph = compile(services, tools("work", List.of("read", "write_file"), Map.of(), blocking, true,
                null));

        List<RunEvent> events = graph.stream(Map.of()).toList();
        RunResult result = ((RunEvent.RunFinished) events.get(events.size() - 1)).result();

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.state().get("work")).isEqualTo(Map.of("read", "ok"));
        assertThat(result.warnings()).singleElement().asString().contains("'write_file'", "blocked", "skipped");
        assertThat(events).filteredOn(RunEvent.RunWarning.class::isInstance).hasSize(1);
    }

    @Test
    void failingToolFailsTheNodeWithFailFast() {
        NodeServices services = NodeServices.builder()
                .tool("bad", call -> {
                    throw new IllegalStateException("disk full");
                })
                .tool("good", call -> "ok")
                .build();

        RunResult failFast = compile(services, tools("work", List.of("bad", "good"), Map.of(), Constraints.DEFAULT,
                true, null)).invoke(Map.of());
        RunResult carryOn = compile(services, tools("work", List.of("bad", "good"), Map.of(), Constraints.DEFAULT,
                false, null)).invoke(Map.of());

        assertThat(failFast.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failFast.error().message()).contains("tool 'bad' failed", "disk full");
        assertThat(carryOn.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(carryOn.state().get("work")).isEqualTo(Map.of(
                "bad", Map.of("error", "IllegalStateException: disk full"), "good", "ok"));
    }

    @Test
    void computeWithoutHandlerOrToolsReportsItsInputs() {
        RunResult result = compile(NodeServices.none(),
                tools("noop", List.of(), Map.of("x", "$ctx.x"), Constraints.DEFAULT, true, null))
                .invoke(state("x", 5));

        assertThat(result.state().get("noop")).isEqualTo(Map.of("status", "no_tools_executed", "inputs", Map.of("x", 5)));
    }

    // ---- custom ----

    @Test
    void customNodeRunsThroughItsExecutor() {
        NodeServices services = NodeServices.builder()
                .nodeExecutor("custom_plugin", call -> NodeOutput.of(call.nodeId() + ":" + call.inputs().get("who"),
                        Map.of("custom", call.nodeId())))
                .build();
        CompiledGraph graph = compile(services,
                custom("plug", "custom_plugin", Map.of("inputs", Map.of("who", "$ctx.name"), "mode", "x"), null));

        RunResult result = graph.invoke(state("name", "ada"));

        assertThat(result.state()).containsEntry("plug", "plug:ada").containsEntry("custom", "plug");
    }

    @Test
    void customNodeWithoutExecutorFailsNamingTheType() {
        RunResult result = compile(NodeServices.none(), custom("plug", "custom_plugin", Map.of(), null))
                .invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().message()).contains("'plug'", "node type 'custom_plugin'");
    }

    // ---- transform (named) ----

    @Test
    void namedTransformWritesTheKeysItReturns() {
        NodeServices services = NodeServices.builder()
                .transform("double_input", st -> Map.of("computed", (Integer) st.get("input") * 2))
                .build();

        RunResult result = compile(services, namedTransform("t", "double_input", null)).invoke(state("input", 5));

        assertThat(result.state()).containsEntry("computed", 10);
    }

    @Test
    void missingTransformFunctionFailsNamingIt() {
        RunResult result = compile(NodeServices.none(), namedTransform("t", "merge_results", null)).invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().message()).contains("transform node 't'", "'merge_results'", "not installed");
    }

    // ---- condition (named) ----

    private static CompiledGraph routing(Object verdict, String fallback) {
        NodeServices services = NodeServices.builder()
                .condition("verdict", st -> {
                    if (verdict instanceof RuntimeException failure) {
                        throw failure;
                    }
                    return verdict;
                })
                .build();
        Map<String, String> branches = new LinkedHashMap<>();
        branches.put("true", "yes");
        branches.put("false", "no");
        branches.put("2", "two");
        branches.put("high", "high");
        return compile(services,
                namedCondition("check", " verdict ", branches, fallback),
                handlerless("yes"), handlerless("no"), handlerless("two"), handlerless("high"), handlerless("other"));
    }

    private static NodeDefinition handlerless(String id) {
        return tools(id, List.of(), Map.of(), Constraints.DEFAULT, true, null);
    }

    @Test
    void conditionRoutesBooleansToTrueAndFalse() {
        assertThat(routing(true, null).invoke(Map.of()).nodeHistory()).containsExactly("check", "yes");
        assertThat(routing(false, null).invoke(Map.of()).nodeHistory()).containsExactly("check", "no");
    }

    @Test
    void conditionSwitchesOnTheStringFormOfOtherValues() {
        assertThat(routing(2, null).invoke(Map.of()).nodeHistory()).containsExactly("check", "two");
        assertThat(routing("high", null).invoke(Map.of()).nodeHistory()).containsExactly("check", "high");
    }

    @Test
    void conditionWithoutMatchTakesTheDefault() {
        RunResult result = routing("medium", "other").invoke(Map.of());

        assertThat(result.nodeHistory()).containsExactly("check", "other");
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void conditionWithoutMatchOrDefaultFailsTheRunNamingNodeValueAndLabels() {
        List<RunEvent> events = routing("medium", null).stream(Map.of()).toList();
        RunResult result = ((RunEvent.RunFinished) events.get(events.size() - 1)).result();

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.nodeHistory()).isEmpty();
        assertThat(result.error().nodeId()).isEqualTo("check");
        assertThat(result.error().type()).isEqualTo("no_branch");
        assertThat(result.error().message())
                .isEqualTo("condition 'check' gave 'medium', which matches no branch (labels: true, false, 2, high), "
                        + "and there is no default");
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void conditionEvaluationErrorFailsTheRun() {
        RunResult result = routing(new IllegalArgumentException("bad data"), "other").invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().nodeId()).isEqualTo("check");
        assertThat(result.error().message()).contains("condition 'check' could not be evaluated", "bad data");
    }

    // ---- team ----

    @Test
    void teamWithoutRuntimeWritesPlaceholdersPerMember() {
        CompiledGraph graph = compile(NodeServices.none(), team("crew", TeamFormation.SEQUENTIAL, true, null,
                member("r", "researcher", "Research {topic}", false), member("w", "writer", "", false)));

        RunResult result = graph.invoke(state("topic", "bees"));

        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) result.state().get("team_result");
        assertThat(out).containsEntry("formation", "sequential");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> results = (Map<String, Map<String, Object>>) out.get("results");
        assertThat(results.get("r")).containsEntry("goal", "Research bees").containsEntry("status", "placeholder")
                .containsEntry("member_id", "r");
        assertThat(results.get("w")).containsEntry("goal", "Team goal about bees");
    }

    @Test
    void sequentialTeamMembersSeeEarlierResults() {
        List<AgentTask> tasks = Collections.synchronizedList(new ArrayList<>());
        NodeServices services = NodeServices.builder()
                .agentRuntime(task -> {
                    tasks.add(task);
                    return task.memberId() + "-done";
                })
                .build();
        CompiledGraph graph = compile(services, team("crew", TeamFormation.PIPELINE, false, null,
                member("a", "planner", "plan", false), member("b", "executor", "do", false),
                member("c", "reviewer", "check", false)));

        RunResult result = graph.invoke(Map.of());

        assertThat(tasks).extracting(AgentTask::memberId).containsExactly("a", "b", "c");
        assertThat(tasks.get(0).inputs()).isEmpty();
        assertThat(tasks.get(2).inputs()).containsExactly(Map.entry("a", "a-done"), Map.entry("b", "b-done"));
        assertThat(tasks.get(1).nodeId()).isEqualTo("crew");
        assertThat(result.state().get("team_result")).isEqualTo(Map.of("formation", "pipeline",
                "results", Map.of("a", "a-done", "b", "b-done", "c", "c-done")));
    }

    @Test
    void hierarchicalTeamRunsTheManagerFirst() {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        NodeServices services = NodeServices.builder()
                .agentRuntime(task -> {
                    order.add(task.memberId());
                    return "ok";
                })
                .build();
        compile(services, team("crew", TeamFormation.HIERARCHICAL, false, null,
                member("w1", "executor", "x", false), member("boss", "planner", "y", true),
                member("w2", "executor", "z", false))).invoke(Map.of());

        assertThat(order).containsExactly("boss", "w1", "w2");
    }

    @Test
    void parallelAndConsensusTeamsRunEveryMember() {
        NodeServices services = NodeServices.builder().agentRuntime(task -> "vote-" + task.memberId()).build();

        RunResult parallel = compile(services, team("crew", TeamFormation.PARALLEL, false, null,
                member("a", "x", "g", false), member("b", "x", "g", false))).invoke(Map.of());
        RunResult consensus = compile(services, team("crew", TeamFormation.CONSENSUS, false, null,
                member("a", "x", "g", false), member("b", "x", "g", false))).invoke(Map.of());

        assertThat(parallel.state().get("team_result")).isEqualTo(Map.of("formation", "parallel",
                "results", Map.of("a", "vote-a", "b", "vote-b")));
        assertThat(consensus.state().get("team_result")).isEqualTo(Map.of("formation", "consensus",
                "results", Map.of("a", "vote-a", "b", "vote-b"), "consensus", List.of("vote-a", "vote-b")));
    }

    @Test
    void continueOnErrorDecidesWhetherAFailingMemberFailsTheTeam() {
        NodeServices services = NodeServices.builder()
                .agentRuntime(task -> {
                    if (task.memberId().equals("bad")) {
                        throw new IllegalStateException("refused");
                    }
                    return "fine";
                })
                .build();
        for (TeamFormation formation : List.of(TeamFormation.SEQUENTIAL, TeamFormation.PARALLEL)) {
            RunResult tolerant = compile(services, team("crew", formation, true, null,
                    member("bad", "x", "g", false), member("good", "x", "g", false))).invoke(Map.of());
            RunResult strict = compile(services, team("crew", formation, false, null,
                    member("bad", "x", "g", false), member("good", "x", "g", false))).invoke(Map.of());

            assertThat(tolerant.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(((Map<?, ?>) tolerant.state().get("team_result")).get("results")).isEqualTo(
                    Map.of("bad", Map.of("error", "IllegalStateException: refused"), "good", "fine"));
            assertThat(strict.status()).isEqualTo(RunStatus.FAILED);
            assertThat(strict.error().message()).contains("team node 'crew'", "member 'bad'", "refused");
        }
    }

    @Test
    void servicesOfTheRunConfigReplaceTheGraphs() {
        CompiledGraph graph = compile(NodeServices.none(), handler("load", "fetch", Map.of(), null));
        StaticNodeServices services = NodeServices.builder().handler("fetch", call -> NodeOutput.of("late")).build();

        assertThat(graph.invoke(Map.of()).status()).isEqualTo(RunStatus.FAILED);
        assertThat(graph.invoke(Map.of(), RunConfig.defaults().services(services)).state())
                .containsEntry("load", "late");
    }

    @Test
    void nodeTimeoutOfAnAgentIsPassedAndEnforced() {
        NodeServices services = NodeServices.builder()
                .agentRuntime(task -> {
                    Thread.sleep(5_000);
                    return "late";
                })
                .build();
        NodeDefinition slow = new dev.victor.workflow.model.AgentNode("slow", "slow", List.of(), false, "x", "g",
                List.of(), List.of(), 15, Map.of(), Map.of(), "slow", Duration.ofMillis(100), null, Map.of(),
                dev.victor.workflow.format.SourcePosition.UNKNOWN);

        RunResult result = compile(services, slow).invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().message()).contains("agent node 'slow'", "timed out after 100ms");
    }
}
