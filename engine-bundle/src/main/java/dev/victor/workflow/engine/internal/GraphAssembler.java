package dev.victor.workflow.engine.internal;

import dev.victor.workflow.api.EdgeView;
import dev.victor.workflow.api.GraphView;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.IterationCounting;
import dev.victor.workflow.api.NodeView;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.engine.EngineOptions;
import dev.victor.workflow.engine.render.StaticGraphView;
import dev.victor.workflow.model.JoinStrategy;
import dev.victor.workflow.model.NodeDefinition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns node specs (from a workflow definition or from the builder) into one executable graph:
 * resolves ids to indices, checks every reference, computes parallel weights and parents, and
 * builds the graph view. Reports every problem at once.
 */
public final class GraphAssembler {
    /** A builder node's function. */
    @FunctionalInterface
    public interface StateFunction {
        Map<String, ?> apply(Map<String, Object> state) throws Exception;
    }

    /** A builder router. */
    @FunctionalInterface
    public interface LabelFunction {
        String label(Map<String, Object> state) throws Exception;
    }

    private final String name;
    private final String source;
    private final EngineOptions options;
    private final List<NodeSpec> specs = new ArrayList<>();
    private final Map<String, NodeSpec> byId = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private String entry;
    private Integer maxIterations;
    private IterationCounting iterationCounting;
    private Duration timeout;
    private int maxRetries;
    private String fingerprint;

