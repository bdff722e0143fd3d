package dev.victor.workflow.spi;

import dev.victor.workflow.api.Interrupt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a run needs to continue: where, with which state, waiting for what. A thread's history is
 * a sequence of checkpoints numbered by {@code step}: each pause ({@link CheckpointStatus#WAITING}),
 * each answer to it ({@link CheckpointStatus#RESUMED}) and the run's end.
 *
 * @param threadId    the run's thread id
 * @param workflow    the workflow's name
 * @param nextNode    the node to run next (for an interrupt: the human-in-the-loop node)
 * @param state       the state at that point (a private copy: the store may keep it as it is)
 * @param pending     the pending human request, or {@code null}
 * @param iterations  node executions so far
 * @param history     ids of completed nodes so far
 * @param savedAt     when it was written
 * @param origin      where the workflow came from (the URI it was compiled from), so that another
 *                    process can compile it again to resume; {@code null} when unknown
 * @param step        its place in the thread's history, from 1; the store assigns it on
 *                    {@link CheckpointStore#save} (0 until then)
 * @param status      what it records
 * @param fingerprint the fingerprint of the definition the run was compiled from
 *                    ({@code CompiledGraph#fingerprint()}), or {@code null} when unknown
 * @param compiler    the name and version of what compiled it, or {@code null} when unknown
 * @param response    for {@link CheckpointStatus#RESUMED}: the answer given; otherwise {@code null}
 */
public record Checkpoint(String threadId, String workflow, String nextNode, Map<String, Object> state,
                         Interrupt pending, int iterations, List<String> history, Instant savedAt,
                         String origin, int step, CheckpointStatus status, String fingerprint, String compiler,
                         Object response) {
    public Checkpoint {
        Objects.requireNonNull(threadId, "threadId");
        state = state == null ? Map.of() : java.util.Collections.unmodifiableMap(state);
        history = history == null ? List.of() : List.copyOf(history);
        if (status == null) {
            status = pending != null ? CheckpointStatus.WAITING : CheckpointStatus.COMPLETED;
        }
    }

    /** A pause's checkpoint as earlier versions wrote it: no step, definition or response. */
    public Checkpoint(String threadId, String workflow, String nextNode, Map<String, Object> state,
                      Interrupt pending, int iterations, List<String> history, Instant savedAt, String origin) {
        this(threadId, workflow, nextNode, state, pending, iterations, history, savedAt, origin, 0, null, null,
                null, null);
    }

    /** The same checkpoint at another step. */
    public Checkpoint withStep(int newStep) {
        return new Checkpoint(threadId, workflow, nextNode, state, pending, iterations, history, savedAt, origin,
                newStep, status, fingerprint, compiler, response);
    }

    /** The record of an answer to this pause: same place and state, status {@code RESUMED}. */
    public Checkpoint answered(Object answer, Instant at) {
        return new Checkpoint(threadId, workflow, nextNode, state, pending, iterations, history, at, origin,
                step, CheckpointStatus.RESUMED, fingerprint, compiler, answer);
    }

    /** The pause's id, or {@code null} when nothing is pending. */
    public String pauseId() {
        return pending == null ? null : pending.id();
    }
}
