package dev.victor.workflow.model;

import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.victor.workflow.model.Fixtures.errors;
import static dev.victor.workflow.model.Fixtures.node;
import static dev.victor.workflow.model.Fixtures.only;
import static dev.victor.workflow.model.Fixtures.read;
import static dev.victor.workflow.model.Fixtures.single;
import static dev.victor.workflow.model.Fixtures.warnings;
import static dev.victor.workflow.model.Tree.at;
import static dev.victor.workflow.model.Tree.list;
import static dev.victor.workflow.model.Tree.map;
import static dev.victor.workflow.model.Tree.workflow;
import static org.assertj.core.api.Assertions.assertThat;

/** Node fields: ids, types, and the fields of each node type (conditions and transforms elsewhere). */
class NodeReadingTest {

    private static NodeDefinition readOne(Map<Object, Object> node) {
        WorkflowDocument document = read(workflow("w", node));
        assertThat(errors(document)).as(Fixtures.describe(document.problems())).isEmpty();
        return single(document).nodes().get(0);
    }

    // ---- ids -----------------------------------------------------------------------------

    @Test
    void nodeWithoutIdIsAnErrorAtTheNode() {
        WorkflowDocument document = read(workflow("w",
                map("id", "a"),
                at(8, 9, map("type", "agent", "name", "Nameless", "goal", "x"))));

        Problem problem = only(document, "node without 'id'");
        assertThat(problem.isError()).isTrue();
        assertThat(problem.message()).contains("(named 'Nameless')");
        assertThat(problem.workflow()).isEqualTo("w");
        assertThat(problem.node()).isNull();
        assertThat(problem.path()).isEqualTo("workflows.w.nodes[1]");
        assertThat(problem.line()).isEqualTo(8);
        assertThat(problem.column()).isEqualTo(9);
        assertThat(document.workflows()).isEmpty();
    }

    @Test
    void nodeThatIsNotAMappingIsAnError() {
        WorkflowDocument document = read(workflow("w", map("id", "a"), at(3, 9, "b")));

        Problem problem = only(document, "a node must be a mapping");
        assertThat(problem.isError()).isTrue();
        assertThat(problem.message()).contains("not text");
        assertThat(problem.line()).isEqualTo(3);
    }

