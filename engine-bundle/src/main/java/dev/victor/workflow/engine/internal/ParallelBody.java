package dev.victor.workflow.engine.internal;

import dev.victor.workflow.expr.PyValues;
import dev.victor.workflow.model.JoinStrategy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Runs the children concurrently, each on the same read-only snapshot of the state, and merges
 * their writes in list order.
 */
final class ParallelBody implements NodeBody {
    private final String id;
    private final int[] children;
    private final JoinStrategy join;
    private final Duration timeout;

    ParallelBody(String id, int[] children, JoinStrategy join, Duration timeout) {
        this.id = id;
        this.children = children;
        this.join = join == null ? JoinStrategy.ALL : join;
        this.timeout = timeout;
    }

    @Override
    public void execute(Scope scope) throws Exception {
        Run run = scope.run;
        Node[] nodes = run.graph.nodes;
        Map<String, Object> base = scope.snapshot();
        List<Callable<ChildOutcome>> calls = new ArrayList<>(children.length);
        for (int child : children) {
            Node node = nodes[child];
            calls.add(() -> runChild(run, node, base));
        }
        long own = Calls.nodeDeadline(timeout);
        boolean ownLimit = own != 0L && (!run.timed || own - run.deadline < 0);
        long deadline = ownLimit ? own : (run.timed ? run.deadline : 0L);
        boolean firstWins = join == JoinStrategy.ANY || join == JoinStrategy.FIRST;
        Fanout.Result<ChildOutcome> result;
        try {
            result = Fanout.run(run.executor, calls, firstWins ? Fanout.Mode.FIRST_SUCCESS : Fanout.Mode.ALL_FAIL_FAST,
                    deadline);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw RunStop.cancelled();
        }
        if (result.stop != null) {
            throw result.stop;
        }
        if (result.timedOut && !(firstWins && result.winner >= 0)) {
            if (!ownLimit) {
                throw RunStop.timedOut();
            }
            List<String> open = new ArrayList<>();
            for (int position : result.unfinished()) {
                open.add(nodes[children[position]].id);
            }
            throw new NodeFailure("parallel node '" + id + "' timed out after " + Exec.human(timeout)
                    + " (children still running: " + String.join(", ", open) + ")", "timeout", null, false);
        }
        if (firstWins) {
            if (result.winner < 0) {
                throw everyChildFailed(nodes, result);
            }
            ChildOutcome winner = result.values.get(result.winner);
            for (ChildOutcome.Warning warning : winner.warnings()) {
                scope.warn(warning.nodeId(), warning.message());
            }
            winner.writes().forEach(scope::write);
            scope.childrenCompleted(List.of(winner));
            return;
        }
        for (int position = 0; position < children.length; position++) {
            Throwable error = result.errors[position];
            if (error != null) {
                throw childFailed(nodes[children[position]], error);
            }
        }
        LinkedHashMap<String, Object> merged = new LinkedHashMap<>();
        HashMap<String, String> writer = new HashMap<>();
        List<ChildOutcome> outcomes = new ArrayList<>(children.length);
        for (ChildOutcome outcome : result.values) {
            outcomes.add(outcome);
            for (ChildOutcome.Warning warning : outcome.warnings()) {
                scope.warn(warning.nodeId(), warning.message());
            }
            String child = outcome.node().id;
            for (Map.Entry<String, Object> write : outcome.writes().entrySet()) {
                String key = write.getKey();
                Object value = write.getValue();
                if (merged.containsKey(key)) {
                    Object before = merged.get(key);
                    if (join == JoinStrategy.MERGE) {
                        value = deepMerge(scope, key, before, value, writer.get(key), child);
                    } else if (!PyValues.equal(before, value)) {
                        scope.warn(id, conflict(key, writer.get(key), child));
                    }
                }
                merged.put(key, value);
                writer.put(key, child);
            }
        }
        merged.forEach(scope::write);
        scope.childrenCompleted(outcomes);
    }

    private String conflict(String key, String earlier, String later) {
        return "parallel node '" + id + "': children '" + earlier + "' and '" + later + "' both wrote '" + key
                + "' with different values; '" + later + "' (later in the list) wins";
    }

    /** Maps merge key by key, lists concatenate, other values: the later child wins (a conflict). */
    private Object deepMerge(Scope scope, String path, Object before, Object after, String earlier, String later) {
        if (before instanceof Map<?, ?> left && after instanceof Map<?, ?> right) {
            LinkedHashMap<Object, Object> out = new LinkedHashMap<>(left);
            for (Map.Entry<?, ?> entry : right.entrySet()) {
                Object key = entry.getKey();
                Object value = entry.getValue();
                if (out.containsKey(key)) {
                    value = deepMerge(scope, path + "." + key, out.get(key), value, earlier, later);
                }
                out.put(key, value);
            }
            return Frozen.wrapFrozen(out);
        }
        if (before instanceof List<?> left && after instanceof List<?> right) {
            List<Object> out = new ArrayList<>(left.size() + right.size());
            out.addAll(left);
            out.addAll(right);
            return Frozen.listOfFrozen(out);
        }
        if (!PyValues.equal(before, after)) {
            scope.warn(id, conflict(path, earlier, later));
        }
        return after;
    }

    private NodeFailure childFailed(Node child, Throwable error) {
        String kind = error instanceof NodeFailure failure ? failure.kind() : error.getClass().getName();
        Throwable cause = error instanceof NodeFailure ? error.getCause() : error;
        return new NodeFailure("parallel node '" + id + "': child '" + child.id + "' failed: " + message(error), kind,
                cause, false);
    }

    private NodeFailure everyChildFailed(Node[] nodes, Fanout.Result<ChildOutcome> result) {
        StringBuilder text = new StringBuilder("parallel node '").append(id).append("': every child failed");
        Throwable first = null;
        for (int position = 0; position < children.length; position++) {
            Throwable error = result.errors[position];
            if (error != null) {
                text.append(first == null ? ": " : "; ").append(nodes[children[position]].id).append(": ")
                        .append(message(error));
                first = first == null ? error : first;
            }
        }
        String kind = first instanceof NodeFailure failure ? failure.kind()
                : first == null ? "failed" : first.getClass().getName();
        return new NodeFailure(text.toString(), kind, first instanceof NodeFailure ? first.getCause() : first, false);
    }

    private static String message(Throwable error) {
        return error instanceof NodeFailure ? error.getMessage() : Exec.describe(error);
    }

    private ChildOutcome runChild(Run run, Node node, Map<String, Object> base) throws Exception {
        run.checkStillRunning();
        long started = System.nanoTime();
        ChildScope scope = new ChildScope(run, base);
        if (node.hitl != null) {
            throw NodeFailure.permanent(node.describe() + " cannot wait for a human inside parallel node '" + id + "'",
                    "unsupported");
        }
        if (node.body != null) {
            Exec.runBody(node, scope);
        }
        return new ChildOutcome(node, scope.writes, scope.warnings, scope.nested, System.nanoTime() - started);
    }
}
