package dev.victor.workflow.engine.internal;

import dev.victor.workflow.api.Problem;

import dev.victor.workflow.engine.EngineOptions;
import dev.victor.workflow.expr.Expression;
import dev.victor.workflow.engine.DryRunServices;
import dev.victor.workflow.expr.Placeholder;
import dev.victor.workflow.expr.PyValues;
import dev.victor.workflow.model.AgentNode;
import dev.victor.workflow.model.ComputeNode;
import dev.victor.workflow.model.ConditionNode;
import dev.victor.workflow.model.Constraints;
import dev.victor.workflow.model.CustomNode;
import dev.victor.workflow.model.HitlNode;
import dev.victor.workflow.model.Limits;
import dev.victor.workflow.model.NodeDefinition;
import dev.victor.workflow.model.ParallelNode;
import dev.victor.workflow.model.TeamMember;
import dev.victor.workflow.model.TeamNode;
import dev.victor.workflow.model.TransformNode;
import dev.victor.workflow.model.WorkflowDefinition;
import dev.victor.workflow.spi.ConditionFunction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Turns a workflow definition's nodes into node specs for the assembler, one node type at a time. */
public final class DefinitionTranslator {
    private final WorkflowDefinition definition;
    private final GraphAssembler assembler;
    private final Duration defaultNodeTimeout;

    private DefinitionTranslator(WorkflowDefinition definition, EngineOptions options) {
        this.definition = definition;
        this.assembler = new GraphAssembler(definition.name(), definition.source(), options);
        Limits limits = definition.limits() == null ? Limits.NONE : definition.limits();
        this.defaultNodeTimeout = limits.defaultNodeTimeout();
        assembler.limits(limits.maxIterations(), limits.timeout(), limits.maxRetries() == null ? 0 : limits.maxRetries());
        assembler.iterationCounting(limits.iterationCounting());
        assembler.entry(definition.startNode() != null ? definition.startNode()
                : definition.nodes().isEmpty() ? null : definition.nodes().get(0).id());
    }

    public static EngineGraph compile(WorkflowDefinition definition, EngineOptions options) {
        return compile(definition, List.of(), options);
    }

    /** Compiles, keeping the warnings the reader found with the graph. */
    public static EngineGraph compile(WorkflowDefinition definition, List<Problem> readerWarnings,
                                      EngineOptions options) {
        return compile(definition, readerWarnings, null, options);
    }

    /** Compiles, keeping the reader's warnings and the definition's fingerprint with the graph. */
    public static EngineGraph compile(WorkflowDefinition definition, List<Problem> readerWarnings,
                                      String fingerprint, EngineOptions options) {
        Objects.requireNonNull(definition, "definition");
        DefinitionTranslator translator = new DefinitionTranslator(definition, options);
        translator.assembler.fingerprint(fingerprint);
        translator.assembler.addWarnings(readerWarnings);
        for (NodeDefinition node : definition.nodes()) {
            translator.assembler.add(translator.translate(node));
        }
        return translator.assembler.build();
    }

    private NodeSpec translate(NodeDefinition node) {
        NodeSpec spec = new NodeSpec(node.id(), node.name(), node.type(), node.position());
        List<String> next = node.next() == null ? List.of() : node.next();
        if (!(node instanceof ConditionNode)) {
            if (next.size() > 1) {
                assembler.warning(spec, "node '" + node.id() + "' has " + next.size()
                        + " successors; only the first runs (use a parallel node to fan out)");
            }
            spec.next = next.isEmpty() ? null : next.get(0);
            spec.nextWritten = !node.chained();
        }
        if (node instanceof AgentNode agent) {
            agent(spec, agent);
        } else if (node instanceof ComputeNode compute) {
            compute(spec, compute);
        } else if (node instanceof ConditionNode condition) {
            condition(spec, condition);
        } else if (node instanceof TransformNode transform) {
            transform(spec, transform);
        } else if (node instanceof ParallelNode parallel) {
            GraphAssembler.parallel(spec, parallel.children() == null ? List.of() : parallel.children(),
                    parallel.joinStrategy(), nodeTimeout(parallel.timeout()));
        } else if (node instanceof HitlNode hitl) {
            hitl(spec, hitl);
        } else if (node instanceof TeamNode team) {
            team(spec, team);
        } else if (node instanceof CustomNode custom) {
            custom(spec, custom);
        }
        if (node.extras() != null && !node.extras().isEmpty()) {
            spec.attributes.put("extras", Frozen.freeze(node.extras()));
        }
        return spec;
    }

