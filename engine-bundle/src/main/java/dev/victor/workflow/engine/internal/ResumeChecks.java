package dev.victor.workflow.engine.internal;

import dev.victor.workflow.api.AlreadyResumedException;
import dev.victor.workflow.api.DefinitionChangedException;
import dev.victor.workflow.api.NoSuchThreadException;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.spi.Checkpoint;
import dev.victor.workflow.spi.CheckpointStatus;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What a resume or a fork checks before it touches a thread, each with an error that says what to do. */
final class ResumeChecks {
    private ResumeChecks() {
    }

    /** The checkpoint must be a pending pause, and the one the answer names (when it names one). */
    static void pending(Checkpoint checkpoint, String pauseId) {
        String threadId = checkpoint.threadId();
        if (checkpoint.status() == CheckpointStatus.RESUMED) {
            throw new AlreadyResumedException(threadId, pauseId, "thread '" + threadId + "' was resumed already: pause '"
                    + checkpoint.pauseId() + "' at node '" + checkpoint.nextNode() + "' was answered at "
                    + checkpoint.savedAt() + " (step " + checkpoint.step() + ") and its run goes on; nothing was changed");
        }
        if (checkpoint.pending() == null) {
            throw new NoSuchThreadException(threadId, "thread '" + threadId + "' is not waiting for a response");
        }
        if (pauseId != null && !pauseId.equals(checkpoint.pauseId())) {
            throw new AlreadyResumedException(threadId, pauseId, "thread '" + threadId + "' no longer waits at pause '"
                    + pauseId + "' (resumed already, or never its pause): it waits at pause '" + checkpoint.pauseId()
                    + "' (node '" + checkpoint.nextNode()
                    + "', since " + checkpoint.savedAt() + "); the answer was not applied, nothing was changed");
        }
    }

    /** The error of a resume of a thread without a current checkpoint: refused as late when its run has ended. */
    static WorkflowException noPause(String threadId, String workflow, String pauseId, List<Checkpoint> history) {
        if (history.isEmpty()) {
            return new NoSuchThreadException(threadId, "no interrupted run of workflow '" + workflow + "' for thread '"
                    + threadId + "'");
        }
        Checkpoint last = history.get(history.size() - 1);
        return new AlreadyResumedException(threadId, pauseId, "thread '" + threadId + "' was resumed already: its run"
                + " ended (" + last.status().label() + ") at " + last.savedAt() + " (step " + last.step()
                + "); nothing was changed");
    }

    /** The error of a resume whose claim another one won between its load and its claim. */
    static AlreadyResumedException lost(Checkpoint checkpoint) {
        return new AlreadyResumedException(checkpoint.threadId(), checkpoint.pauseId(), "thread '"
                + checkpoint.threadId() + "' was resumed already: another resume (or the deadline's fallback) answered"
                + " pause '" + checkpoint.pauseId() + "' at node '" + checkpoint.nextNode() + "' first; nothing was changed");
    }

    /**
     * Compares the definition the run paused on with the graph's.
     *
     * @return {@code null} when they are the same (or either is unknown), else the note of a migration
     * @throws DefinitionChangedException when they differ and the resume does not migrate, or the
     *                                    paused node is gone
     */
    static String definition(Checkpoint checkpoint, String workflow, String fingerprint, boolean migrate,
                             boolean nodeExists) {
        String change = changedSince(checkpoint, fingerprint);
        if (change == null) {
            return null;
        }
        String threadId = checkpoint.threadId();
        if (!migrate) {
            throw new DefinitionChangedException(threadId, "thread '" + threadId + "' cannot be resumed: " + change
                    + "; resume with --migrate (ResumeOptions.migrate) to continue on the new definition"
                    + (nodeExists ? "" : ", which needs node '" + checkpoint.nextNode() + "', gone from it now"));
        }
        if (!nodeExists) {
            throw new DefinitionChangedException(threadId, "thread '" + threadId + "' cannot migrate: " + change
                    + ", and its paused node '" + checkpoint.nextNode() + "' is no longer in workflow '" + workflow + "'");
        }
        return "migrated: " + change + "; continued at node '" + checkpoint.nextNode() + "' on the new definition";
    }

    /** What changed since the checkpoint was written, or {@code null} when nothing did (or it is unknown). */
    static String changedSince(Checkpoint checkpoint, String fingerprint) {
        if (checkpoint.fingerprint() == null || fingerprint == null || checkpoint.fingerprint().equals(fingerprint)) {
            return null;
        }
        return "workflow '" + checkpoint.workflow() + "' changed since the run paused: it paused on definition "
                + checkpoint.fingerprint() + (checkpoint.compiler() == null ? "" : " (" + checkpoint.compiler() + ")")
                + ", the workflow is now " + fingerprint + " (" + EngineVersion.NAME + ")";
    }

    /** The node a fork starts at: the checkpoint's human-in-the-loop node. */
    static int forkable(Checkpoint from, String workflow, Map<String, Integer> index) {
        String threadId = from.threadId();
        if (from.status().isFinal()) {
            throw new WorkflowException("Cannot fork step " + from.step() + " of thread '" + threadId + "': it is the"
                    + " run's end (" + from.status().label() + "); fork a waiting or resumed step");
        }
        if (from.workflow() != null && !from.workflow().equals(workflow)) {
            throw new NoSuchThreadException(threadId, "thread '" + threadId + "' is a run of workflow '"
                    + from.workflow() + "', not of '" + workflow + "'");
        }
        Integer node = from.nextNode() == null ? null : index.get(from.nextNode());
        if (node == null) {
            throw new DefinitionChangedException(threadId, "Cannot fork step " + from.step() + " of thread '" + threadId
                    + "': its node '" + from.nextNode() + "' is no longer in workflow '" + workflow + "'");
        }
        return node;
    }

    /** "; its steps: 1 (waiting), 2 (resumed)" or "; it has no history". */
    static String steps(List<Checkpoint> history) {
        if (history.isEmpty()) {
            return "; the store has no history of it";
        }
        return "; its steps: " + history.stream().map(c -> c.step() + " (" + c.status().label() + ")")
                .collect(Collectors.joining(", "));
    }
}
