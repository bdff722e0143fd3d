package dev.victor.workflow.web.internal;

import dev.victor.workflow.spi.Checkpoint;
import dev.victor.workflow.spi.CheckpointStore;
import dev.victor.workflow.spi.CheckpointStatus;
import dev.victor.workflow.spi.ListableCheckpointStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runs waiting for a person: the threads of the checkpoint store whose checkpoint holds a
 * pending request, oldest first, at most {@code limit}. A store that cannot list its threads
 * gives an empty inbox.
 */
final class Inbox {

    /** The waiting runs, and whether more were left out. */
    record Listing(List<Checkpoint> waiting, boolean truncated) {
    }

    private final CheckpointStore store;
    private final int limit;

    Inbox(CheckpointStore store, int limit) {
        this.store = store;
        this.limit = limit;
    }

    Listing list() {
        if (!(store instanceof ListableCheckpointStore listable)) {
            return new Listing(List.of(), false);
        }
        List<String> ids = listable.threadIds(limit + 1);
        List<Checkpoint> waiting = new ArrayList<>();
        for (String id : ids.subList(0, Math.min(limit, ids.size()))) {
            // a thread resumed meanwhile is simply gone
            Optional<Checkpoint> checkpoint = store.load(id);
            checkpoint.filter(found -> found.pending() != null && found.status() == CheckpointStatus.WAITING)
                    .ifPresent(waiting::add);
        }
        return new Listing(List.copyOf(waiting), ids.size() > limit);
    }
}
