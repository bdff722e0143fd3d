package dev.victor.workflow.model.internal;

import dev.victor.workflow.api.Severity;
import dev.victor.workflow.expr.Expression;
import dev.victor.workflow.expr.ExpressionSyntaxException;
import dev.victor.workflow.expr.TransformProgram;
import dev.victor.workflow.model.AgentNode;
import dev.victor.workflow.model.ComputeNode;
import dev.victor.workflow.model.ConditionNode;
import dev.victor.workflow.model.CustomNode;
import dev.victor.workflow.model.HitlFallback;
import dev.victor.workflow.model.HitlNode;
import dev.victor.workflow.model.HitlType;
import dev.victor.workflow.model.JoinStrategy;
import dev.victor.workflow.model.ParallelNode;
import dev.victor.workflow.model.ReaderOptions;
import dev.victor.workflow.format.SourcePosition;
import dev.victor.workflow.model.TeamFormation;
import dev.victor.workflow.model.TeamMember;
import dev.victor.workflow.model.TeamNode;
import dev.victor.workflow.model.TransformNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one node mapping (and, for a parallel node, its inline children) into a {@link NodeDraft}. */
final class NodeReader {
    static final List<String> BUILT_IN_TYPES =
            List.of("agent", "compute", "condition", "transform", "parallel", "hitl", "team");
    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static final List<String> COMMON = List.of("id", "type", "name", "next");
    private static final Map<String, Set<String>> KNOWN = Map.of(
            "agent", keys("role", "goal", "tools", "allowed_tools", "forbidden_tools", "tool_budget", "llm_config",
                    "input_mapping", "output", "timeout", "timeout_seconds", "profile"),
            "compute", keys("handler", "tools", "inputs", "input_mapping", "output", "constraints", "timeout",
                    "fail_fast"),
            "condition", keys("condition", "branches", "default"),
            "transform", keys("transform"),
            "parallel", keys("parallel_nodes", "nodes", "join_strategy", "timeout"),
            "hitl", keys("hitl_type", "prompt", "choices", "options", "context_keys", "default_value", "timeout",
                    "fallback", "output"),
            "team", keys("goal", "team_formation", "members", "merge_strategy", "output_key", "continue_on_error",
                    "max_iterations", "total_tool_budget", "timeout", "timeout_seconds", "llm_config"));
    private static final Set<String> MEMBER_KEYS = Set.of("id", "role", "name", "goal", "tool_budget", "tools",
            "allowed_tools", "llm_config");
    /** Keys Victor's team members carry for the agent runtime; kept in the member's extras without a warning. */
    private static final Set<String> MEMBER_PERSONA_KEYS = Set.of("agent_category", "can_delegate",
            "delegation_targets", "is_manager", "backstory", "expertise", "personality");

    private final Scope scope;
    private final ReaderOptions options;

    NodeReader(Scope scope, ReaderOptions options) {
        this.scope = scope;
        this.options = options;
    }

    private static Set<String> keys(String... keys) {
        Set<String> set = new LinkedHashSet<>(COMMON);
        set.addAll(List.of(keys));
        return Set.copyOf(set);
    }

    /** The built-in types and then the custom ones, for messages. */
    List<String> validTypes() {
        List<String> types = new ArrayList<>(BUILT_IN_TYPES);
        for (String custom : options.customNodeTypes()) {
            if (!types.contains(custom)) {
                types.add(custom);
            }
        }
        return types;
    }

