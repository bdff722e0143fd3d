package dev.victor.workflow.spi;

import dev.victor.workflow.api.Interrupt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a run needs to continue: where, with which state, waiting for what.
 *
 * @param threadId   the run's thread id
 * @param workflow   the workflow's name
 * @param nextNode   the node to run next (for an interrupt: the human-in-the-loop node)
 * @param state      the state at that point (a private copy: the store may keep it as it is)
 * @param pending    the pending human request, or {@code null}
 * @param iterations node executions so far
 * @param history    ids of completed nodes so far
 * @param savedAt    when it was written
 * @param origin     where the workflow came from (the URI it was compiled from), so that another
 *                   process can compile it again to resume; {@code null} when unknown
 */
public record Checkpoint(String threadId, String workflow, String nextNode, Map<String, Object> state,
                         Interrupt pending, int iterations, List<String> history, Instant savedAt,
                         String origin) {
    public Checkpoint {
        Objects.requireNonNull(threadId, "threadId");
        state = state == null ? Map.of() : java.util.Collections.unmodifiableMap(state);
        history = history == null ? List.of() : List.copyOf(history);
    }
}
