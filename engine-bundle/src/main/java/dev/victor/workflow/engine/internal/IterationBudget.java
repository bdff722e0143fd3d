package dev.victor.workflow.engine.internal;

import dev.victor.workflow.api.IterationCounting;
import dev.victor.workflow.api.RunConfig;

import java.util.List;

/**
 * A run's {@code max_iterations} and what it counts: the caller's limit, else the workflow's, else
 * the deployment's, else the engine's default; node executions (each child of a parallel node
 * one) unless the caller or the workflow says {@code steps}.
 */
final class IterationBudget {
    /** The last node ids an exceeded limit's error shows. */
    private static final int PATH_SHOWN = 10;

    private final int max;
    private final boolean countSteps;
    private final EngineGraph graph;

    IterationBudget(EngineGraph graph, RunConfig config) {
        this.max = config.maxIterations() != null ? config.maxIterations()
                : graph.maxIterations != null ? graph.maxIterations
                : config.defaultMaxIterations() != null ? config.defaultMaxIterations()
                : graph.options.defaultMaxIterations();
        this.countSteps = (config.iterationCounting() != null ? config.iterationCounting()
                : graph.iterationCounting) == IterationCounting.STEPS;
        this.graph = graph;
    }

    int max() {
        return max;
    }

    /** What running {@code node} costs. */
    int cost(Node node) {
        return countSteps ? 1 : node.weight;
    }

    /** Whether running {@code node} after {@code spent} would pass the limit. */
    boolean exceededBy(int spent, Node node) {
        return spent + cost(node) > max;
    }

    /** The error of a run stopped before {@code node}, having spent {@code spent}, with its last steps. */
    String exceeded(int spent, Node node, List<String> history) {
        StringBuilder path = new StringBuilder();
        int from = Math.max(0, history.size() - PATH_SHOWN);
        if (from > 0) {
            path.append("... -> ");
        }
        for (int i = from; i < history.size(); i++) {
            path.append(history.get(i)).append(" -> ");
        }
        path.append(node.id);
        int cost = cost(node);
        String counted = countSteps ? " steps, and node '" + node.id + "' would take one more"
                : " node executions, and node '" + node.id + "' would run " + (cost == 1 ? "one more" : cost + " more");
        String hint = countSteps || !graph.hasParallelNodes() ? ""
                : " (each child of a parallel node counts one; 'iteration_counting: steps' counts a parallel node"
                + " once, as Victor does)";
        return "max_iterations (" + max + ") exceeded: " + spent + counted + "; path: " + path + hint;
    }
}
