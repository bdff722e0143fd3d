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

    /**
     * A piece of an agent's answer, as the model writes it. Only a streamed run has them: the agent
     * runtime then asks the model for a streamed answer and reports each piece as it arrives (a retried
     * model call streams again from its start). The pieces of one model call, joined, are its text.
     *
     * @param nodeId   the agent or team node
     * @param memberId the team member, or {@code null} for an agent node
     * @param text     the piece
     */
    record AgentToken(String nodeId, String memberId, String text) implements RunEvent {
    }

    /**
     * The tokens one model call of an agent or team node took, as the provider counted them, reported
     * as the call ends. {@link RunResult#tokenUsage()} has their sums per node.
     *
     * @param nodeId   the agent or team node
     * @param memberId the team member, or {@code null} for an agent node
     * @param usage    the call's tokens
     */
    record TokensUsed(String nodeId, String memberId, TokenUsage usage) implements RunEvent {
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
