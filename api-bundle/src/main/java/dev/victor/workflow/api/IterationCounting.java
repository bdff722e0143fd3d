package dev.victor.workflow.api;

/**
 * What a run's {@code max_iterations} counts.
 */
public enum IterationCounting {
    /** Every node execution counts one, each child of a parallel node included (the default). */
    NODE_EXECUTIONS("node_executions"),
    /**
     * Every step of the graph counts one: a parallel node and all its children count once, as in
     * Victor's own engine. The children still run under the run's time limit and state budget.
     */
    STEPS("steps");

    private final String label;

    IterationCounting(String label) {
        this.label = label;
    }

    /** The name written in a workflow ({@code iteration_counting: steps}). */
    public String label() {
        return label;
    }

    /** The value a workflow names, or {@code null} when {@code label} names none. */
    public static IterationCounting ofLabel(String label) {
        for (IterationCounting counting : values()) {
            if (counting.label.equals(label)) {
                return counting;
            }
        }
        return null;
    }
}
