package dev.victor.workflow.yaml.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a corpus workflow calls out to, read from its tree: the handlers and tools of its compute
 * nodes, its conditions and transforms, the state keys its nodes write, and its HITL nodes.
 * The corpus test registers a stub for each name, so that every workflow can run.
 */
final class CorpusScan {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*\\+?=(?!=)",
            Pattern.MULTILINE);

    /** One condition node. */
    record Condition(String id, int index, String text, Map<String, String> branches) {
        boolean bareName() {
            return IDENTIFIER.matcher(text.strip()).matches();
        }
    }

    /** One HITL node. */
    record Hitl(String id, String output, List<Object> choices, List<String> next) {
    }

    final String workflow;
    final List<String> order = new ArrayList<>();
    final Set<String> handlers = new LinkedHashSet<>();
    final Set<String> tools = new LinkedHashSet<>();
    final Set<String> namedTransforms = new LinkedHashSet<>();
    final Set<String> writtenKeys = new LinkedHashSet<>();
    final Map<String, Condition> conditions = new LinkedHashMap<>();
    final Map<String, Hitl> hitls = new LinkedHashMap<>();

    private CorpusScan(String workflow) {
        this.workflow = workflow;
    }

    @SuppressWarnings("unchecked")
    static CorpusScan of(String name, Map<Object, Object> definition) {
        CorpusScan scan = new CorpusScan(name);
        List<Object> nodes = (List<Object>) definition.get("nodes");
        for (Object item : nodes) {
            scan.node((Map<Object, Object>) item);
        }
        return scan;
    }

    @SuppressWarnings("unchecked")
    private void node(Map<Object, Object> node) {
        String id = String.valueOf(node.get("id"));
        int index = order.size();
        order.add(id);
        String type = String.valueOf(node.getOrDefault("type", "agent"));
        Object output = node.get("output");
        switch (type) {
            case "compute" -> {
                if (node.get("handler") instanceof String handler) {
                    handlers.add(handler);
                }
                if (node.get("tools") instanceof List<?> list) {
                    list.forEach(tool -> tools.add(String.valueOf(tool)));
                }
                writtenKeys.add(output == null ? id : output.toString());
            }
            case "condition" -> {
                Map<String, String> branches = new LinkedHashMap<>();
                if (node.get("branches") instanceof Map<?, ?> map) {
                    map.forEach((label, target) -> branches.put(String.valueOf(label), String.valueOf(target)));
                }
                conditions.put(id, new Condition(id, index, String.valueOf(node.get("condition")), branches));
            }
            case "transform" -> {
                String text = String.valueOf(node.get("transform"));
                if (IDENTIFIER.matcher(text.strip()).matches()) {
                    namedTransforms.add(text.strip());
                } else {
                    Matcher matcher = ASSIGNMENT.matcher(text);
                    while (matcher.find()) {
                        writtenKeys.add(matcher.group(1).split("\\.")[0]);
                    }
                }
            }
            case "hitl" -> {
                String key = output == null ? id : output.toString();
                writtenKeys.add(key);
                List<Object> choices = node.get("choices") instanceof List<?> list ? new ArrayList<>(list) : List.of();
                List<String> next = new ArrayList<>();
                if (node.get("next") instanceof List<?> list) {
                    list.forEach(target -> next.add(String.valueOf(target)));
                } else if (node.get("next") instanceof String target) {
                    next.add(target);
                }
                hitls.put(id, new Hitl(id, key, choices, next));
            }
            case "team" -> writtenKeys.add(node.get("output_key") == null ? "team_result" : node.get("output_key").toString());
            case "parallel" -> {
                if (node.get("nodes") instanceof List<?> inline) {
                    inline.forEach(child -> node((Map<Object, Object>) child));
                }
            }
            default -> writtenKeys.add(output == null ? id : output.toString());
        }
    }

    /**
     * The conditions treated as registered condition functions: a bare name that no node of the
     * workflow writes as a state key (a name that some node writes is read from the state).
     */
    Set<String> registeredConditions() {
        Set<String> names = new LinkedHashSet<>();
        for (Condition condition : conditions.values()) {
            if (condition.bareName() && !writtenKeys.contains(condition.text().strip())) {
                names.add(condition.text().strip());
            }
        }
        return names;
    }

    /**
     * The label a stub condition returns: the first whose target lies after the condition in the
     * node list (or ends the path), so that loops written as back edges are left; else the first.
     */
    String forwardLabel(Condition condition) {
        for (Map.Entry<String, String> branch : condition.branches().entrySet()) {
            String target = branch.getValue();
            int at = order.indexOf(target);
            if (at < 0 || at > condition.index()) {
                return branch.getKey();
            }
        }
        return condition.branches().isEmpty() ? "default" : condition.branches().keySet().iterator().next();
    }

    /**
     * What the stub for a registered condition returns: the forward label when all conditions
     * with that name agree on it, else a label every one of them has, else the first one's.
     */
    String stubLabel(String name) {
        List<Condition> named = conditionsNamed(name);
        Set<String> forward = new LinkedHashSet<>();
        named.forEach(condition -> forward.add(forwardLabel(condition)));
        if (forward.size() == 1) {
            return forward.iterator().next();
        }
        for (String label : forward) {
            if (named.stream().allMatch(condition -> condition.branches().containsKey(label))) {
                return label;
            }
        }
        return forwardLabel(named.get(0));
    }

    /** All conditions with this bare name. */
    List<Condition> conditionsNamed(String name) {
        return conditions.values().stream().filter(c -> c.text().strip().equals(name)).toList();
    }
}