    public GraphAssembler(String name, String source, EngineOptions options) {
        this.name = Objects.requireNonNull(name, "name");
        this.source = source;
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The fingerprint of the definition the graph is compiled from (see {@code CompiledGraph#fingerprint}). */
    public void fingerprint(String definitionFingerprint) {
        this.fingerprint = definitionFingerprint;
    }

    /** Warnings found before assembly (by the reader), kept with the compiled graph. */
    public void addWarnings(List<Problem> warnings) {
        for (Problem warning : warnings) {
            if (warning.isError()) {
                throw new IllegalArgumentException("not a warning: " + warning.format());
            }
            problems.add(warning);
        }
    }

    // ---- what the builder uses ----

    public void addFunction(String id, StateFunction function) {
        NodeSpec spec = new NodeSpec(id, id, "function", null);
        spec.body = new ActionBody("node '" + id + "'", function);
        spec.retryable = true;
        add(spec);
    }

    public void addParallel(String id, List<String> children, JoinStrategy join, Duration timeout) {
        NodeSpec spec = new NodeSpec(id, id, "parallel", null);
        parallel(spec, children, join, timeout);
        add(spec);
    }

    /** The node's successor; {@link GraphView#END} ends the path. */
    public void next(String id, String target) {
        NodeSpec spec = byId.get(id);
        if (spec == null) {
            error(null, "an edge starts at node '" + id + "', which does not exist");
            return;
        }
        if (spec.nextWritten) {
            error(id, "node '" + id + "' already goes to '" + (spec.next == null ? GraphView.END : spec.next)
                    + "'; a node has one successor (use a parallel node to fan out)");
            return;
        }
        if (spec.labels != null) {
            error(id, "node '" + id + "' has conditional edges and cannot also have a normal edge");
            return;
        }
        spec.next = GraphView.END.equals(target) ? null : target;
        spec.nextWritten = true;
    }

    /** Conditional edges after the node: the router's label picks the branch. */
    public void route(String id, LabelFunction router, Map<String, String> branches, String defaultTarget) {
        NodeSpec spec = byId.get(id);
        if (spec == null) {
            error(null, "conditional edges start at node '" + id + "', which does not exist");
            return;
        }
        if (spec.labels != null || spec.nextWritten) {
            error(id, "node '" + id + "' already has its edges; give it either one edge or one set of conditional edges");
            return;
        }
        spec.labels = (Route.LabelTexts) (state, run) -> router.label(state);
        spec.routeWhat = "the router of node '" + id + "'";
        spec.branches = new LinkedHashMap<>(branches);
        spec.defaultTarget = defaultTarget;
    }

    public void entry(String id) {
        this.entry = id;
    }

    public void limits(Integer maxIterations, Duration timeout, int maxRetries) {
        this.maxIterations = maxIterations;
        this.timeout = timeout;
        this.maxRetries = maxRetries;
    }

    /** What {@code max_iterations} counts ({@code null}: the caller's choice, else node executions). */
    public void iterationCounting(IterationCounting counting) {
        this.iterationCounting = counting;
    }

    // ---- what the definition compiler uses ----

    void add(NodeSpec spec) {
        if (byId.putIfAbsent(spec.id, spec) != null) {
            problems.add(at(spec, Problem.error("duplicate node id '" + spec.id + "'")));
            return;
        }
        specs.add(spec);
    }

    static void parallel(NodeSpec spec, List<String> children, JoinStrategy join, Duration timeout) {
        spec.children = List.copyOf(children);
        spec.join = join == null ? JoinStrategy.ALL : join;
        spec.parallelTimeout = timeout;
        spec.attributes.put("join_strategy", spec.join.name().toLowerCase(java.util.Locale.ROOT));
        spec.attributes.put("children", spec.children);
        if (timeout != null) {
            spec.attributes.put("timeout", Exec.human(timeout));
        }
    }

    void warning(NodeSpec spec, String message) {
        problems.add(at(spec, Problem.warning(message)));
    }

    private void error(String nodeId, String message) {
        NodeSpec spec = nodeId == null ? null : byId.get(nodeId);
        problems.add(spec == null ? Problem.error(message).withWorkflow(name).withSource(source)
                : at(spec, Problem.error(message)));
    }

    private Problem at(NodeSpec spec, Problem problem) {
        Problem located = problem.withWorkflow(name).withSource(source).withNode(spec.id);
        return spec.position.isKnown() ? located.at(spec.position.line(), spec.position.column()) : located;
    }

    // ---- assembly ----

    public EngineGraph build() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            index.put(specs.get(i).id, i);
        }
        int count = specs.size();
        if (count == 0) {
            problems.add(Problem.error("the workflow has no nodes").withWorkflow(name).withSource(source));
        }
        int[] parent = new int[count];
        Arrays.fill(parent, -1);
        int[][] children = new int[count][];
        for (int i = 0; i < count; i++) {
            NodeSpec spec = specs.get(i);
            if (!spec.isParallel()) {
                children[i] = new int[0];
                continue;
            }
            List<Integer> resolved = new ArrayList<>();
            for (String child : spec.children) {
                Integer target = index.get(child);
                if (target == null) {
                    error(spec.id, "parallel node '" + spec.id + "' has a child '" + child + "', which does not exist");
                } else if (target == i) {
                    error(spec.id, "parallel node '" + spec.id + "' lists itself as a child");
                } else {
                    resolved.add(target);
                    if (parent[target] < 0) {
                        parent[target] = i;
                    }
                }
            }
            if (spec.children.isEmpty()) {
                warning(spec, "parallel node '" + spec.id + "' has no children");
            }
            children[i] = resolved.stream().mapToInt(Integer::intValue).toArray();
        }
        int[] weight = new int[count];
        // one marker array for every walk: each walk clears the marks it set before it returns
        boolean[] visiting = new boolean[count];
        for (int i = 0; i < count; i++) {
            weight(i, children, weight, visiting);
        }
        Integer entryIndex = null;
        if (entry == null) {
            if (count > 0) {
                problems.add(Problem.error("no entry node is set").withWorkflow(name).withSource(source));
            }
        } else {
            entryIndex = index.get(entry);
            if (entryIndex == null) {
                problems.add(Problem.error("the entry node '" + entry + "' does not exist").withWorkflow(name)
                        .withSource(source));
            } else if (parent[entryIndex] >= 0) {
                error(entry, "the entry node '" + entry + "' is a child of parallel node '"
                        + specs.get(parent[entryIndex]).id + "'; children run only inside their parallel node");
            }
        }
        int[] next = new int[count];
        Route[] routes = new Route[count];
        for (int i = 0; i < count; i++) {
            NodeSpec spec = specs.get(i);
            boolean child = parent[i] >= 0;
            if (child) {
                next[i] = Node.END;
                if (spec.nextWritten && spec.next != null) {
                    warning(spec, "node '" + spec.id + "' is a child of parallel node '" + specs.get(parent[i]).id
                            + "'; its own next ('" + spec.next + "') is ignored");
                }
                if (spec.hitl != null) {
                    warning(spec, "hitl node '" + spec.id + "' is a child of parallel node '"
                            + specs.get(parent[i]).id + "': it cannot wait for a human there and will fail when it runs");
                }
            } else {
                next[i] = target(spec, spec.next, index, parent, "goes to");
            }
            if (spec.labels != null) {
                List<String> labels = new ArrayList<>();
                List<Integer> targets = new ArrayList<>();
                for (Map.Entry<String, String> branch : spec.branches.entrySet()) {
                    labels.add(branch.getKey());
                    targets.add(target(spec, branch.getValue(), index, parent, "branch '" + branch.getKey() + "' goes to"));
                }
                int fallback = spec.defaultTarget == null ? Route.NO_DEFAULT
                        : target(spec, spec.defaultTarget, index, parent, "default goes to");
                routes[i] = new Route(spec.id, spec.routeWhat, spec.labels, labels.toArray(new String[0]),
                        targets.stream().mapToInt(Integer::intValue).toArray(), fallback);
            }
        }
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            throw new InvalidWorkflowException("workflow '" + name + "' cannot be compiled", problems);
        }
        Node[] nodes = new Node[count];
        for (int i = 0; i < count; i++) {
            NodeSpec spec = specs.get(i);
            NodeBody body = spec.isParallel()
                    ? new ParallelBody(spec.id, children[i], spec.join, spec.parallelTimeout) : spec.body;
            nodes[i] = new Node(spec.id, spec.name, spec.type, i, body, spec.hitl, next[i], routes[i], children[i],
                    parent[i], weight[i], spec.retryable, Map.copyOf(spec.attributes));
        }
        GraphView view = view(nodes, entryIndex);
        List<Problem> warnings = problems.stream().filter(problem -> !problem.isError()).toList();
        return new EngineGraph(name, warnings, nodes, entryIndex, index, maxIterations, iterationCounting, timeout, maxRetries,
                options, view, fingerprint);
    }

