package dev.victor.workflow.api;

import org.osgi.annotation.versioning.ProviderType;

import java.time.Duration;
import java.util.Map;

/**
 * What a streamed run reports, in order. Every stream ends with exactly one {@link RunFinished}.
 */
@ProviderType
public sealed interface RunEvent {

    /** True only for the last event of a stream. */
    default boolean isTerminal() {
        return false;
    }

    /** The run began (or resumed) at {@code entryNode}. */
    record RunStarted(String threadId, String workflow, String entryNode, boolean resumed) implements RunEvent {
    }

    /** A node is about to run; {@code iteration} is its 1-based position in the run's step count. */
    record NodeStarted(String nodeId, String nodeType, int iteration) implements RunEvent {
    }

    /** A node finished; {@code updates} are the state keys it wrote, with their new values. */
    record NodeCompleted(String nodeId, int iteration, Duration duration, Map<String, Object> updates)
            implements RunEvent {
        public NodeCompleted {
            updates = updates == null ? Map.of() : java.util.Collections.unmodifiableMap(updates);
        }
    }

    /** A node failed; the run ends with {@link RunStatus#FAILED} unless a retry follows. */
    record NodeFailed(String nodeId, int iteration, String message, boolean willRetry) implements RunEvent {
    }

    /** Something odd that does not stop the run (a merge conflict, no matching branch, ...). */
    record RunWarning(String nodeId, String message) implements RunEvent {
    }

    /** The run stopped at a human-in-the-loop node. A {@link RunFinished} follows. */
    record Interrupted(Interrupt interrupt) implements RunEvent {
    }

    /** The terminal event: the run's result, whatever the outcome. */
    record RunFinished(RunResult result) implements RunEvent {
        @Override
        public boolean isTerminal() {
            return true;
        }
    }
}
