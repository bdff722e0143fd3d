package dev.victor.workflow.kernel.source;

import dev.victor.workflow.format.SourcePosition;
import dev.victor.workflow.format.SourcePositions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where every value of a parsed tree starts, in the same shape as the tree: a mapping's entries by
 * key (compared as strings, so a YAML {@code true:} key is found under {@code "true"} as well as
 * under {@link Boolean#TRUE}), a sequence's items by index.
 */
public final class PositionTree implements SourcePositions {
    private SourcePosition value;
    private SourcePosition key = SourcePosition.UNKNOWN;
    private Map<String, PositionTree> entries;
    private List<PositionTree> items;

    public PositionTree(SourcePosition value) {
        this.value = value == null ? SourcePosition.UNKNOWN : value;
    }

    public SourcePosition value() {
        return value;
    }

    public SourcePosition key() {
        return key;
    }

    public void setValue(SourcePosition position) {
        this.value = position;
    }

    public void setKey(SourcePosition position) {
        this.key = position;
    }

    /** Records a mapping entry; returns the child for its value. */
    public PositionTree putEntry(Object mapKey, PositionTree child) {
        if (entries == null) {
            entries = new HashMap<>();
        }
        entries.put(keyString(mapKey), child);
        return child;
    }

    /** Records the next sequence item. */
    public PositionTree addItem(PositionTree child) {
        if (items == null) {
            items = new ArrayList<>();
        }
        items.add(child);
        return child;
    }

    /** Replaces a sequence item (used when a {@code $ref} item is replaced by the node it names). */
    public void setItem(int index, PositionTree child) {
        items.set(index, child);
    }

    public PositionTree entry(Object mapKey) {
        return entries == null ? null : entries.get(keyString(mapKey));
    }

    public PositionTree item(int index) {
        return items == null || index < 0 || index >= items.size() ? null : items.get(index);
    }

    /** The subtree at {@code path}, or {@code null}. */
    public PositionTree find(List<?> path) {
        PositionTree current = this;
        for (Object element : path) {
            if (current == null) {
                return null;
            }
            PositionTree next = null;
            if (element instanceof Number number && current.items != null) {
                next = current.item(number.intValue());
            }
            if (next == null && current.entries != null) {
                next = current.entries.get(keyString(element));
            }
            current = next;
        }
        return current;
    }

    @Override
    public SourcePosition valueAt(List<Object> path) {
        PositionTree found = find(path);
        return found == null ? SourcePosition.UNKNOWN : found.value;
    }

    @Override
    public SourcePosition keyAt(List<Object> path) {
        PositionTree found = find(path);
        if (found == null) {
            return SourcePosition.UNKNOWN;
        }
        return found.key.isKnown() ? found.key : found.value;
    }

    /** Calls {@code action} for every direct child (entries and items). */
    public void forEachChild(java.util.function.Consumer<PositionTree> action) {
        if (entries != null) {
            entries.values().forEach(action);
        }
        if (items != null) {
            items.forEach(action);
        }
    }

    /** A shallow copy: the same children, so that entries can be added or replaced on the copy. */
    public PositionTree shallowCopy() {
        PositionTree copy = new PositionTree(value);
        copy.key = key;
        if (entries != null) {
            copy.entries = new HashMap<>(entries);
        }
        if (items != null) {
            copy.items = new ArrayList<>(items);
        }
        return copy;
    }

    public static String keyString(Object mapKey) {
        return String.valueOf(mapKey);
    }
}