    private int weight(int node, int[][] children, int[] weight, boolean[] visiting) {
        if (weight[node] > 0) {
            return weight[node];
        }
        if (visiting[node]) {
            error(specs.get(node).id, "parallel node '" + specs.get(node).id + "' contains itself through its children");
            return 1;
        }
        visiting[node] = true;
        int total = 1;
        for (int child : children[node]) {
            total += weight(child, children, weight, visiting);
        }
        visiting[node] = false;
        weight[node] = total;
        return total;
    }

    private int target(NodeSpec spec, String target, Map<String, Integer> index, int[] parent, String verb) {
        if (target == null || GraphView.END.equals(target) || NodeDefinition.END.equals(target)) {
            return Node.END;
        }
        Integer resolved = index.get(target);
        if (resolved == null) {
            if (target.equals("end") || target.equals("END")) {
                return Node.END;
            }
            error(spec.id, "node '" + spec.id + "' " + verb + " '" + target + "', which does not exist");
            return Node.END;
        }
        if (parent[resolved] >= 0) {
            error(spec.id, "node '" + spec.id + "' " + verb + " '" + target + "', which is a child of parallel node '"
                    + specs.get(parent[resolved]).id + "'; children run only inside their parallel node");
        }
        return resolved;
    }

    private GraphView view(Node[] nodes, int entryIndex) {
        List<NodeView> nodeViews = new ArrayList<>(nodes.length);
        List<EdgeView> edges = new ArrayList<>();
        for (Node node : nodes) {
            Map<String, Object> attributes = new LinkedHashMap<>(specs.get(node.index).attributes);
            if (node.parent >= 0) {
                attributes.put("parent", nodes[node.parent].id);
            }
            nodeViews.add(new NodeView(node.id, node.name, node.type, attributes));
            for (int child : node.children) {
                edges.add(new EdgeView(node.id, nodes[child].id, null, EdgeView.Kind.FORK));
            }
            if (node.parent >= 0) {
                continue;
            }
            if (node.route != null) {
                Route route = node.route;
                for (int i = 0; i < route.labels.length; i++) {
                    edges.add(new EdgeView(node.id, id(nodes, route.targets[i]), route.labels[i],
                            EdgeView.Kind.CONDITIONAL));
                }
                if (route.defaultTarget != Route.NO_DEFAULT) {
                    edges.add(new EdgeView(node.id, id(nodes, route.defaultTarget), "default", EdgeView.Kind.CONDITIONAL));
                }
            } else {
                edges.add(new EdgeView(node.id, id(nodes, node.next), null, EdgeView.Kind.NORMAL));
            }
        }
        return new StaticGraphView(name, nodes[entryIndex].id, nodeViews, edges);
    }

    private static String id(Node[] nodes, int index) {
        return index == Node.END ? GraphView.END : nodes[index].id;
    }
}
