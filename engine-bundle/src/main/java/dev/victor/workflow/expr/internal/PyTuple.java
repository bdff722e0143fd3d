package dev.victor.workflow.expr.internal;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/** A tuple: an immutable list that prints with parentheses and is never equal to a list. */
public final class PyTuple extends AbstractList<Object> implements RandomAccess {
    private static final Object[] NONE = new Object[0];
    public static final PyTuple EMPTY = new PyTuple(NONE);

    private final Object[] items;

    private PyTuple(Object[] items) {
        this.items = items;
    }

    /** Takes ownership of the array: the caller must not change it afterwards. */
    public static PyTuple wrap(Object[] items) {
        return items.length == 0 ? EMPTY : new PyTuple(items);
    }

    public static PyTuple of(Object a, Object b) {
        return new PyTuple(new Object[] {a, b});
    }

    public static PyTuple copyOf(List<?> items) {
        return wrap(items.toArray());
    }

    @Override
    public Object get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }
}
