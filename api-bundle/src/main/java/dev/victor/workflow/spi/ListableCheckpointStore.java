package dev.victor.workflow.spi;

import java.util.List;

/**
 * A checkpoint store that can tell which threads it keeps: what an inbox of runs waiting for a
 * person lists. Optional: a store that only saves, loads and deletes is still a store.
 */
public interface ListableCheckpointStore extends CheckpointStore {

    /** The ids of the threads kept, oldest checkpoint first, at most {@code limit} of them. */
    List<String> threadIds(int limit);
}
