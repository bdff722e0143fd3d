package dev.victor.workflow.api;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The ids of the nodes a run completed, in order: an immutable list (no nulls) that a
 * {@link Recorder} builds node by node and that {@link RunResult} takes without copying it.
 * Equal to any other list of the same ids.
 *
 * @since 1.4
 */
public final class NodeHistory extends AbstractList<String> implements RandomAccess {
    private static final NodeHistory EMPTY = new NodeHistory(new String[0], 0);

    /** Shared with the recorder, which writes only past {@link #size}. */
    private final String[] ids;
    private final int size;

    private NodeHistory(String[] ids, int size) {
        this.ids = ids;
        this.size = size;
    }

    /** The empty history. */
    public static NodeHistory of() {
        return EMPTY;
    }

    @Override
    public String get(int index) {
        Objects.checkIndex(index, size);
        return ids[index];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Object[] toArray() {
        return Arrays.copyOf(ids, size, Object[].class);
    }

    /**
     * Appends node ids, and hands out what it holds so far as a {@link NodeHistory} without a
     * copy: it only ever appends (an id once recorded is never overwritten, and a full array is
     * replaced by a larger one), so a history handed out never changes. Not thread-safe; the
     * histories it hands out are.
     */
    public static final class Recorder {
        private static final int FIRST_CAPACITY = 16;

        private String[] ids;
        private int size;

        public Recorder() {
            this.ids = new String[FIRST_CAPACITY];
        }

        /** Appends one id. */
        public void add(String id) {
            Objects.requireNonNull(id, "id");
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = id;
        }

        /** Appends every id of the collection, in its order. */
        public void addAll(Collection<String> more) {
            for (String id : more) {
                add(id);
            }
        }

        public int size() {
            return size;
        }

        public String get(int index) {
            Objects.checkIndex(index, size);
            return ids[index];
        }

        /** The ids recorded so far, as an immutable history that later appends leave as it is. */
        public NodeHistory history() {
            return size == 0 ? EMPTY : new NodeHistory(ids, size);
        }
    }
}
