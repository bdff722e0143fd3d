package dev.victor.workflow.model;

import dev.victor.workflow.model.internal.DocumentReader;
import dev.victor.workflow.model.internal.Locator;
import dev.victor.workflow.model.internal.Terminal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of a workflow that only warn ("semantic"): reachability from the start node, and what
 * each node is likely to do other than its author meant. Run after the graph's errors were checked.
 */
final class SemanticChecks {
    private static final Pattern BARE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> LITERAL_NAMES = Set.of("True", "False", "None", "true", "false", "null");
    private static final Set<String> BOOLEAN_LABELS = Set.of("true", "false", "default");

    private final WorkflowDefinition workflow;
    private final List<NodeDefinition> nodes;
    private final Locator at;
    private final Set<String> ids;
    private final Set<String> children;
    private final Findings findings;

    /**
     * @param ids      the ids of the nodes (each once)
     * @param children the ids of the nodes that are children of a parallel node
     */
    SemanticChecks(WorkflowDefinition workflow, List<NodeDefinition> nodes, Locator at, Set<String> ids,
                   Set<String> children, Findings findings) {
        this.workflow = workflow;
        this.nodes = nodes;
        this.at = at;
        this.ids = ids;
        this.children = children;
        this.findings = findings;
    }


    /** Warns of every node the start node cannot reach. */
    void checkReachability() {
        String start = workflow.startNode();
        if (start == null || !ids.contains(start)) {
            return;
        }
        Map<String, List<NodeDefinition>> byId = new HashMap<>();
        for (NodeDefinition node : nodes) {
            if (node.id() != null) {
                byId.computeIfAbsent(node.id(), id -> new ArrayList<>()).add(node);
            }
        }
        Set<String> reached = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(start);
        reached.add(start);
        while (!queue.isEmpty()) {
            for (NodeDefinition node : byId.getOrDefault(queue.poll(), List.of())) {
                for (String next : successors(node)) {
                    if (next != null && byId.containsKey(next) && reached.add(next)) {
                        queue.add(next);
                    }
                }
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            String id = nodes.get(i).id();
            if (id != null && !reached.contains(id)) {
                findings.warning(at.node(i), id, "node '" + id + "' is unreachable from the start node '" + start + "'");
            }
        }
    }

    private List<String> successors(NodeDefinition node) {
        List<String> successors = new ArrayList<>();
        boolean child = children.contains(node.id());
        if (node instanceof ParallelNode parallel) {
            successors.addAll(orEmpty(parallel.children()));
        }
        if (child) {
            return successors;
        }
        if (node instanceof ConditionNode condition) {
            if (condition.branches() != null) {
                successors.addAll(condition.branches().values());
            }
            successors.add(condition.defaultTarget());
        } else {
            successors.addAll(orEmpty(node.next()));
        }
        return successors;
    }

    /** Warns of ids that are END tokens, fall-throughs, switches on bare names, calls to unknown functions, empty compute nodes. */
    void checkNodes() {
        for (int i = 0; i < nodes.size(); i++) {
            NodeDefinition node = nodes.get(i);
            String id = node.id();
            if (id == null) {
                continue;
            }
            if (DocumentReader.END_TOKENS.contains(id)) {
                findings.warning(at.field(i, "id"), id, "id '" + id + "' is also an END token: `next: [" + id
                        + "]` and branches to '" + id + "' go to this node, not to the end of the path");
            }
            List<String> next = orEmpty(node.next());
            if (node.chained() && !next.isEmpty()) {
                String word = Terminal.terminalWord(id, node.name());
                String chooser = word == null ? conditionChoosingBetween(id, next.get(0)) : null;
                if (word != null) {
                    findings.warning(at.node(i), id, "'" + id + "' says it ends the workflow ('" + word + "'), but it has"
                            + " no 'next', so it falls through into '" + next.get(0)
                            + "' (the next node in the list); add `next: []` to end here");
                } else if (chooser != null) {
                    findings.warning(at.node(i), id, "condition '" + chooser + "' chooses between '" + id + "' and '"
                            + next.get(0) + "', but '" + id + "' has no 'next', so it falls through into '"
                            + next.get(0) + "' (the next node in the list) and runs both; add `next: []` to"
                            + " end here, or a `next` to where it should go");
                }
            }
            if (node instanceof ConditionNode condition) {
                checkSwitch(condition, i, id);
                if (condition.expression() != null) {
                    checkFunctions(condition.expression().functions(), i, id, "condition");
                }
            } else if (node instanceof TransformNode transform && transform.program() != null) {
                checkFunctions(transform.program().functions(), i, id, "transform");
            } else if (node instanceof ComputeNode compute
                    && (compute.handler() == null || compute.handler().isBlank())
                    && orEmpty(compute.tools()).isEmpty()) {
                findings.warning(at.node(i), id, "compute node '" + id + "' has neither 'handler' nor 'tools': it does"
                        + " nothing");
            }
        }
    }

    /** A condition that has both nodes among its branch targets (alternatives), or null. */
    private String conditionChoosingBetween(String first, String second) {
        for (NodeDefinition node : nodes) {
            if (node instanceof ConditionNode condition && condition.branches() != null) {
                Set<String> targets = new LinkedHashSet<>(condition.branches().values());
                if (condition.defaultTarget() != null) {
                    targets.add(condition.defaultTarget());
                }
                if (targets.contains(first) && targets.contains(second)) {
                    return condition.id();
                }
            }
        }
        return null;
    }

    private void checkFunctions(Set<String> functions, int index, String id, String field) {
        for (String function : functions) {
            findings.warning(at.field(index, field), id, field + " of node '" + id + "' calls '" + function
                    + "()', which no built-in defines: a function service named '" + function
                    + "' must be installed, or the run fails when it reaches the call");
        }
    }

    private void checkSwitch(ConditionNode condition, int index, String id) {
        String text = condition.condition() == null ? "" : condition.condition().strip();
        if (!BARE_NAME.matcher(text).matches() || LITERAL_NAMES.contains(text) || condition.branches() == null) {
            return;
        }
        Set<String> values = new LinkedHashSet<>();
        for (String label : condition.branches().keySet()) {
            if (!BOOLEAN_LABELS.contains(label)) {
                values.add(label);
            }
        }
        if (values.isEmpty()) {
            return;
        }
        findings.warning(at.field(index, "condition"), id, "condition '" + text + "' is a bare name and its branches"
                + " are labelled with values (" + String.join(", ", values) + "): unless a condition function '"
                + text + "' is registered, it routes here on the text of the value of state key '" + text
                + "' (a switch), while Victor only tests its truthiness and never takes these branches");
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
