package dev.victor.workflow.expr.internal;

import java.util.ArrayList;
import java.util.Collection;

/**
 * A list built by an expression or program. Only the evaluation that created it (identified by
 * its owner token) may change it with {@code append} or {@code extend}; lists that came from the
 * state, or from an earlier evaluation, are never changed.
 */
public final class PyList extends ArrayList<Object> {
    private static final long serialVersionUID = 1L;
    private final transient Object owner;

    public PyList(Object owner) {
        this.owner = owner;
    }

    public PyList(Object owner, int capacity) {
        super(capacity);
        this.owner = owner;
    }

    public PyList(Object owner, Collection<?> items) {
        super(items);
        this.owner = owner;
    }

    public boolean ownedBy(Object token) {
        return owner == token;
    }
}
