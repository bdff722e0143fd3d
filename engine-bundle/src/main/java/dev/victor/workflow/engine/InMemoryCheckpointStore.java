package dev.victor.workflow.engine;

import dev.victor.workflow.engine.internal.Frozen;
import dev.victor.workflow.spi.Checkpoint;
import dev.victor.workflow.spi.CheckpointStore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checkpoints in memory, one per thread. Thread-safe. It keeps its own deep, read-only copy of
 * each checkpoint's state, so neither the run that saved it nor a caller that loads it can change
 * what is stored. Checkpoints are lost with the object.
 */
public final class InMemoryCheckpointStore implements CheckpointStore {
    private final ConcurrentHashMap<String, Checkpoint> checkpoints = new ConcurrentHashMap<>();

    @Override
    public void save(Checkpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        LinkedHashMap<String, Object> state = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : checkpoint.state().entrySet()) {
            state.put(entry.getKey(), Frozen.freeze(entry.getValue()));
        }
        checkpoints.put(checkpoint.threadId(), new Checkpoint(checkpoint.threadId(), checkpoint.workflow(),
                checkpoint.nextNode(), state, checkpoint.pending(), checkpoint.iterations(), checkpoint.history(),
                checkpoint.savedAt(), checkpoint.origin()));
    }

    @Override
    public Optional<Checkpoint> load(String threadId) {
        return Optional.ofNullable(checkpoints.get(threadId));
    }

    @Override
    public boolean delete(String threadId) {
        return checkpoints.remove(threadId) != null;
    }

    /** The threads that have a checkpoint now. */
    public Set<String> threadIds() {
        return Set.copyOf(checkpoints.keySet());
    }

    /** How many checkpoints are kept. */
    public int size() {
        return checkpoints.size();
    }
}
