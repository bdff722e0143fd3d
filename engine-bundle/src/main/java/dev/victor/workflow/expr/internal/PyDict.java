package dev.victor.workflow.expr.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A dict built by an expression or program. Only the evaluation that created it (identified by
 * its owner token) changes it in place ({@code d[k] = v}, {@code del d[k]}); a dict that came
 * from the state, or from an earlier evaluation, is copied before it is written (see
 * {@link Items}).
 */
public final class PyDict extends LinkedHashMap<Object, Object> {
    private static final long serialVersionUID = 1L;
    private final transient Object owner;

    public PyDict(Object owner) {
        this.owner = owner;
    }

    public PyDict(Object owner, Map<?, ?> entries) {
        super(entries);
        this.owner = owner;
    }

    public boolean ownedBy(Object token) {
        return owner == token;
    }
}