    /**
     * Reads the node at {@code path}, appends its draft to {@code out} (then, for a parallel node,
     * the drafts of its inline children), and returns the draft; {@code null} when the item is
     * not a node at all.
     */
    NodeDraft read(Object item, List<Object> path, List<NodeDraft> out) {
        if (!(item instanceof Map<?, ?> map)) {
            scope.error(path, null, "a node must be a mapping with at least an 'id', not " + Values.describe(item));
            return null;
        }
        Map<String, Object> raw = Fields.textKeys(map);
        NodeDraft draft = new NodeDraft(path, raw);
        if (raw.containsKey("$ref")) {
            Object id = raw.get("id");
            scope.errorAtKey(Paths.append(path, "$ref"), Values.isScalar(id) ? Values.scalarText(id) : null,
                    "'$ref' node references are not supported; write the node out here");
            return null;
        }
        out.add(draft);
        Fields fields = new Fields(scope, draft, raw, path);
        readId(draft);
        readType(draft);
        draft.name = fields.text("name", draft.id);
        readNext(draft);

        Map<String, Object> extras = new LinkedHashMap<>();
        Set<String> known = KNOWN.get(draft.type);
        if (known != null && !draft.reported.contains("type")) {
            for (Map.Entry<String, Object> entry : raw.entrySet()) {
                if (!known.contains(entry.getKey())) {
                    scope.unknownKey(Paths.append(path, entry.getKey()), draft.id, "unknown key '" + entry.getKey()
                            + "' on " + article(draft.type) + " node (kept, not used)"
                            + Suggest.didYouMean(entry.getKey(), known));
                    extras.put(entry.getKey(), Values.freeze(entry.getValue()));
                }
            }
        }
        Map<String, Object> frozenExtras = Values.map(extras);
        SourcePosition position = scope.position(path);

        if (draft.reported.contains("type") || !KNOWN.containsKey(draft.type)) {
            readCustom(draft, fields, position);
            return draft;
        }
        switch (draft.type) {
            case "agent" -> readAgent(draft, fields, frozenExtras, position);
            case "compute" -> readCompute(draft, fields, frozenExtras, position);
            case "condition" -> readCondition(draft, fields, frozenExtras, position);
            case "transform" -> readTransform(draft, fields, frozenExtras, position);
            case "parallel" -> readParallel(draft, fields, frozenExtras, position, out);
            case "hitl" -> readHitl(draft, fields, frozenExtras, position);
            case "team" -> readTeam(draft, fields, frozenExtras, position);
            default -> throw new IllegalStateException(draft.type);
        }
        return draft;
    }

    private static String article(String type) {
        return ("agent".equals(type) ? "an " : "a ") + type;
    }

    private void readId(NodeDraft draft) {
        Object id = draft.raw.get("id");
        List<Object> idPath = Paths.append(draft.path, "id");
        if (id == null) {
            draft.reported.add("id");
            Object name = draft.raw.get("name");
            scope.error(draft.raw.containsKey("id") ? idPath : draft.path, null, "node without 'id'"
                    + (Values.isScalar(name) ? " (named '" + Values.scalarText(name) + "')" : "")
                    + "; every node needs a unique id");
        } else if (id instanceof String text) {
            if (text.isBlank()) {
                draft.reported.add("id");
                scope.error(idPath, null, "node 'id' is empty");
            } else {
                draft.id = text;
            }
        } else if (Values.isScalar(id)) {
            draft.id = Values.scalarText(id);
            scope.warning(idPath, draft.id, "id " + Values.describe(id) + " is read as the text '" + draft.id
                    + "'; quote it to say so");
        } else {
            draft.reported.add("id");
            scope.error(idPath, null, "node 'id' must be text, not " + Values.describe(id));
        }
    }

    private void readType(NodeDraft draft) {
        List<Object> typePath = Paths.append(draft.path, "type");
        if (!draft.raw.containsKey("type")) {
            draft.type = "agent";
            return;
        }
        Object type = draft.raw.get("type");
        List<String> valid = validTypes();
        if (!(type instanceof String text)) {
            draft.reported.add("type");
            draft.type = type == null ? "agent" : Values.isScalar(type) ? Values.scalarText(type) : "agent";
            scope.error(typePath, draft.id, "node 'type' must be one of " + String.join(", ", valid) + ", not "
                    + Values.describe(type));
            return;
        }
        draft.type = text;
        if (!BUILT_IN_TYPES.contains(text) && !options.customNodeTypes().contains(text)) {
            draft.reported.add("type");
            scope.error(typePath, draft.id, "unknown node type '" + text + "'" + Suggest.didYouMean(text, valid)
                    + "; valid types: " + String.join(", ", valid));
        }
    }

