package dev.victor.workflow.spi;

import org.osgi.annotation.versioning.ConsumerType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the checkpoints of runs so that they can be resumed, and each thread's history.
 * Implementations are thread-safe.
 *
 * <p>The life of a thread: {@link #save} a pause (status {@code WAITING}); one {@link #claim}
 * of that pause wins (status {@code RESUMED}), every other one is refused; the resumed run saves
 * its next pause, or {@link #finish}es. Stores written for earlier versions implement only
 * {@code save}, {@code load} and {@code delete}; the defaults then give a history of the latest
 * checkpoint alone, and claim by deleting (of two deletes one wins, but a process that dies after
 * its claim leaves no checkpoint).
 */
@ConsumerType
public interface CheckpointStore {
    /**
     * Saves the thread's latest checkpoint (a pause), replacing the one before as the thread's
     * current one; a store that keeps history appends it, numbered with the next step.
     */
    void save(Checkpoint checkpoint);

    /** The thread's current checkpoint: the pending pause, or the claimed one while a resume runs. */
    Optional<Checkpoint> load(String threadId);

    /** Forgets the thread's current checkpoint; true if there was something to forget. */
    boolean delete(String threadId);

    /**
     * Claims the pending pause for one resume, atomically: succeeds only while the thread's current
     * checkpoint is the pause {@code pauseId} and nobody has claimed it. The store records the answer
     * (a {@link CheckpointStatus#RESUMED} checkpoint), so a process that dies during the resume loses
     * nothing, and no later claim of the same pause succeeds, so nothing runs twice.
     *
     * @return false when the pause is not pending (another resume won, the run moved on or ended)
     */
    default boolean claim(String threadId, String pauseId, Object response, Instant at) {
        Optional<Checkpoint> current = load(threadId);
        if (current.isEmpty() || current.get().status() != CheckpointStatus.WAITING
                || !java.util.Objects.equals(current.get().pauseId(), pauseId)) {
            return false;
        }
        return delete(threadId);
    }

    /**
     * Records the end of a run that had a current checkpoint (its status, final state and path) in
     * the thread's history and forgets the current checkpoint.
     *
     * @return true if the thread had a current checkpoint
     */
    default boolean finish(Checkpoint last) {
        return delete(last.threadId());
    }

    /** The thread's checkpoints, oldest first (empty when the store knows no such thread). */
    default List<Checkpoint> history(String threadId) {
        return load(threadId).map(List::of).orElse(List.of());
    }

    /** The thread's checkpoint at a step of its history. */
    default Optional<Checkpoint> checkpoint(String threadId, int step) {
        return history(threadId).stream().filter(checkpoint -> checkpoint.step() == step).findFirst();
    }

    /**
     * Forgets the history of every finished thread whose last checkpoint is older than the instant
     * (threads that wait or are being resumed are kept).
     *
     * @return how many checkpoints were deleted
     */
    default int prune(Instant finishedBefore) {
        return 0;
    }
}
