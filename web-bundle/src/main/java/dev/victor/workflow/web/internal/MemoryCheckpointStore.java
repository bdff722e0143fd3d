package dev.victor.workflow.web.internal;

import dev.victor.workflow.spi.Checkpoint;
import dev.victor.workflow.spi.ListableCheckpointStore;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checkpoints of the web's runs when no checkpoint store service is installed: in memory,
 * gone with the runtime. Thread-safe.
 */
final class MemoryCheckpointStore implements ListableCheckpointStore {

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

    @Override
    public List<String> threadIds(int limit) {
        return checkpoints.values().stream()
                .sorted(Comparator.comparing((Checkpoint c) -> c.savedAt() == null ? Instant.MIN : c.savedAt())
                        .thenComparing(Checkpoint::threadId))
                .limit(Math.max(0, limit))
                .map(Checkpoint::threadId)
                .toList();
    }
}