    @Test
    void scalarIdsAreConvertedWithAWarning() {
        WorkflowDocument document = read(workflow("w", map("id", at(4, 13, 42), "next", list()),
                map("id", true, "next", list())));

        WorkflowDefinition workflow = document.workflows().get(0);
        assertThat(workflow.nodes()).extracting(NodeDefinition::id).containsExactly("42", "true");
        Problem problem = only(document, "is read as the text '42'");
        assertThat(problem.severity()).isEqualTo(Severity.WARNING);
        assertThat(problem.node()).isEqualTo("42");
        assertThat(problem.line()).isEqualTo(4);
        assertThat(only(document, "is read as the text 'true'").severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void nonScalarOrEmptyIdsAreErrors() {
        WorkflowDocument document = read(workflow("w", map("id", map("x", 1)), map("id", "  ")));

        assertThat(only(document, "node 'id' must be text, not a mapping").isError()).isTrue();
        assertThat(only(document, "node 'id' is empty").isError()).isTrue();
    }

    @Test
    void duplicateIdsAreAnErrorThatNamesTheFirst() {
        WorkflowDocument document = read(workflow("w",
                at(3, 9, map("id", "a")),
                map("id", at(6, 13, "a"), "next", list())));

        Problem problem = only(document, "duplicate node id 'a'");
        assertThat(problem.isError()).isTrue();
        assertThat(problem.message()).contains("the node at line 3 has it too");
        assertThat(problem.node()).isEqualTo("a");
        assertThat(problem.path()).isEqualTo("workflows.w.nodes[1].id");
        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.column()).isEqualTo(13);
        assertThat(document.workflows()).isEmpty();
    }

    // ---- types ---------------------------------------------------------------------------

    @Test
    void typeDefaultsToAgentAndNameToId() {
        AgentNode agent = (AgentNode) readOne(map("id", "a"));

        assertThat(agent.type()).isEqualTo("agent");
        assertThat(agent.name()).isEqualTo("a");
    }

    @Test
    void unknownTypeListsTheValidOnesIncludingCustomTypes() {
        WorkflowDocument document = read(ReaderOptions.defaults().withCustomNodeType("webhook"),
                workflow("w", map("id", "a", "type", at(5, 15, "agnet"))));

        Problem problem = only(document, "unknown node type 'agnet'");
        assertThat(problem.isError()).isTrue();
        assertThat(problem.message()).contains("did you mean 'agent'?")
                .contains("valid types: agent, compute, condition, transform, parallel, hitl, team, webhook");
        assertThat(problem.node()).isEqualTo("a");
        assertThat(problem.line()).isEqualTo(5);
        assertThat(errors(document)).hasSize(1);
    }

    @Test
    void victorUnregisteredNodeTypeIsRejected() {
        // test_compiler_boundary: "native rejects an unregistered node type"
        WorkflowDocument document = read(workflow("w", map("id", "x", "type", "custom_unknown")));

        assertThat(only(document, "unknown node type 'custom_unknown'").isError()).isTrue();
    }

    @Test
    void nonTextTypeIsAnError() {
        WorkflowDocument document = read(workflow("w", map("id", "a", "type", list("agent"))));

        assertThat(only(document, "node 'type' must be one of").isError()).isTrue();
    }

    @Test
    void customNodeTypesKeepTheirFields() {
        WorkflowDocument document = read(ReaderOptions.defaults().withCustomNodeType("custom_plugin"),
                workflow("w", map("id", "c", "type", "custom_plugin", "name", "Custom", "url", "http://x",
                        "retries", 3, "output", "hook_result", "next", list())));

        CustomNode custom = (CustomNode) single(document).nodes().get(0);
        assertThat(document.problems()).isEmpty();
        assertThat(custom.type()).isEqualTo("custom_plugin");
        assertThat(custom.name()).isEqualTo("Custom");
        assertThat(custom.fields()).containsExactly(Map.entry("url", "http://x"), Map.entry("retries", 3));
        assertThat(custom.output()).isEqualTo("hook_result");
        assertThat(custom.extras()).isEmpty();
    }

    // ---- agent ---------------------------------------------------------------------------

    @Test
    void agentDefaults() {
        AgentNode agent = (AgentNode) readOne(map("id", "a", "type", "agent"));

        assertThat(agent.role()).isEqualTo("executor");
        assertThat(agent.goal()).isEmpty();
        assertThat(agent.tools()).isEmpty();
        assertThat(agent.forbiddenTools()).isEmpty();
        assertThat(agent.toolBudget()).isEqualTo(15);
        assertThat(agent.llmConfig()).isEmpty();
        assertThat(agent.inputMapping()).isEmpty();
        assertThat(agent.output()).isEqualTo("a");
        assertThat(agent.timeout()).isNull();
        assertThat(agent.profile()).isNull();
        assertThat(agent.extras()).isEmpty();
    }

    @Test
    void agentFields() {
        AgentNode agent = (AgentNode) readOne(map("id", "analyze", "type", "agent", "name", "Analyze",
                "role", "researcher", "goal", "Look at {{topic}}", "tools", list("read", "grep"),
                "allowed_tools", list("grep", "shell"), "forbidden_tools", list("write"), "tool_budget", 25,
                "llm_config", map("temperature", 0.3), "input_mapping", map("topic", "user_topic"),
                "output", "analysis", "timeout", 30, "profile", "analysis"));

        assertThat(agent.name()).isEqualTo("Analyze");
        assertThat(agent.role()).isEqualTo("researcher");
        assertThat(agent.goal()).isEqualTo("Look at {{topic}}");
        assertThat(agent.tools()).containsExactly("read", "grep", "shell");
        assertThat(agent.forbiddenTools()).containsExactly("write");
        assertThat(agent.toolBudget()).isEqualTo(25);
        assertThat(agent.llmConfig()).containsExactly(Map.entry("temperature", 0.3));
        assertThat(agent.inputMapping()).containsExactly(Map.entry("topic", "user_topic"));
        assertThat(agent.output()).isEqualTo("analysis");
        assertThat(agent.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(agent.profile()).isEqualTo("analysis");
    }

    @Test
    void allowedToolsAloneAreTheTools() {
        AgentNode agent = (AgentNode) readOne(map("id", "a", "allowed_tools", list("scaffold")));

        assertThat(agent.tools()).containsExactly("scaffold");
    }

    @Test
    void timeoutSecondsWinsOverTimeout() {
        AgentNode agent = (AgentNode) readOne(map("id", "a", "timeout_seconds", 45, "timeout", 30));

        assertThat(agent.timeout()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void wrongAgentValueTypesAreErrors() {
        WorkflowDocument document = read(workflow("w", map("id", "a",
                "tool_budget", at(4, 22, "lots"), "tools", "read", "llm_config", list(1),
                "input_mapping", map("x", map("deep", 1)), "timeout_seconds", at(6, 26, 0),
                "goal", map("text", "x"))));

        Problem budget = only(document, "'tool_budget' must be a whole number, not text");
        assertThat(budget.line()).isEqualTo(4);
        assertThat(budget.column()).isEqualTo(22);
        assertThat(budget.node()).isEqualTo("a");
        assertThat(budget.path()).isEqualTo("workflows.w.nodes[0].tool_budget");
        assertThat(only(document, "'llm_config' must be a mapping").isError()).isTrue();
        assertThat(only(document, "'input_mapping.x' must be a state key").isError()).isTrue();
        Problem timeout = only(document, "'timeout' must be a positive number of seconds, not 0");
        assertThat(timeout.path()).isEqualTo("workflows.w.nodes[0].timeout_seconds");
        assertThat(timeout.line()).isEqualTo(6);
        assertThat(only(document, "'goal' must be text").isError()).isTrue();
        assertThat(errors(document)).hasSize(5);
    }

    @Test
    void negativeToolBudgetIsAnError() {
        WorkflowDocument document = read(workflow("w", map("id", "a", "tool_budget", -1)));

        assertThat(only(document, "'tool_budget' must not be negative").isError()).isTrue();
    }

    // ---- compute -------------------------------------------------------------------------

    @Test
    void computeDefaults() {
        ComputeNode compute = (ComputeNode) readOne(map("id", "c", "type", "compute", "handler", "stats"));

        assertThat(compute.handler()).isEqualTo("stats");
        assertThat(compute.tools()).isEmpty();
        assertThat(compute.inputs()).isEmpty();
        assertThat(compute.output()).isEqualTo("c");
        assertThat(compute.constraints()).isEqualTo(Constraints.DEFAULT);
        assertThat(compute.timeout()).as("none of its own: default_node_timeout, else 60 s, when it runs").isNull();
        assertThat(compute.failFast()).isTrue();
    }

    @Test
    void computeFieldsKeepContextReferencesAsWritten() {
        ComputeNode compute = (ComputeNode) readOne(map("id", "run_tests", "type", "compute",
                "tools", list("shell"), "inputs", map("command", "$ctx.test_command", "coverage", true,
                        "symbol", "$state.symbol"),
                "output", "test_results", "timeout", 120, "fail_fast", false));

        assertThat(compute.handler()).isNull();
        assertThat(compute.tools()).containsExactly("shell");
        assertThat(compute.inputs()).containsExactly(Map.entry("command", "$ctx.test_command"),
                Map.entry("coverage", true), Map.entry("symbol", "$state.symbol"));
        assertThat(compute.output()).isEqualTo("test_results");
        assertThat(compute.timeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(compute.failFast()).isFalse();
    }

    @Test
    void inputMappingIsReadWhenInputsIsAbsentAndIgnoredOtherwise() {
        ComputeNode alone = (ComputeNode) readOne(map("id", "c", "type", "compute", "tools", list("t"),
                "input_mapping", map("a", "$ctx.a")));
        assertThat(alone.inputs()).containsExactly(Map.entry("a", "$ctx.a"));

        WorkflowDocument both = read(workflow("w", map("id", "c", "type", "compute", "tools", list("t"),
                "inputs", map("a", 1), "input_mapping", map("b", 2))));
        assertThat(((ComputeNode) single(both).nodes().get(0)).inputs()).containsExactly(Map.entry("a", 1));
        assertThat(only(both, "'input_mapping' is ignored because 'inputs' is set").severity())
                .isEqualTo(Severity.WARNING);
    }

    @Test
    void constraintsAsAMapIncludingFilesystemAllowed() {
        ComputeNode compute = (ComputeNode) readOne(map("id", "c", "type", "compute", "handler", "h",
                "constraints", map("llm_allowed", true, "network_allowed", false, "write_allowed", true,
                        "filesystem_allowed", false, "max_cost_tier", "medium", "max_tool_calls", 7,
                        "timeout", 300, "allowed_tools", list("read"), "blocked_tools", list("shell"))));

        assertThat(compute.constraints()).isEqualTo(new Constraints(true, false, true, false, "MEDIUM", 7,
                List.of("read"), List.of("shell")));
        assertThat(compute.timeout()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void constraintsTimeoutWinsOverTheNodeTimeout() {
        WorkflowDocument document = read(workflow("w", map("id", "c", "type", "compute", "handler", "h",
                "timeout", 10, "constraints", map("timeout", at(9, 20, 300)))));

        assertThat(((ComputeNode) single(document).nodes().get(0)).timeout()).isEqualTo(Duration.ofSeconds(300));
        Problem problem = only(document, "both 'timeout' and 'constraints.timeout' are set");
        assertThat(problem.severity()).isEqualTo(Severity.WARNING);
        assertThat(problem.line()).isEqualTo(9);
    }

    @Test
    void constraintsAsAListOfBlockedCapabilities() {
        ComputeNode llmOnly = (ComputeNode) readOne(map("id", "c", "type", "compute", "handler", "h",
                "constraints", list("llm")));
        assertThat(llmOnly.constraints()).isEqualTo(new Constraints(false, true, true, true, "FREE", 100,
                null, List.of()));

        ComputeNode all = (ComputeNode) readOne(map("id", "c", "type", "compute", "handler", "h",
                "constraints", list("LLM", "filesystem", "network", "write")));
        assertThat(all.constraints()).isEqualTo(new Constraints(false, false, false, false, "FREE", 100,
                null, List.of()));
    }

    @Test
    void constraintsNoneAllowsEverything() {
        ComputeNode text = (ComputeNode) readOne(map("id", "c", "type", "compute", "handler", "h",
                "constraints", "None"));
        ComputeNode listed = (ComputeNode) readOne(map("id", "c", "type", "compute", "handler", "h",
                "constraints", list("none")));

        assertThat(text.constraints()).isEqualTo(Constraints.NONE);
        assertThat(listed.constraints()).isEqualTo(Constraints.NONE);
    }

    @Test
    void invalidConstraintsAreErrorsThatListTheValidValues() {
        WorkflowDocument document = read(workflow("w",
                map("id", "a", "type", "compute", "handler", "h", "constraints", at(3, 22, "strict")),
                map("id", "b", "type", "compute", "handler", "h", "constraints", list("none", "llm")),
                map("id", "c", "type", "compute", "handler", "h", "constraints", list("llm", at(7, 30, "netwrk"))),
                map("id", "d", "type", "compute", "handler", "h", "constraints", 5),
                map("id", "e", "type", "compute", "handler", "h", "constraints", map("max_cost_tier", "gold",
                        "llm_allowed", "yes", "speed", "fast"))));

        Problem text = only(document, "invalid constraints 'strict'");
        assertThat(text.line()).isEqualTo(3);
        assertThat(text.message()).contains("llm, network, write, filesystem, none");
        assertThat(only(document, "constraint 'none' cannot be combined").node()).isEqualTo("b");
        Problem item = only(document, "invalid constraint 'netwrk'");
        assertThat(item.message()).contains("did you mean 'network'?");
        assertThat(item.path()).isEqualTo("workflows.w.nodes[2].constraints[1]");
        assertThat(item.line()).isEqualTo(7);
        assertThat(only(document, "'constraints' must be a mapping, a list of blocked capabilities").node())
                .isEqualTo("d");
        assertThat(only(document, "invalid max_cost_tier 'gold'").message()).contains("FREE, LOW, MEDIUM, HIGH");
        assertThat(only(document, "'llm_allowed' must be true or false").node()).isEqualTo("e");
        assertThat(only(document, "unknown key 'speed' in constraints").severity()).isEqualTo(Severity.WARNING);
        assertThat(errors(document)).hasSize(6);
    }

    @Test
    void wrongComputeValueTypesAreErrors() {
        WorkflowDocument document = read(workflow("w", map("id", "c", "type", "compute", "handler", "h",
                "fail_fast", "no", "inputs", list("a"), "timeout", -5)));

        assertThat(only(document, "'fail_fast' must be true or false").isError()).isTrue();
        assertThat(only(document, "'inputs' must be a mapping").isError()).isTrue();
        assertThat(only(document, "'timeout' must be a positive number of seconds, not -5").isError()).isTrue();
    }

    // ---- hitl ----------------------------------------------------------------------------

    @Test
    void hitlDefaults() {
        HitlNode hitl = (HitlNode) readOne(map("id", "h", "type", "hitl"));

        assertThat(hitl.hitlType()).isEqualTo(HitlType.APPROVAL);
        assertThat(hitl.prompt()).isEmpty();
        assertThat(hitl.choices()).isEmpty();
        assertThat(hitl.contextKeys()).isEmpty();
        assertThat(hitl.defaultValue()).isNull();
        assertThat(hitl.timeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(hitl.fallback()).isEqualTo(HitlFallback.ABORT);
        assertThat(hitl.output()).isEqualTo("h");
    }

    @Test
    void hitlFields() {
        HitlNode hitl = (HitlNode) readOne(map("id", "review_plan", "type", "hitl", "hitl_type", "choice",
                "prompt", "Plan: {plan}", "choices", list("Approve", "Modify plan", "Cancel"),
                "context_keys", list("plan"), "default_value", "Approve", "timeout", 900,
                "fallback", "continue", "output", "plan_approval"));

        assertThat(hitl.hitlType()).isEqualTo(HitlType.CHOICE);
        assertThat(hitl.prompt()).isEqualTo("Plan: {plan}");
        assertThat(hitl.choices()).containsExactly("Approve", "Modify plan", "Cancel");
        assertThat(hitl.contextKeys()).containsExactly("plan");
        assertThat(hitl.defaultValue()).isEqualTo("Approve");
        assertThat(hitl.timeout()).isEqualTo(Duration.ofSeconds(900));
        assertThat(hitl.fallback()).isEqualTo(HitlFallback.CONTINUE);
        assertThat(hitl.output()).isEqualTo("plan_approval");
    }

    @Test
    void hitlOptionsAreChoices() {
        HitlNode hitl = (HitlNode) readOne(map("id", "h", "type", "hitl", "options", list("yes", "no")));

        assertThat(hitl.choices()).containsExactly("yes", "no");
    }

    @Test
    void invalidHitlTypeAndFallbackListTheValidValues() {
        WorkflowDocument document = read(workflow("w", map("id", "h", "type", "hitl",
                "hitl_type", at(4, 20, "aproval"), "fallback", "use_defaults")));

        Problem type = only(document, "invalid hitl_type 'aproval'");
        assertThat(type.isError()).isTrue();
        assertThat(type.message()).contains("valid values: approval, review, choice, input, confirmation")
                .contains("did you mean 'approval'?");
        assertThat(type.node()).isEqualTo("h");
        assertThat(type.line()).isEqualTo(4);
        assertThat(only(document, "invalid fallback 'use_defaults'").message())
                .contains("valid values: abort, continue, skip, retry");
    }

    // ---- parallel ------------------------------------------------------------------------

    @Test
    void invalidJoinStrategyListsTheValidValues() {
        WorkflowDocument document = read(workflow("w",
                map("id", "p", "type", "parallel", "parallel_nodes", list("a"), "join_strategy", "majority"),
                map("id", "a", "next", list())));

        assertThat(only(document, "invalid join_strategy 'majority'").message())
                .contains("valid values: all, any, first, merge");
    }

    @Test
    void parallelFields() {
        WorkflowDocument document = read(workflow("w",
                map("id", "p", "type", "parallel", "parallel_nodes", list("a", "b"), "join_strategy", "first",
                        "timeout", 30, "next", list("done")),
                map("id", "a"), map("id", "b"), map("id", "done")));

        ParallelNode parallel = (ParallelNode) node(single(document), "p");
        assertThat(parallel.children()).containsExactly("a", "b");
        assertThat(parallel.joinStrategy()).isEqualTo(JoinStrategy.FIRST);
        assertThat(parallel.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(parallel.next()).containsExactly("done");
        assertThat(errors(document)).isEmpty();
    }

    // ---- team ----------------------------------------------------------------------------

    @Test
    void teamFieldsAndMembers() {
        TeamNode team = (TeamNode) readOne(map("id", "small_team", "type", "team", "name", "Small Team",
                "goal", "Implement {{user_task}}", "team_formation", "pipeline", "timeout_seconds", 300,
                "merge_strategy", "list", "output_key", "team_out", "continue_on_error", false,
                "max_iterations", 30, "total_tool_budget", 50,
                "members", list(
                        map("id", "researcher", "role", "researcher", "name", "Code Researcher", "goal", "Research",
                                "tool_budget", 15, "tools", list("read", "grep"), "backstory", "Experienced",
                                "expertise", list("architecture"), "personality", "methodical"),
                        map("id", "implementer"))));

        assertThat(team.goal()).isEqualTo("Implement {{user_task}}");
        assertThat(team.formation()).isEqualTo(TeamFormation.PIPELINE);
        assertThat(team.timeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(team.mergeStrategy()).isEqualTo("list");
        assertThat(team.outputKey()).isEqualTo("team_out");
        assertThat(team.continueOnError()).isFalse();
        assertThat(team.maxIterations()).isEqualTo(30);
        assertThat(team.totalToolBudget()).isEqualTo(50);
        assertThat(team.members()).containsExactly(
                new TeamMember("researcher", "researcher", "Code Researcher", "Research", 15, List.of("read", "grep"),
                        Map.of("backstory", "Experienced", "expertise", List.of("architecture"),
                                "personality", "methodical")),
                new TeamMember("implementer", "executor", "implementer", "", 15, List.of(), Map.of()));
    }

    @Test
    void teamDefaults() {
        TeamNode team = (TeamNode) readOne(map("id", "t", "type", "team", "members", list(map("id", "m"))));

        assertThat(team.goal()).isEmpty();
        assertThat(team.formation()).isEqualTo(TeamFormation.SEQUENTIAL);
        assertThat(team.mergeStrategy()).isEqualTo("dict");
        assertThat(team.outputKey()).isEqualTo("team_result");
        assertThat(team.continueOnError()).isTrue();
        assertThat(team.maxIterations()).isEqualTo(50);
        assertThat(team.totalToolBudget()).isEqualTo(100);
        assertThat(team.timeout()).isNull();
    }

    @Test
    void teamWithoutMembersIsAnError() {
        WorkflowDocument document = read(workflow("w",
                map("id", "t", "type", "team", "goal", "x"),
                map("id", "u", "type", "team", at(5, 9, "members"), list())));

        assertThat(errors(document)).extracting(Problem::node).containsExactly("t", "u");
        Problem problem = only(document, "team node 'u' has no members");
        assertThat(problem.path()).isEqualTo("workflows.w.nodes[1].members");
    }

    @Test
    void invalidTeamValuesAreErrors() {
        WorkflowDocument document = read(workflow("w", map("id", "t", "type", "team",
                "team_formation", "swarm", "max_iterations", 0,
                "members", list(map("role", "x"), map("id", "m", "skills", list("a")), map("id", "m"), "oops"))));

        assertThat(only(document, "invalid team_formation 'swarm'").message())
                .contains("sequential, parallel, hierarchical, pipeline, consensus");
        assertThat(only(document, "'max_iterations' must be at least 1, not 0").isError()).isTrue();
        assertThat(only(document, "team member 0 has no 'id'").isError()).isTrue();
        assertThat(only(document, "team member id 'm' is used twice").isError()).isTrue();
        assertThat(only(document, "a team member must be a mapping").isError()).isTrue();
        assertThat(only(document, "unknown key 'skills' on team member 'm'").severity()).isEqualTo(Severity.WARNING);
        assertThat(errors(document)).hasSize(5);
    }

    // ---- unknown keys --------------------------------------------------------------------

    @Test
    void unknownNodeKeysAreKeptInExtrasWithAWarning() {
        WorkflowDocument document = read(workflow("w", map("id", "a", "type", "agent",
                at(3, 9, "instructions"), "Use the scaffold tool", "disable_embeddings", true,
                "tool_budjet", 10, "next", list())));

        AgentNode agent = (AgentNode) single(document).nodes().get(0);
        assertThat(agent.extras()).containsExactly(Map.entry("instructions", "Use the scaffold tool"),
                Map.entry("disable_embeddings", true), Map.entry("tool_budjet", 10));
        Problem problem = only(document, "unknown key 'instructions' on an agent node");
        assertThat(problem.severity()).isEqualTo(Severity.WARNING);
        assertThat(problem.node()).isEqualTo("a");
        assertThat(problem.path()).isEqualTo("workflows.w.nodes[0].instructions");
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.column()).isEqualTo(9);
        assertThat(only(document, "unknown key 'tool_budjet'").message()).contains("did you mean 'tool_budget'?");
        assertThat(warnings(document)).hasSize(3);
    }

    @Test
    void unknownNodeKeysAreErrorsInStrictMode() {
        WorkflowDocument document = read(ReaderOptions.defaults().withStrict(true),
                workflow("w", map("id", "a", "instructions", "x", "next", list())));

        assertThat(only(document, "unknown key 'instructions'").isError()).isTrue();
        assertThat(document.workflows()).isEmpty();
    }

    @Test
    void refNodesAreNotSupported() {
        WorkflowDocument document = read(workflow("w", map("id", "a"),
                map(at(4, 9, "$ref"), "./common/hitl_gates.yaml#approval_gate")));

        Problem problem = only(document, "'$ref' node references are not supported");
        assertThat(problem.isError()).isTrue();
        assertThat(problem.line()).isEqualTo(4);
    }
}
