package dev.victor.workflow.engine.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Conditional routing: a label source (a condition's expression or function, or a builder's
 * router) gives a label; the label picks a branch, else the default, else the path ends with a
 * warning.
 */
public final class Route {
    /** No default branch. */
    static final int NO_DEFAULT = -2;

    /** Gives the branch label for the state. */
    @FunctionalInterface
    public interface LabelSource {
        String label(Map<String, Object> state, Run run) throws Exception;
    }

    final String nodeId;
    final String what;
    final LabelSource source;
    final String[] labels;
    final int[] targets;
    final int defaultTarget;
    private final HashMap<String, Integer> byLabel;
    private final String labelList;

    Route(String nodeId, String what, LabelSource source, String[] labels, int[] targets, int defaultTarget) {
        this.nodeId = nodeId;
        this.what = what;
        this.source = source;
        this.labels = labels;
        this.targets = targets;
        this.defaultTarget = defaultTarget;
        this.byLabel = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            byLabel.putIfAbsent(labels[i], targets[i]);
        }
        this.labelList = labels.length == 0 ? "none" : String.join(", ", labels);
    }

    /** The next node's index, or {@link Node#END}. */
    int next(Scope scope) throws Exception {
        String label;
        try {
            label = source.label(scope.view(), scope.run);
        } catch (RunStop | NodeFailure stop) {
            throw stop;
        } catch (Exception failed) {
            throw new NodeFailure(what + " could not be evaluated: " + Exec.describe(failed),
                    failed.getClass().getName(), failed, false);
        }
        Integer target = label == null ? null : byLabel.get(label);
        if (target != null) {
            return target;
        }
        if (defaultTarget != NO_DEFAULT) {
            return defaultTarget;
        }
        scope.warn(nodeId, what + " gave '" + label + "', which matches no branch (labels: " + labelList
                + "), and there is no default; the run ends here");
        return Node.END;
    }
}
