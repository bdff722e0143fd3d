package dev.victor.workflow.engine.internal;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Where a node body runs: the state it reads and where its writes go. The run's own scope
 * writes into the run's state; a parallel child's scope reads a snapshot and collects its
 * writes for the parent to merge.
 */
public abstract class Scope {
    final Run run;
    /** {@link #write} as a function, made at its first use, for reading a node's updates with {@link Map#forEach}. */
    private BiConsumer<String, Object> writer;

    Scope(Run run) {
        this.run = run;
    }

    /** Writes a node's updates in the map's order, read with {@link Map#forEach} (no entry set). */
    final void writeAll(Map<String, ?> updates) {
        if (writer == null) {
            writer = this::write;
        }
        updates.forEach(writer);
    }

    /** The state as the node sees it (read-only; values are frozen). */
    public abstract Map<String, Object> view();

    /** A view that stays as it is while this scope's writes go on (for parallel children). */
    abstract Map<String, Object> snapshot();

    /** Writes one key (the value is frozen on the way in). */
    public abstract void write(String key, Object value);

    /** Reports something odd that does not stop the run. */
    public abstract void warn(String nodeId, String message);

    /** A failed attempt of the node that will be retried. */
    abstract void retrying(Node node, String message);

    /** Parallel children that completed, in list order, to be recorded after the parent. */
    abstract void childrenCompleted(List<ChildOutcome> outcomes);
}
