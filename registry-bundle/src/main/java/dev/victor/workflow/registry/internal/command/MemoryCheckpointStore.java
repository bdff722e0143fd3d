package dev.victor.workflow.registry.internal.command;

import dev.victor.workflow.spi.Checkpoint;
import dev.victor.workflow.spi.CheckpointStore;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Where the commands keep checkpoints between {@code run} and {@code resume} when no store service is installed. */
final class MemoryCheckpointStore implements CheckpointStore {
    private final Map<String, Checkpoint> checkpoints = new ConcurrentHashMap<>();

    @Override
    public void save(Checkpoint checkpoint) {
        checkpoints.put(checkpoint.threadId(), checkpoint);
    }

    @Override
    public Optional<Checkpoint> load(String threadId) {
        return Optional.ofNullable(checkpoints.get(threadId));
    }

    @Override
    public boolean delete(String threadId) {
        return checkpoints.remove(threadId) != null;
    }
}
