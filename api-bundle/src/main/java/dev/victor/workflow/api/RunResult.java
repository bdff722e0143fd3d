package dev.victor.workflow.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one run (or one resumed stretch of a run).
 *
 * @param status      how the run ended
 * @param threadId    the run's thread id, the key for {@code resume}
 * @param state       the final state (read-only)
 * @param error       why it did not complete; {@code null} when it completed or was interrupted
 * @param iterations  node executions counted against {@code max_iterations}
 * @param duration    wall time of this run
 * @param nodeHistory ids of the nodes that completed, in order (a {@link NodeHistory} is taken as it is,
 *                    any other list is copied)
 * @param interrupt   the pending human request when {@code status} is INTERRUPTED, else {@code null}
 * @param warnings    things that went oddly but did not stop the run (no branch matched, merge
 *                    conflicts, stale sources served, ...)
 * @param tokenUsage  the tokens the model calls of agent and team nodes took in this run (or this resumed
 *                    stretch), summed per node id over its executions and members, in the order the nodes
 *                    first reported; empty when no model was called
 */
public record RunResult(RunStatus status, String threadId, Map<String, Object> state, RunError error,
                        int iterations, Duration duration, List<String> nodeHistory,
                        Interrupt interrupt, List<String> warnings, Map<String, TokenUsage> tokenUsage) {
    public RunResult {
        Objects.requireNonNull(status, "status");
        state = state == null ? Map.of() : java.util.Collections.unmodifiableMap(state);
        nodeHistory = nodeHistory == null ? List.of()
                : nodeHistory instanceof NodeHistory immutable ? immutable : List.copyOf(nodeHistory);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        duration = duration == null ? Duration.ZERO : duration;
        tokenUsage = tokenUsage == null || tokenUsage.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tokenUsage));
    }

    /** A result without token usage (no model was called). */
    public RunResult(RunStatus status, String threadId, Map<String, Object> state, RunError error, int iterations,
                     Duration duration, List<String> nodeHistory, Interrupt interrupt, List<String> warnings) {
        this(status, threadId, state, error, iterations, duration, nodeHistory, interrupt, warnings, Map.of());
    }

    /** The tokens of every model call of the run (or this stretch): the sum of {@link #tokenUsage()}. */
    public TokenUsage totalTokenUsage() {
        TokenUsage total = TokenUsage.NONE;
        for (TokenUsage usage : tokenUsage.values()) {
            total = total.plus(usage);
        }
        return total;
    }

    public boolean isCompleted() {
        return status == RunStatus.COMPLETED;
    }

    public boolean isInterrupted() {
        return status == RunStatus.INTERRUPTED;
    }

    /** The same result with one more warning (for example from a registry serving a stale graph). */
    public RunResult withWarning(String warning) {
        List<String> more = new java.util.ArrayList<>(warnings);
        more.add(warning);
        return new RunResult(status, threadId, state, error, iterations, duration, nodeHistory, interrupt, more,
                tokenUsage);
    }
}
