package dev.victor.workflow.expr.internal;

import dev.victor.workflow.expr.ExpressionEnvironment;
import dev.victor.workflow.expr.ExpressionLimits;
import dev.victor.workflow.expr.Placeholder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of one evaluation: the input state (never changed), the program's own assignments
 * (transforms only), the local variables of loops and comprehensions, and the step counter.
 * One per {@code evaluate} or {@code apply} call, never shared between threads.
 */
public final class Ctx {
    private static final Object[] NO_LOCALS = new Object[0];

    final Map<String, ?> state;
    /** The program's assignments in first-assignment order; null when evaluating an expression. */
    final LinkedHashMap<String, Object> assigned;
    final Object[] locals;
    final ExpressionEnvironment env;
    private long steps;
    private Object owner;
    private Map<String, Object> snapshot;

    public Ctx(Map<String, ?> state, LinkedHashMap<String, Object> assigned, int slots) {
        this(state, assigned, slots, ExpressionEnvironment.NONE);
    }

    public Ctx(Map<String, ?> state, LinkedHashMap<String, Object> assigned, int slots, ExpressionEnvironment env) {
        this.env = env;
        this.state = state;
        this.assigned = assigned;
        this.locals = slots == 0 ? NO_LOCALS : new Object[slots];
    }

    /** A top-level name: the program's own assignment first, then the state; missing is None. */
    Object global(String name) {
        if (assigned != null) {
            Object v = assigned.get(name);
            if (v != null || assigned.containsKey(name)) {
                return v;
            }
        }
        return state.get(name);
    }

    /** Reports a top-level name that neither the program nor the state holds. */
    void missing(String name) {
        if (env != ExpressionEnvironment.NONE && !state.containsKey(name)
                && (assigned == null || !assigned.containsKey(name))) {
            env.missingNameRead(name);
        }
    }

    /** A value read from a name, key or attribute: a placeholder is reported to the environment. */
    Object read(Object value) {
        if (value instanceof Placeholder p) {
            env.placeholderRead(p);
        }
        return value;
    }

    /** {@code ctx}: the state as this program sees it (with its own assignments over it). */
    Map<String, ?> whole() {
        if (assigned == null || assigned.isEmpty()) {
            return state;
        }
        if (snapshot == null) {
            charge(state.size() + (long) assigned.size());
            Map<String, Object> m = new LinkedHashMap<>(state);
            m.putAll(assigned);
            snapshot = m;
        }
        return snapshot;
    }

    void assign(String name, Object value) {
        assigned.put(name, value);
        snapshot = null;
    }

    /** Counts one step. */
    void step() {
        if (++steps > ExpressionLimits.MAX_STEPS) {
            throw stepLimit();
        }
    }

    /** Counts n steps, before the work is done. */
    void charge(long n) {
        steps += n;
        if (steps > ExpressionLimits.MAX_STEPS || n < 0) {
            throw stepLimit();
        }
    }

    /** Counts the building of a text of the given length: one step per 1,024 characters. */
    void chargeText(long chars) {
        charge(chars >> 10);
    }

    private static PyException stepLimit() {
        return PyException.limit("more than " + ExpressionLimits.MAX_STEPS
                + " evaluation steps (ExpressionLimits.MAX_STEPS)");
    }

    /** The token that marks the lists this evaluation created and may change. */
    Object owner() {
        if (owner == null) {
            owner = new Object();
        }
        return owner;
    }

    PyList newList() {
        return new PyList(owner());
    }

    PyList newList(int capacity) {
        return new PyList(owner(), capacity);
    }

    /** Fails fast when an operation would build more than MAX_BUILT_SIZE items or characters. */
    static void checkSize(long size, String what) {
        if (size > ExpressionLimits.MAX_BUILT_SIZE || size < 0) {
            throw PyException.limit(what + " would have more than " + ExpressionLimits.MAX_BUILT_SIZE
                    + (what.startsWith("string") ? " characters" : " items")
                    + " (ExpressionLimits.MAX_BUILT_SIZE)");
        }
    }
}
