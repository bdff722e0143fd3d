package dev.victor.workflow.spi;

import org.osgi.annotation.versioning.ConsumerType;

import java.util.Optional;

/** Keeps the checkpoints of runs so that they can be resumed. Implementations are thread-safe. */
@ConsumerType
public interface CheckpointStore {
    /** Saves the thread's latest checkpoint, replacing the one before. */
    void save(Checkpoint checkpoint);

    /** The thread's latest checkpoint. */
    Optional<Checkpoint> load(String threadId);

    /** Forgets the thread; true if there was something to forget. */
    boolean delete(String threadId);
}
