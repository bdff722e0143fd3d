package dev.victor.workflow.engine;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.GraphView;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.IterationCounting;
import dev.victor.workflow.engine.internal.GraphAssembler;
import dev.victor.workflow.model.JoinStrategy;
import dev.victor.workflow.spi.NodeServices;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds an executable graph in code, for plugin authors: nodes are Java functions of the state,
 * joined by normal and conditional edges. The result runs on the same engine as compiled
 * workflow definitions.
 *
 * <pre>{@code
 * CompiledGraph graph = GraphBuilder.named("review")
 *         .node("draft", state -> Map.of("text", "..."))
 *         .node("check", state -> Map.of("ok", true))
 *         .edge("draft", "check")
 *         .conditionalEdges("check", state -> (Boolean) state.get("ok") ? "done" : "again",
 *                 Map.of("done", GraphView.END, "again", "draft"))
 *         .entry("draft")
 *         .build();
 * }</pre>
 *
 * A node without an outgoing edge ends the path. A router label that matches no branch takes
 * the default (when given), else ends the run with a warning, as a workflow's condition does.
 * Not thread-safe; {@link #build()} may be called more than once.
 */
public final class GraphBuilder {
    private sealed interface Declaration permits Function, Parallel {
        String id();
    }

    private record Function(String id, NodeAction action) implements Declaration {
    }

    private record Parallel(String id, List<String> children, JoinStrategy join, Duration timeout)
            implements Declaration {
    }

    private record Edge(String from, String to) {
    }

    private record Conditional(String from, Router router, Map<String, String> branches, String defaultTarget) {
    }

    private String name = "graph";
    private EngineOptions options = EngineOptions.defaults();
    private final List<Declaration> nodes = new ArrayList<>();
    private final List<Object> edges = new ArrayList<>();
    private String entry;
    private Integer maxIterations;
    private IterationCounting iterationCounting;
    private Duration timeout;
    private int maxRetries;

    public GraphBuilder() {
    }

    /** A builder for a graph of that name. */
    public static GraphBuilder named(String name) {
        return new GraphBuilder().name(name);
    }

    public GraphBuilder name(String newName) {
        this.name = Objects.requireNonNull(newName, "name");
        return this;
    }

    /** The engine options (services, checkpoint store, executor, clock, default iteration budget). */
    public GraphBuilder options(EngineOptions newOptions) {
        this.options = Objects.requireNonNull(newOptions, "options");
        return this;
    }

    /** Shorthand for the options' services. */
    public GraphBuilder services(NodeServices services) {
        this.options = options.services(services);
        return this;
    }

    /** A node that runs the function and writes the keys it returns. */
    public GraphBuilder node(String id, NodeAction action) {
        nodes.add(new Function(Objects.requireNonNull(id, "id"), Objects.requireNonNull(action, "action")));
        return this;
    }

    /** A node that runs its children (other nodes of this builder) concurrently and merges their writes. */
    public GraphBuilder parallel(String id, JoinStrategy join, String... children) {
        return parallel(id, join, null, List.of(children));
    }

    /**
     * A parallel node with a time limit for its children.
     *
     * @param timeout {@code null} for none
     */
    public GraphBuilder parallel(String id, JoinStrategy join, Duration timeout, List<String> children) {
        nodes.add(new Parallel(Objects.requireNonNull(id, "id"), List.copyOf(children),
                join == null ? JoinStrategy.ALL : join, timeout));
        return this;
    }

    /** After {@code from}, go to {@code to} ({@link GraphView#END} ends the path). */
    public GraphBuilder edge(String from, String to) {
        edges.add(new Edge(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to")));
        return this;
    }

    /**
     * After {@code from}, the router's label picks the next node from {@code branches} (label →
     * node id or {@link GraphView#END}).
     */
    public GraphBuilder conditionalEdges(String from, Router router, Map<String, String> branches) {
        return conditionalEdges(from, router, branches, null);
    }

    /** As {@link #conditionalEdges(String, Router, Map)}, with a target for labels that match no branch. */
    public GraphBuilder conditionalEdges(String from, Router router, Map<String, String> branches,
                                         String defaultTarget) {
        edges.add(new Conditional(Objects.requireNonNull(from, "from"), Objects.requireNonNull(router, "router"),
                new LinkedHashMap<>(branches), defaultTarget));
        return this;
    }

    /** After {@code from}, go to the node whose id the router returns ({@link GraphView#END} ends). */
    public GraphBuilder conditionalEdges(String from, Router router) {
        edges.add(new Conditional(Objects.requireNonNull(from, "from"), Objects.requireNonNull(router, "router"),
                null, null));
        return this;
    }

    public GraphBuilder entry(String id) {
        this.entry = Objects.requireNonNull(id, "entry");
        return this;
    }

    /** Node executions per run (default: the options' default, 25). */
    public GraphBuilder maxIterations(int newMaxIterations) {
        if (newMaxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, was " + newMaxIterations);
        }
        this.maxIterations = newMaxIterations;
        return this;
    }

    /** What {@code max_iterations} counts (default: node executions, each parallel child one). */
    public GraphBuilder iterationCounting(IterationCounting counting) {
        this.iterationCounting = Objects.requireNonNull(counting, "counting");
        return this;
    }

    /** The time budget of a whole run ({@code null}: none). */
    public GraphBuilder timeout(Duration newTimeout) {
        if (newTimeout != null && (newTimeout.isNegative() || newTimeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive, was " + newTimeout);
        }
        this.timeout = newTimeout;
        return this;
    }

    /** How often a failing node is tried again (default 0). */
    public GraphBuilder maxRetries(int newMaxRetries) {
        if (newMaxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, was " + newMaxRetries);
        }
        this.maxRetries = newMaxRetries;
        return this;
    }

    /**
     * @throws InvalidWorkflowException listing every problem: duplicate nodes, edges to or from
     *                                  unknown nodes, a missing entry, ...
     */
    public CompiledGraph build() {
        GraphAssembler assembler = new GraphAssembler(name, null, options);
        for (Declaration node : nodes) {
            if (node instanceof Function function) {
                NodeAction action = function.action();
                assembler.addFunction(function.id(), action::apply);
            } else if (node instanceof Parallel parallel) {
                assembler.addParallel(parallel.id(), parallel.children(), parallel.join(), parallel.timeout());
            }
        }
        for (Object edge : edges) {
            if (edge instanceof Edge normal) {
                assembler.next(normal.from(), normal.to());
            } else if (edge instanceof Conditional conditional) {
                Map<String, String> branches = conditional.branches();
                if (branches == null) {
                    branches = new LinkedHashMap<>();
                    for (Declaration node : nodes) {
                        branches.putIfAbsent(node.id(), node.id());
                    }
                    branches.put(GraphView.END, GraphView.END);
                }
                Router router = conditional.router();
                assembler.route(conditional.from(), router::route, branches, conditional.defaultTarget());
            }
        }
        assembler.entry(entry);
        assembler.limits(maxIterations, timeout, maxRetries);
        assembler.iterationCounting(iterationCounting);
        return assembler.build();
    }
}
