package dev.victor.workflow.expr.internal;

import java.util.ArrayList;
import java.util.Collection;

/**
 * A list built by an expression or program. Only the evaluation that created it (identified by
 * its owner token) changes it in place ({@code append}, {@code lst[i] = v}, ...); a list that
 * came from the state, or from an earlier evaluation, is copied before it is written (see
 * {@link Items}).
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
