package dev.victor.workflow.model;

import dev.victor.workflow.format.SourcePosition;

import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.expr.Expression;
import dev.victor.workflow.expr.ExpressionSyntaxException;
import dev.victor.workflow.expr.TransformProgram;
import dev.victor.workflow.model.internal.DefinitionLocator;
import dev.victor.workflow.model.internal.Locator;
import dev.victor.workflow.model.internal.Site;
import dev.victor.workflow.model.internal.Suggest;
import dev.victor.workflow.model.internal.Values;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a workflow definition: the graph (ids, targets, start, parallel structure) and the
 * values the records can hold (ranges, required texts). Usable on a definition built in code
 * (problems are located by the nodes' positions); {@link WorkflowReader} runs it on what it
 * reads, with the exact place of every value.
 *
 * <p>Errors make a graph impossible or wrong; warnings (unreachable nodes, a terminal node
 * falling through, ignored edges, ...) are the "semantic" checks, which can be skipped.
 */
public final class WorkflowValidator {
    private static final List<String> BUILT_IN_TYPES =
            List.of("agent", "compute", "condition", "transform", "parallel", "hitl", "team");

    private final ReaderOptions options;

    /** With {@link ReaderOptions#defaults()}: no custom node types. */
    public WorkflowValidator() {
        this(ReaderOptions.defaults());
    }

    /** The options say which custom node types are installed. */
    public WorkflowValidator(ReaderOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Every check, errors and warnings. */
    public List<Problem> validate(WorkflowDefinition workflow) {
        return validate(workflow, true);
    }

    /**
     * @param semantic false skips the checks that only warn and the reachability check; the
     *                 errors are always reported
     */
    public List<Problem> validate(WorkflowDefinition workflow, boolean semantic) {
        return validate(workflow, semantic, new DefinitionLocator(workflow));
    }

    /**
     * Validates and returns the workflow when it has no errors.
     *
     * @throws InvalidWorkflowException with every problem found when there is an error
     */
    public WorkflowDefinition requireValid(WorkflowDefinition workflow) {
        List<Problem> problems = validate(workflow);
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new InvalidWorkflowException("Invalid workflow '" + workflow.name() + "'", problems);
        }
        return workflow;
    }

    List<Problem> validate(WorkflowDefinition workflow, boolean semantic, Locator locator) {
        Objects.requireNonNull(workflow, "workflow");
        return new Run(workflow, semantic, locator).run();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String seconds(Duration duration) {
        return new BigDecimal(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9))
                .stripTrailingZeros().toPlainString();
    }

    /** One validation of one workflow. */
    private final class Run {
        private final WorkflowDefinition workflow;
        private final boolean semantic;
        private final Locator at;
        private final List<NodeDefinition> nodes;
        private final Findings findings;
        private final Map<String, Integer> firstIndex = new LinkedHashMap<>();
        /** Child id → index of its (first) parallel node. */
        private final Map<String, Integer> parentOf = new HashMap<>();

        Run(WorkflowDefinition workflow, boolean semantic, Locator locator) {
            this.workflow = workflow;
            this.semantic = semantic;
            this.at = locator;
            this.nodes = orEmpty(workflow.nodes());
            this.findings = new Findings(workflow);
        }

        List<Problem> run() {
            if (workflow.name() == null || workflow.name().isBlank()) {
                error(at.workflow(), null, "workflow without a name");
            }
            checkLimits();
            if (nodes.isEmpty()) {
                if (!at.reportedWorkflow("nodes")) {
                    error(at.workflowField("nodes"), null, "workflow has no nodes; it needs at least one");
                }
                return findings.list();
            }
            checkIds();
            checkParallelStructure();
            checkStart();
            checkEdges();
            checkFields();
            if (semantic) {
                SemanticChecks checks = new SemanticChecks(workflow, nodes, at, firstIndex.keySet(), parentOf.keySet(),
                        findings);
                checks.checkReachability();
                checks.checkNodes();
            }
            return findings.list();
        }

        // ---- problems --------------------------------------------------------------------

        private void error(Site site, String node, String message) {
            findings.error(site, node, message);
        }

        private void warning(Site site, String node, String message) {
            findings.warning(site, node, message);
        }

        private String where(int index) {
            SourcePosition position = at.node(index).position();
            return position.isKnown() ? "the node at line " + position.line() : "node #" + (index + 1) + " of the list";
        }

        private NodeDefinition node(String id) {
            Integer index = firstIndex.get(id);
            return index == null ? null : nodes.get(index);
        }

        private String parentId(String child) {
            return nodes.get(parentOf.get(child)).id();
        }

        // ---- limits ----------------------------------------------------------------------

        private void checkLimits() {
            Limits limits = workflow.limits();
            if (limits == null) {
                return;
            }
            if (limits.maxIterations() != null && limits.maxIterations() < 1
                    && !at.reportedWorkflow("max_iterations")) {
                error(at.workflowField("max_iterations"), null,
                        "'max_iterations' must be at least 1, not " + limits.maxIterations());
            }
            positiveWorkflow(limits.timeout(), "timeout");
            positiveWorkflow(limits.defaultNodeTimeout(), "default_node_timeout");
            if (limits.maxRetries() != null && limits.maxRetries() < 0 && !at.reportedWorkflow("max_retries")) {
                error(at.workflowField("max_retries"), null,
                        "'max_retries' must not be negative, not " + limits.maxRetries());
            }
        }

        private void positiveWorkflow(Duration duration, String field) {
            if (duration != null && (duration.isZero() || duration.isNegative()) && !at.reportedWorkflow(field)) {
                error(at.workflowField(field), null,
                        "'" + field + "' must be a positive number of seconds, not " + seconds(duration));
            }
        }

        // ---- ids -------------------------------------------------------------------------

        private void checkIds() {
            for (int i = 0; i < nodes.size(); i++) {
                NodeDefinition node = nodes.get(i);
                String id = node.id();
                if (id == null || id.isBlank()) {
                    if (!at.reported(i, "id")) {
                        error(at.node(i), null, "node without 'id'; every node needs a unique id");
                    }
                    continue;
                }
                Integer first = firstIndex.putIfAbsent(id, i);
                if (first != null) {
                    error(at.field(i, "id"), id, "duplicate node id '" + id + "': " + where(first)
                            + " has it too; ids must be unique (Victor silently merges such nodes)");
                }
                if (node instanceof CustomNode custom && !at.reported(i, "type")
                        && !options.customNodeTypes().contains(custom.type())) {
                    List<String> valid = new ArrayList<>(BUILT_IN_TYPES);
                    options.customNodeTypes().stream().filter(t -> !valid.contains(t)).forEach(valid::add);
                    error(at.field(i, "type"), id, "unknown node type '" + custom.type() + "'"
                            + Suggest.didYouMean(String.valueOf(custom.type()), valid)
                            + "; valid types: " + String.join(", ", valid));
                }
            }
        }

        // ---- parallel structure ----------------------------------------------------------

        private void checkParallelStructure() {
            for (int i = 0; i < nodes.size(); i++) {
                if (!(nodes.get(i) instanceof ParallelNode parallel) || parallel.id() == null) {
                    continue;
                }
                List<String> children = orEmpty(parallel.children());
                Set<String> seen = new HashSet<>();
                for (int j = 0; j < children.size(); j++) {
                    String child = children.get(j);
                    Site site = at.child(i, j);
                    if (child == null) {
                        error(site, parallel.id(), "a child of parallel node '" + parallel.id() + "' has no id");
                    } else if (!seen.add(child)) {
                        error(site, parallel.id(), "'" + child + "' is listed twice as a child");
                    } else if (child.equals(parallel.id())) {
                        error(site, parallel.id(), "parallel node '" + child + "' lists itself as a child");
                    } else if (!firstIndex.containsKey(child)) {
                        error(site, parallel.id(), "child '" + child + "' of parallel node '" + parallel.id()
                                + "' does not exist" + Suggest.didYouMean(child, firstIndex.keySet()));
                    } else {
                        Integer other = parentOf.putIfAbsent(child, i);
                        if (other != null) {
                            error(site, parallel.id(), "'" + child + "' is a child of two parallel nodes, '"
                                    + nodes.get(other).id() + "' and '" + parallel.id()
                                    + "'; a node can belong to one parallel node only");
                        }
                        if (node(child) instanceof HitlNode) {
                            error(site, parallel.id(), "human-in-the-loop node '" + child + "' cannot be a child of"
                                    + " parallel node '" + parallel.id() + "': it cannot interrupt the run inside a"
                                    + " parallel branch");
                        }
                    }
                }
                if (semantic && children.isEmpty()) {
                    warning(at.field(i, "parallel_nodes"), parallel.id(), "parallel node '" + parallel.id()
                            + "' has no children; it does nothing");
                }
            }
            for (int i = 0; i < nodes.size(); i++) {
                if (!(nodes.get(i) instanceof ParallelNode parallel) || parallel.id() == null) {
                    continue;
                }
                List<Integer> chain = new ArrayList<>();
                chain.add(i);
                Set<Integer> visited = new HashSet<>(chain);
                String current = parallel.id();
                boolean cycle = false;
                while (true) {
                    Integer parent = parentOf.get(current);
                    if (parent == null) {
                        break;
                    }
                    if (parent == i) {
                        cycle = true;
                        break;
                    }
                    if (!visited.add(parent)) {
                        break;
                    }
                    chain.add(parent);
                    current = nodes.get(parent).id();
                }
                if (cycle && Collections.min(chain) == i) {
                    List<String> ids = new ArrayList<>();
                    ids.add(parallel.id());
                    for (int k = chain.size() - 1; k >= 1; k--) {
                        ids.add(nodes.get(chain.get(k)).id());
                    }
                    ids.add(parallel.id());
                    error(at.node(i), parallel.id(), "parallel node '" + parallel.id()
                            + "' is its own descendant: " + String.join(" → ", ids));
                }
            }
        }

        // ---- start -----------------------------------------------------------------------

        private void checkStart() {
            String start = workflow.startNode();
            Site site = at.workflowField("start_node");
            if (start == null || start.isBlank()) {
                if (!at.reportedWorkflow("start_node")) {
                    error(site, null, "workflow has no start node");
                }
            } else if (!firstIndex.containsKey(start)) {
                if (!at.reportedWorkflow("start_node")) {
                    error(site, null, "start node '" + start + "' does not exist"
                            + Suggest.didYouMean(start, firstIndex.keySet()));
                }
            } else if (parentOf.containsKey(start)) {
                error(site, null, "start node '" + start + "' is a child of parallel node '" + parentId(start)
                        + "'; a child runs only inside its parallel node");
            }
        }

        // ---- edges -----------------------------------------------------------------------

        private void checkEdges() {
            for (int i = 0; i < nodes.size(); i++) {
                NodeDefinition node = nodes.get(i);
                String id = node.id();
                if (id == null) {
                    continue;
                }
                List<String> next = orEmpty(node.next());
                boolean child = parentOf.containsKey(id);
                if (node instanceof ConditionNode condition) {
                    if (semantic && !next.isEmpty()) {
                        warning(at.field(i, "next"), id, "a condition routes with its branches; its 'next' "
                                + Values.quoted(next) + " is ignored");
                    }
                    if (child) {
                        if (semantic) {
                            warning(at.node(i), id, "condition '" + id + "' is a child of parallel node '"
                                    + parentId(id) + "': its branches are not followed inside a parallel branch");
                        }
                        continue;
                    }
                    Map<String, String> branches = condition.branches() == null ? Map.of() : condition.branches();
                    for (Map.Entry<String, String> branch : branches.entrySet()) {
                        checkTarget(branch.getValue(), at.branch(i, branch.getKey()), id, true,
                                "branch '" + branch.getKey() + "' target");
                    }
                    if (condition.defaultTarget() != null) {
                        checkTarget(condition.defaultTarget(), at.defaultTarget(i), id, true, "default target");
                    }
                } else if (child) {
                    if (semantic && !next.isEmpty()) {
                        warning(at.field(i, "next"), id, "'next' " + Values.quoted(next) + " is ignored: '" + id
                                + "' is a child of parallel node '" + parentId(id) + "', and a child ends when its own work ends");
                    }
                } else {
                    if (next.size() > 1 && !at.reported(i, "next")) {
                        error(at.field(i, "next"), id, "'next' has " + next.size() + " targets "
                                + Values.quoted(next)
                                + "; a node has one successor (use a parallel node to run several at once)");
                    }
                    for (int j = 0; j < next.size(); j++) {
                        checkTarget(next.get(j), at.nextTarget(i, j), id, false, "'next' target");
                    }
                }
            }
        }

        private void checkTarget(String target, Site site, String from, boolean endAllowed, String what) {
            if (target == null || target.isBlank()) {
                error(site, from, what + " is empty");
                return;
            }
            if (firstIndex.containsKey(target)) {
                if (parentOf.containsKey(target)) {
                    error(site, from, "edge into '" + target + "', a child of parallel node '" + parentId(target)
                            + "': a child runs only as part of its parallel node, so no edge may lead to it from"
                            + " outside");
                }
                return;
            }
            if (NodeDefinition.END.equals(target)) {
                if (!endAllowed) {
                    error(site, from, what + " is END ('" + target + "'); leave 'next' empty to end the path here");
                }
                return;
            }
            error(site, from, what + " '" + target + "' does not exist"
                    + Suggest.didYouMean(target, firstIndex.keySet()));
        }

        // ---- values ----------------------------------------------------------------------

        private void checkFields() {
            for (int i = 0; i < nodes.size(); i++) {
                NodeDefinition node = nodes.get(i);
                String id = node.id();
                if (node instanceof AgentNode agent) {
                    notNegative(agent.toolBudget(), i, id, "tool_budget");
                    positive(agent.timeout(), i, id);
                } else if (node instanceof ComputeNode compute) {
                    positive(compute.timeout(), i, id);
                } else if (node instanceof ConditionNode condition) {
                    checkCondition(condition, i, id);
                } else if (node instanceof TransformNode transform) {
                    checkTransform(transform, i, id);
                } else if (node instanceof ParallelNode parallel) {
                    positive(parallel.timeout(), i, id);
                } else if (node instanceof HitlNode hitl) {
                    positive(hitl.timeout(), i, id);
                } else if (node instanceof TeamNode team) {
                    if (orEmpty(team.members()).isEmpty() && !at.reported(i, "members")) {
                        error(at.field(i, "members"), id, "team node '" + id + "' has no members; it needs at"
                                + " least one");
                    }
                    for (TeamMember member : orEmpty(team.members())) {
                        if (member.toolBudget() < 0 && !at.reported(i, "members")) {
                            error(at.field(i, "members"), id, "tool_budget of team member '" + member.id()
                                    + "' must not be negative, not " + member.toolBudget());
                        }
                    }
                    if (team.maxIterations() < 1 && !at.reported(i, "max_iterations")) {
                        error(at.field(i, "max_iterations"), id,
                                "'max_iterations' must be at least 1, not " + team.maxIterations());
                    }
                    notNegative(team.totalToolBudget(), i, id, "total_tool_budget");
                    positive(team.timeout(), i, id);
                }
            }
        }

        private void notNegative(int value, int index, String id, String field) {
            if (value < 0 && !at.reported(index, field)) {
                error(at.field(index, field), id, "'" + field + "' must not be negative, not " + value);
            }
        }

        private void positive(Duration timeout, int index, String id) {
            if (timeout != null && (timeout.isZero() || timeout.isNegative()) && !at.reported(index, "timeout")) {
                error(at.field(index, "timeout"), id,
                        "'timeout' must be a positive number of seconds, not " + seconds(timeout));
            }
        }

        private void checkCondition(ConditionNode condition, int index, String id) {
            String text = condition.condition();
            if (text == null || text.isBlank()) {
                if (!at.reported(index, "condition")) {
                    error(at.field(index, "condition"), id, "condition node without 'condition' text");
                }
            } else if (condition.expression() == null && !at.reported(index, "condition")) {
                try {
                    Expression.parse(text);
                } catch (ExpressionSyntaxException e) {
                    error(at.field(index, "condition"), id, "syntax error in condition: " + e.detail() + " (line "
                            + e.line() + ", column " + e.column() + " of the condition)");
                } catch (RuntimeException e) {
                    error(at.field(index, "condition"), id, "the condition could not be parsed: " + e);
                }
            }
            if ((condition.branches() == null || condition.branches().isEmpty()) && !at.reported(index, "branches")) {
                error(at.field(index, "branches"), id, "condition node without any branch");
            }
        }

        private void checkTransform(TransformNode transform, int index, String id) {
            String text = transform.transform();
            if (text == null || text.isBlank()) {
                if (!at.reported(index, "transform")) {
                    error(at.field(index, "transform"), id, "transform node without 'transform' text");
                }
            } else if (transform.functionName() == null && transform.program() == null
                    && !at.reported(index, "transform")) {
                try {
                    TransformProgram.parse(text);
                } catch (ExpressionSyntaxException e) {
                    error(at.field(index, "transform"), id, "syntax error in transform: " + e.detail() + " (line "
                            + e.line() + ", column " + e.column() + " of the transform)");
                } catch (RuntimeException e) {
                    error(at.field(index, "transform"), id, "the transform could not be parsed: " + e);
                }
            }
        }
    }
}