    private Duration nodeTimeout(Duration own) {
        return own != null ? own : defaultNodeTimeout;
    }

    private static String output(String output, String id) {
        return output == null || output.isEmpty() ? id : output;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> frozenList(List<T> list) {
        return list == null ? List.of() : (List<T>) Frozen.freeze(list);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> frozenMap(Map<String, ?> map) {
        return map == null ? Map.of() : (Map<String, Object>) (Map<?, ?>) Frozen.freezeMap(map);
    }

    private void agent(NodeSpec spec, AgentNode agent) {
        String role = agent.role() == null || agent.role().isEmpty() ? AgentNode.DEFAULT_ROLE : agent.role();
        Map<String, String[]> mapping = new LinkedHashMap<>();
        if (agent.inputMapping() != null) {
            agent.inputMapping().forEach((alias, key) -> {
                if (key != null) {
                    String[] reference = Paths.reference(key);
                    mapping.put(alias, reference != null ? reference : Paths.split(key));
                }
            });
        }
        String output = output(agent.output(), agent.id());
        spec.body = new AgentBody(definition.name(), agent.id(), role, Template.parse(agent.goal()),
                frozenList(agent.tools()), agent.toolBudget(), frozenMap(agent.llmConfig()), mapping, output,
                nodeTimeout(agent.timeout()), agent.profile());
        spec.retryable = true;
        spec.attributes.put("role", role);
        spec.attributes.put("goal", agent.goal() == null ? "" : agent.goal());
        if (agent.tools() != null && !agent.tools().isEmpty()) {
            spec.attributes.put("tools", frozenList(agent.tools()));
        }
        spec.attributes.put("output", output);
        if (agent.profile() != null) {
            spec.attributes.put("profile", agent.profile());
        }
    }

    private void compute(NodeSpec spec, ComputeNode compute) {
        String output = output(compute.output(), compute.id());
        Map<String, Object> settings = new LinkedHashMap<>();
        if (compute.handler() != null) {
            settings.put("handler", compute.handler());
        }
        settings.put("tools", frozenList(compute.tools()));
        settings.put("inputs", compute.inputs() == null ? Map.of() : compute.inputs());
        settings.put("output", output);
        Duration timeout = compute.timeout() != null ? compute.timeout()
                : defaultNodeTimeout != null ? defaultNodeTimeout : ComputeNode.DEFAULT_TIMEOUT;
        if (timeout != null) {
            settings.put("timeout_seconds", timeout.toMillis() / 1000.0);
        }
        settings.put("fail_fast", compute.failFast());
        if (compute.extras() != null) {
            compute.extras().forEach(settings::putIfAbsent);
        }
        spec.body = new ComputeBody(definition.name(), compute.id(), compute.handler(), frozenList(compute.tools()),
                Paths.resolver(compute.inputs() == null ? Map.of() : compute.inputs()), output, compute.constraints(),
                timeout, compute.failFast(), frozenMap(settings));
        spec.retryable = true;
        if (compute.handler() != null) {
            spec.attributes.put("handler", compute.handler());
        } else if (compute.tools() != null && !compute.tools().isEmpty()) {
            spec.attributes.put("tools", frozenList(compute.tools()));
        }
        spec.attributes.put("output", output);
        Constraints constraints = compute.constraints();
        if (constraints != null && !constraints.blockedTools().isEmpty()) {
            spec.attributes.put("blocked_tools", frozenList(constraints.blockedTools()));
        }
    }

    private void condition(NodeSpec spec, ConditionNode condition) {
        String text = condition.condition() == null ? "" : condition.condition();
        String trimmed = text.trim();
        Expression expression = condition.expression();
        String what = "condition '" + condition.id() + "'";
        Duration timeout = defaultNodeTimeout;
        spec.labels = (state, run) -> {
            Optional<ConditionFunction> function = run.services.condition(trimmed);
            if (function.isPresent()) {
                Object value = function.get().evaluate(state);
                if (value instanceof Placeholder placeholder) {
                    return placeholder;
                }
                return new Route.Label(value instanceof Boolean flag ? (flag ? "true" : "false") : PyValues.str(value));
            }
            if (expression == null) {
                throw NodeFailure.permanent(what + ": no condition function '" + trimmed
                        + "' is installed and the text is not an expression", "not_installed");
            }
            Functions dryRun = run.services instanceof DryRunServices ? new Functions(run.services) : null;
            Object value;
            try {
                value = expression.evaluate(state, dryRun != null ? dryRun : run.functions,
                        EvaluationDeadline.of(run, timeout, what));
            } catch (EvaluationDeadline.Overrun overrun) {
                throw overrun.failure;
            }
            if (value instanceof Placeholder || dryRun == null) {
                return value;
            }
            Placeholder unknown = dryRun.unknown();
            return unknown != null ? unknown : value;
        };
        spec.routeWhat = what;
        spec.branches = new LinkedHashMap<>(condition.branches() == null ? Map.of() : condition.branches());
        spec.defaultTarget = condition.defaultTarget();
        spec.attributes.put("condition", text);
    }

    private void transform(NodeSpec spec, TransformNode transform) {
        if (transform.functionName() == null && transform.program() == null) {
            assembler.warning(spec, "transform node '" + transform.id() + "' has nothing to run; it writes nothing");
            spec.body = scope -> { };
        } else {
            spec.body = new TransformBody(transform.id(), transform.functionName(), transform.program(),
                    defaultNodeTimeout);
        }
        spec.attributes.put("transform", transform.transform() == null ? "" : transform.transform());
    }

    private void hitl(NodeSpec spec, HitlNode hitl) {
        String type = hitl.hitlType() == null ? "approval" : hitl.hitlType().name().toLowerCase(Locale.ROOT);
        String output = output(hitl.output(), hitl.id());
        spec.hitl = new HitlBody(hitl.id(), type, Template.parse(hitl.prompt()), frozenList(hitl.choices()),
                hitl.contextKeys() == null ? List.of() : List.copyOf(hitl.contextKeys()),
                Frozen.freeze(hitl.defaultValue()), hitl.timeout(), hitl.fallback(), output);
        spec.attributes.put("hitl_type", type);
        spec.attributes.put("prompt", hitl.prompt() == null ? "" : hitl.prompt());
        spec.attributes.put("fallback", spec.hitl.fallback.name().toLowerCase(Locale.ROOT));
        spec.attributes.put("output", output);
    }

    private void team(NodeSpec spec, TeamNode team) {
        List<TeamBody.Member> members = new ArrayList<>();
        List<String> memberIds = new ArrayList<>();
        if (team.members() != null) {
            for (TeamMember member : team.members()) {
                String role = member.role() == null || member.role().isEmpty() ? AgentNode.DEFAULT_ROLE : member.role();
                boolean manager = member.extras() != null && Boolean.TRUE.equals(member.extras().get("is_manager"));
                LinkedHashMap<String, Object> llmConfig = new LinkedHashMap<>(team.llmConfig());
                llmConfig.putAll(member.llmConfig());
                members.add(new TeamBody.Member(member.id(), role, Template.parse(member.goal()),
                        frozenList(member.tools()), member.toolBudget(), manager, frozenMap(llmConfig)));
                memberIds.add(member.id());
            }
        }
        if (members.isEmpty()) {
            assembler.warning(spec, "team node '" + team.id() + "' has no members");
        }
        String outputKey = team.outputKey() == null || team.outputKey().isEmpty() ? "team_result" : team.outputKey();
        spec.body = new TeamBody(definition.name(), team.id(), Template.parse(team.goal()), team.formation(), members,
                outputKey, team.continueOnError(), nodeTimeout(team.timeout()));
        spec.attributes.put("formation", team.formation() == null ? "sequential"
                : team.formation().name().toLowerCase(Locale.ROOT));
        spec.attributes.put("members", List.copyOf(memberIds));
        spec.attributes.put("output", outputKey);
    }

    private void custom(NodeSpec spec, CustomNode custom) {
        Map<String, Object> fields = custom.fields() == null ? Map.of() : custom.fields();
        Object inputs = fields.get("inputs");
        String output = output(custom.output(), custom.id());
        spec.body = new CustomBody(definition.name(), custom.id(), custom.type(),
                Paths.resolver(inputs instanceof Map<?, ?> ? inputs : Map.of()), frozenMap(fields), output,
                defaultNodeTimeout);
        spec.retryable = true;
        spec.attributes.put("output", output);
    }
}