    private void readNext(NodeDraft draft) {
        if (!draft.raw.containsKey("next")) {
            return;
        }
        draft.hasNextKey = true;
        Object next = draft.raw.get("next");
        List<Object> nextPath = Paths.append(draft.path, "next");
        if (next == null) {
            return;
        }
        if (Values.isScalar(next)) {
            draft.writtenNext.add(Values.scalarText(next));
            draft.writtenNextPaths.add(nextPath);
        } else if (next instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Object target = list.get(i);
                if (Values.isScalar(target)) {
                    draft.writtenNext.add(Values.scalarText(target));
                    draft.writtenNextPaths.add(Paths.append(nextPath, i));
                } else {
                    draft.reported.add("next");
                    scope.error(Paths.append(nextPath, i), draft.id,
                            "'next' entries must be node ids, not " + Values.describe(target));
                }
            }
        } else {
            draft.reported.add("next");
            scope.error(nextPath, draft.id, "'next' must be a node id or a list of node ids, not "
                    + Values.describe(next));
        }
    }

    private void readCustom(NodeDraft draft, Fields fields, SourcePosition position) {
        Map<String, Object> kept = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : draft.raw.entrySet()) {
            if (!Set.of("id", "type", "name", "next", "output").contains(entry.getKey())) {
                kept.put(entry.getKey(), entry.getValue());
            }
        }
        Map<String, Object> frozen = Values.freezeMap(kept);
        String output = fields.text("output", draft.id);
        String type = draft.type;
        draft.builder = (next, chained, target) -> new CustomNode(draft.id, draft.name, type, Values.list(next),
                chained, frozen, output, Map.of(), position);
    }

    private void readAgent(NodeDraft draft, Fields fields, Map<String, Object> extras, SourcePosition position) {
        String role = fields.text("role", AgentNode.DEFAULT_ROLE);
        String goal = fields.text("goal", "");
        List<String> tools = union(fields.texts("tools"), fields.texts("allowed_tools"));
        List<String> forbidden = Values.list(fields.texts("forbidden_tools"));
        int budget = fields.whole("tool_budget", AgentNode.DEFAULT_TOOL_BUDGET);
        Map<String, Object> llmConfig = fields.map("llm_config");
        Map<String, String> inputMapping = Values.map(fields.textMap("input_mapping"));
        String output = fields.text("output", draft.id);
        Duration timeout = fields.seconds("timeout", null, "timeout_seconds", "timeout");
        String profile = fields.text("profile", null);
        draft.builder = (next, chained, target) -> new AgentNode(draft.id, draft.name, Values.list(next), chained,
                role, goal, tools, forbidden, budget, llmConfig, inputMapping, output, timeout, profile, extras,
                position);
    }

    private static List<String> union(List<String> first, List<String> second) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return Values.list(new ArrayList<>(all));
    }

    private void readCompute(NodeDraft draft, Fields fields, Map<String, Object> extras, SourcePosition position) {
        String handler = fields.text("handler", null);
        List<String> tools = Values.list(fields.texts("tools"));
        Map<String, Object> inputs;
        if (fields.has("inputs")) {
            inputs = fields.map("inputs");
            if (fields.has("input_mapping")) {
                scope.checkAtKey(fields.path("input_mapping"), draft.id,
                        "'input_mapping' is ignored because 'inputs' is set");
            }
        } else {
            inputs = fields.map("input_mapping");
            draft.fieldPaths.put("inputs", fields.path("input_mapping"));
        }
        String output = fields.text("output", draft.id);
        Duration nodeTimeout = fields.seconds("timeout", null, "timeout");
        ConstraintsReader.Read constraints = ConstraintsReader.read(scope, draft, fields);
        Duration timeout = nodeTimeout;
        if (constraints.timeout() != null) {
            if (nodeTimeout != null && !nodeTimeout.equals(constraints.timeout())) {
                scope.check(Paths.append(draft.path, "constraints", "timeout"), draft.id,
                        "both 'timeout' and 'constraints.timeout' are set; 'constraints.timeout' is used");
            }
            timeout = constraints.timeout();
            draft.fieldPaths.put("timeout", Paths.append(draft.path, "constraints", "timeout"));
        }
        boolean failFast = fields.bool("fail_fast", true);
        Duration finalTimeout = timeout;
        draft.builder = (next, chained, target) -> new ComputeNode(draft.id, draft.name, Values.list(next), chained,
                handler, tools, inputs, output, constraints.constraints(), finalTimeout, failFast, extras, position);
    }

    private void readCondition(NodeDraft draft, Fields fields, Map<String, Object> extras, SourcePosition position) {
        String condition = fields.text("condition", null);
        Expression expression = null;
        if (condition != null && !condition.isBlank()) {
            try {
                expression = Expression.parse(condition);
            } catch (ExpressionSyntaxException e) {
                syntaxError(draft, fields, "condition", condition, e);
            } catch (RuntimeException e) {
                draft.reported.add("condition");
                scope.error(fields.path("condition"), draft.id, "the condition could not be parsed: " + e);
            }
        }
        Map<String, String> branches = new LinkedHashMap<>();
        Object written = fields.get("branches");
        List<Object> branchesPath = fields.path("branches");
        if (written instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object key = entry.getKey();
                String label = Values.keyText(key);
                List<Object> labelPath = Paths.append(branchesPath, label);
                if (key == null) {
                    draft.reported.add("branches");
                    scope.errorAtKey(labelPath, draft.id, "a branch label is empty (null)");
                    continue;
                }
                if (key instanceof Boolean) {
                    scope.checkAtKey(labelPath, draft.id, "branch label " + label + " is a YAML boolean (unquoted"
                            + " true/false/yes/no/on/off); it is read here as \"" + label + "\", but Victor never"
                            + " matches it: quote it (\"" + label + "\":)");
                }
                if (branches.containsKey(label)) {
                    draft.reported.add("branches");
                    scope.errorAtKey(labelPath, draft.id, "branch label '" + label + "' is written twice");
                    continue;
                }
                Object target = entry.getValue();
                if (Values.isScalar(target)) {
                    branches.put(label, Values.scalarText(target));
                    draft.branchPaths.put(label, labelPath);
                } else {
                    draft.reported.add("branches");
                    scope.error(labelPath, draft.id, "branch '" + label + "' must name a node (or 'end'), not "
                            + Values.describe(target));
                }
            }
        } else if (written != null) {
            fields.fail("branches", "'branches' must be a mapping of labels to node ids, not "
                    + Values.describe(written));
        }
        String defaultTarget = null;
        Object nodeDefault = fields.get("default");
        if (nodeDefault != null) {
            defaultTarget = fields.text("default", null);
            draft.defaultPath = fields.path("default");
            String branchDefault = branches.get("default");
            if (defaultTarget != null && branchDefault != null && !branchDefault.equals(defaultTarget)) {
                scope.check(draft.defaultPath, draft.id, "the node's 'default' ('" + defaultTarget
                        + "') is used; the branch labelled 'default' ('" + branchDefault
                        + "') is taken only when the condition's value is the text \"default\"");
            }
        } else if (branches.containsKey("default")) {
            defaultTarget = branches.get("default");
            draft.defaultPath = draft.branchPaths.get("default");
        }
        Expression parsed = expression;
        String fallback = defaultTarget;
        draft.builder = (next, chained, target) -> {
            Map<String, String> resolved = new LinkedHashMap<>();
            branches.forEach((label, id) -> resolved.put(label, target.apply(id)));
            return new ConditionNode(draft.id, draft.name, List.of(), false, condition, parsed,
                    Values.map(resolved), fallback == null ? null : target.apply(fallback), extras, position);
        };
    }

    private void readTransform(NodeDraft draft, Fields fields, Map<String, Object> extras, SourcePosition position) {
        String text = fields.text("transform", null);
        String functionName = null;
        TransformProgram program = null;
        if (text != null && !text.isBlank()) {
            String trimmed = text.strip();
            if (IDENTIFIER.matcher(trimmed).matches()) {
                functionName = trimmed;
            } else {
                try {
                    program = TransformProgram.parse(text);
                } catch (ExpressionSyntaxException e) {
                    syntaxError(draft, fields, "transform", text, e);
                } catch (RuntimeException e) {
                    draft.reported.add("transform");
                    scope.error(fields.path("transform"), draft.id, "the transform could not be parsed: " + e);
                }
            }
        }
        String function = functionName;
        TransformProgram parsed = program;
        draft.builder = (next, chained, target) -> new TransformNode(draft.id, draft.name, Values.list(next), chained,
                text, function, parsed, extras, position);
    }

    private void syntaxError(NodeDraft draft, Fields fields, String field, String text, ExpressionSyntaxException e) {
        draft.reported.add(field);
        List<Object> path = fields.path(field);
        SourcePosition start = scope.position(path);
        int line = Math.max(1, e.line());
        int column = Math.max(1, e.column());
        SourcePosition at = start.isKnown()
                ? new SourcePosition(start.line() + line - 1, Math.max(1, start.column()) + column - 1)
                : SourcePosition.UNKNOWN;
        String shown = text.strip().contains("\n") ? "" : " '" + text.strip() + "'";
        scope.add(Severity.ERROR, Site.of(path, at), draft.id, "syntax error in " + field + shown
                + ": " + e.detail() + " (line " + line + ", column " + column + " of the " + field + ")");
    }

    private void readParallel(NodeDraft draft, Fields fields, Map<String, Object> extras, SourcePosition position,
                              List<NodeDraft> out) {
        Object listed = fields.get("parallel_nodes");
        List<Object> listedPath = fields.path("parallel_nodes");
        if (Values.isScalar(listed)) {
            draft.children.add(Values.scalarText(listed));
            draft.childPaths.add(listedPath);
        } else if (listed instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Object child = list.get(i);
                if (Values.isScalar(child)) {
                    draft.children.add(Values.scalarText(child));
                    draft.childPaths.add(Paths.append(listedPath, i));
                } else {
                    draft.reported.add("parallel_nodes");
                    scope.error(Paths.append(listedPath, i), draft.id,
                            "'parallel_nodes' entries must be node ids, not " + Values.describe(child));
                }
            }
        } else if (listed != null) {
            fields.fail("parallel_nodes", "'parallel_nodes' must be a list of node ids, not " + Values.describe(listed));
        }
        JoinStrategy join = fields.choice("join_strategy", JoinStrategy.values(), JoinStrategy.ALL);
        Duration timeout = fields.seconds("timeout", null, "timeout");
        Object inline = fields.get("nodes");
        if (inline instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                NodeDraft child = read(list.get(i), Paths.append(draft.path, "nodes", i), out);
                if (child != null && child.id != null) {
                    draft.children.add(child.id);
                    draft.childPaths.add(child.path);
                }
            }
        } else if (inline != null) {
            fields.fail("nodes", "inline 'nodes' of a parallel node must be a list of nodes, not "
                    + Values.describe(inline));
        }
        List<String> children = Values.list(draft.children);
        draft.builder = (next, chained, target) -> new ParallelNode(draft.id, draft.name, Values.list(next), chained,
                children, join, timeout, extras, position);
    }

    private void readHitl(NodeDraft draft, Fields fields, Map<String, Object> extras, SourcePosition position) {
        HitlType type = fields.choice("hitl_type", HitlType.values(), HitlType.APPROVAL);
        String prompt = fields.text("prompt", "");
        List<Object> choices;
        if (fields.present("choices")) {
            choices = choices(fields, "choices");
            if (fields.present("options")) {
                scope.checkAtKey(fields.path("options"), draft.id, "'options' is ignored because 'choices' is set");
            }
        } else {
            choices = choices(fields, "options");
            draft.fieldPaths.put("choices", fields.path("options"));
        }
        List<String> contextKeys = Values.list(fields.texts("context_keys"));
        Object defaultValue = Values.freeze(fields.get("default_value"));
        Duration timeout = fields.seconds("timeout", HitlNode.DEFAULT_TIMEOUT, "timeout");
        HitlFallback fallback = fields.choice("fallback", HitlFallback.values(), HitlFallback.ABORT);
        String output = fields.text("output", draft.id);
        draft.builder = (next, chained, target) -> new HitlNode(draft.id, draft.name, Values.list(next), chained,
                type, prompt, choices, contextKeys, defaultValue, timeout, fallback, output, extras, position);
    }

    @SuppressWarnings("unchecked")
    private List<Object> choices(Fields fields, String key) {
        Object value = fields.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?>) {
            return (List<Object>) Values.freeze(value);
        }
        if (Values.isScalar(value)) {
            return List.of(value);
        }
        fields.fail("choices", "'" + key + "' must be a list of choices, not " + Values.describe(value));
        return List.of();
    }

    private void readTeam(NodeDraft draft, Fields fields, Map<String, Object> extras, SourcePosition position) {
        String goal = fields.text("goal", "");
        TeamFormation formation = fields.choice("team_formation", TeamFormation.values(), TeamFormation.SEQUENTIAL);
        List<TeamMember> members = readMembers(draft, fields);
        String mergeStrategy = fields.text("merge_strategy", "dict");
        String outputKey = fields.text("output_key", "team_result");
        boolean continueOnError = fields.bool("continue_on_error", true);
        int maxIterations = fields.whole("max_iterations", 50);
        int totalToolBudget = fields.whole("total_tool_budget", 100);
        Duration timeout = fields.seconds("timeout", null, "timeout_seconds", "timeout");
        Map<String, Object> llmConfig = fields.map("llm_config");
        draft.builder = (next, chained, target) -> new TeamNode(draft.id, draft.name, Values.list(next), chained,
                goal, formation, members, mergeStrategy, outputKey, continueOnError, maxIterations, totalToolBudget,
                timeout, extras, position, llmConfig);
    }

    private List<TeamMember> readMembers(NodeDraft draft, Fields fields) {
        Object value = fields.get("members");
        List<TeamMember> members = new ArrayList<>();
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            fields.fail("members", "'members' must be a list of members, not " + Values.describe(value));
            return List.of();
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            List<Object> path = Paths.append(fields.path("members"), i);
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                draft.reported.add("members");
                scope.error(path, draft.id, "a team member must be a mapping, not " + Values.describe(list.get(i)));
                continue;
            }
            Map<String, Object> raw = Fields.textKeys(map);
            Fields member = new Fields(scope, draft, raw, path);
            String id = member.text("id", null);
            if (id == null || id.isBlank()) {
                draft.reported.add("members");
                scope.error(path, draft.id, "team member " + i + " has no 'id'");
                continue;
            }
            if (!ids.add(id)) {
                draft.reported.add("members");
                scope.error(Paths.append(path, "id"), draft.id, "team member id '" + id + "' is used twice");
            }
            Map<String, Object> memberExtras = new LinkedHashMap<>();
            for (Map.Entry<String, Object> entry : raw.entrySet()) {
                String key = entry.getKey();
                if (MEMBER_KEYS.contains(key)) {
                    continue;
                }
                if (!MEMBER_PERSONA_KEYS.contains(key)) {
                    Set<String> known = new LinkedHashSet<>(MEMBER_KEYS);
                    known.addAll(MEMBER_PERSONA_KEYS);
                    scope.unknownKey(Paths.append(path, key), draft.id, "unknown key '" + key + "' on team member '"
                            + id + "' (kept, passed to the agent runtime)" + Suggest.didYouMean(key, known));
                }
                memberExtras.put(key, Values.freeze(entry.getValue()));
            }
            members.add(new TeamMember(id, member.text("role", AgentNode.DEFAULT_ROLE), member.text("name", id),
                    member.text("goal", ""), member.whole("tool_budget", AgentNode.DEFAULT_TOOL_BUDGET),
                    union(member.texts("tools"), member.texts("allowed_tools")), Values.map(memberExtras),
                    member.map("llm_config")));
        }
        return Values.list(members);
    }
}
