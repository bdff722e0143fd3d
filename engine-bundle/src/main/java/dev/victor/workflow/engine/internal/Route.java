package dev.victor.workflow.engine.internal;

import dev.victor.workflow.expr.Placeholder;
import dev.victor.workflow.expr.PyValues;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Conditional routing. A label source gives a value: a {@link Label} (a router's or a
 * condition function's answer) picks the branch of that name; any other value (a condition
 * expression's) is routed by Python truthiness when the branch labels are {@code true}/{@code false},
 * else as a switch on its text. No branch: the default, else the run fails naming the node, the
 * value and the labels. In a dry run, a condition steered by {@code RunConfig.branches} takes that
 * branch, and one whose value comes from a {@link Placeholder} takes the default, else its first
 * branch; both choices are reported as warnings.
 */
public final class Route {
    /** No default branch. */
    static final int NO_DEFAULT = -2;
    /** The label that names the default branch when steering. */
    static final String DEFAULT_LABEL = "default";

    /** A branch label chosen by the source itself (a router or a condition function). */
    public record Label(String text) {
    }

    /** Gives the value to route on for the state. */
    @FunctionalInterface
    public interface LabelSource {
        Object label(Map<String, Object> state, Run run) throws Exception;
    }

    /**
     * A source that always answers with the text of a branch label (a builder's router, a
     * {@code String} or {@code null}), as a {@link Label} would carry it, without a {@code Label}
     * made per step.
     */
    @FunctionalInterface
    public interface LabelTexts extends LabelSource {
    }

    final String nodeId;
    final String what;
    final LabelSource source;
    final String[] labels;
    final int[] targets;
    final int defaultTarget;
    /** The source answers with label texts ({@link LabelTexts}). */
    private final boolean texts;
    private final HashMap<String, Integer> byLabel;
    private final String labelList;
    /** The branch for a true value when the labels are booleans, else null. */
    private final String trueLabel;
    private final String falseLabel;
    /** The branches of a true and a false value when routing by truthiness; {@code null} when there is none. */
    private final Integer trueTarget;
    private final Integer falseTarget;

    Route(String nodeId, String what, LabelSource source, String[] labels, int[] targets, int defaultTarget) {
        this.nodeId = nodeId;
        this.what = what;
        this.source = source;
        this.labels = labels;
        this.targets = targets;
        this.defaultTarget = defaultTarget;
        this.texts = source instanceof LabelTexts;
        this.byLabel = new HashMap<>();
        String yes = null;
        String no = null;
        boolean booleans = labels.length > 0;
        for (int i = 0; i < labels.length; i++) {
            byLabel.putIfAbsent(labels[i], targets[i]);
            String lower = labels[i].toLowerCase(Locale.ROOT);
            if (lower.equals("true")) {
                yes = yes == null ? labels[i] : yes;
            } else if (lower.equals("false")) {
                no = no == null ? labels[i] : no;
            } else {
                booleans = false;
            }
        }
        this.trueLabel = booleans ? (yes == null ? "true" : yes) : null;
        this.falseLabel = booleans ? (no == null ? "false" : no) : null;
        this.labelList = labels.length == 0 ? "none" : String.join(", ", labels);
        this.trueTarget = booleans ? byLabel.get(trueLabel) : null;
        this.falseTarget = booleans ? byLabel.get(falseLabel) : null;
    }

    /** Whether values are routed by truthiness (the labels are {@code true}/{@code false}). */
    boolean byTruthiness() {
        return trueLabel != null;
    }

    /** The next node's index, or {@link Node#END}. */
    int next(Scope scope) throws Exception {
        // kept small, so that the JIT can inline it into the step loop; the rare cases are methods of their own
        String steered = scope.run.branches.get(nodeId);
        if (steered != null) {
            return steer(scope, steered);
        }
        Object value = value(scope);
        if (value instanceof Placeholder placeholder) {
            return placeholderChoice(scope, placeholder);
        }
        boolean chosen = texts || value instanceof Label;
        String label;
        Integer target;
        if (!chosen && trueLabel != null) {
            boolean truthy = PyValues.truthy(value);
            label = truthy ? trueLabel : falseLabel;
            target = truthy ? trueTarget : falseTarget;
        } else {
            label = chosen ? chosenLabel(value) : switchLabel(value);
            target = label == null ? null : byLabel.get(label);
        }
        if (target != null) {
            return target;
        }
        if (defaultTarget != NO_DEFAULT) {
            return defaultTarget;
        }
        throw noBranch(value, label, chosen);
    }

    /** The value to route on; what the source throws (but a stop or a node failure) fails the node. */
    private Object value(Scope scope) throws Exception {
        try {
            return source.label(scope.view(), scope.run);
        } catch (RunStop | NodeFailure stop) {
            throw stop;
        } catch (Exception failed) {
            throw new NodeFailure(what + " could not be evaluated: " + Exec.describe(failed),
                    failed.getClass().getName(), failed, false);
        }
    }

    /** The label a router or a condition function chose. */
    private static String chosenLabel(Object value) {
        return value instanceof Label given ? given.text() : (String) value;
    }

    /** The label of a condition's value when the branches switch on its text. */
    private static String switchLabel(Object value) {
        return value instanceof Boolean flag ? (flag ? "true" : "false") : PyValues.str(value);
    }

    private NodeFailure noBranch(Object value, String label, boolean chosen) {
        String shown = chosen ? "'" + label + "'" : PyValues.repr(value);
        return NodeFailure.permanent(what + " gave " + shown
                + (trueLabel != null && !chosen ? " (" + label + ")" : "")
                + ", which matches no branch (labels: " + labelList + "), and there is no default", "no_branch");
    }

    private int steer(Scope scope, String label) throws NodeFailure {
        Integer target = byLabel.get(label);
        if (target == null && label.equals(DEFAULT_LABEL) && defaultTarget != NO_DEFAULT) {
            target = defaultTarget;
        }
        if (target == null) {
            throw NodeFailure.permanent("the dry run's --branch " + nodeId + "=" + label + " names no branch of "
                    + what + " (labels: " + labelList + (defaultTarget != NO_DEFAULT ? ", default" : "") + ")",
                    "no_branch");
        }
        scope.warn(nodeId, "dry run: " + what + " took branch '" + label + "' as steered (--branch)");
        return target;
    }

    /**
     * The default branch, else the first; each later visit of the same run takes the next one in
     * turn (default first, then the labels in order), so that a dry run walks out of loops.
     */
    private int placeholderChoice(Scope scope, Placeholder placeholder) throws NodeFailure {
        int choices = labels.length + (defaultTarget != NO_DEFAULT ? 1 : 0);
        if (choices == 0) {
            throw NodeFailure.permanent(what + " depends on " + placeholder + " and has no branch to take", "no_branch");
        }
        int visit = scope.run.dryRunVisit(nodeId);
        int choice = visit % choices;
        String taken;
        int target;
        if (defaultTarget != NO_DEFAULT && choice == 0) {
            taken = "its default branch";
            target = defaultTarget;
        } else {
            int index = defaultTarget != NO_DEFAULT ? choice - 1 : choice;
            taken = "branch '" + labels[index] + "'";
            target = targets[index];
        }
        scope.warn(nodeId, "dry run: " + what + " took " + taken + (visit == 0 ? "" : " (visit " + (visit + 1) + ")")
                + ": its value comes from " + placeholder + " (steer it with --branch " + nodeId + "=LABEL)");
        return target;
    }
}
