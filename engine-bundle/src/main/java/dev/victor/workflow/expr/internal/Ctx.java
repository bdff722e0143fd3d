package dev.victor.workflow.expr.internal;

import dev.victor.workflow.expr.EvaluationGuard;
import dev.victor.workflow.expr.ExpressionEnvironment;
import dev.victor.workflow.expr.ExpressionLimits;
import dev.victor.workflow.expr.Placeholder;
import java.math.BigInteger;
import java.util.Collection;
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
    /**
     * The frame of the running function (the program's own frame outside any): local slots, with
     * slot 0 holding the frame of the function it was defined in.
     */
    Object[] locals;
    /** Calls of the program's own functions now running (bounded by MAX_CALL_DEPTH). */
    private int callDepth;
    private final EvaluationGuard guard;
    final ExpressionEnvironment env;
    private long steps;
    /** The step count at which the guard is asked next (never beyond MAX_STEPS). */
    private long nextCheck = ExpressionLimits.GUARD_INTERVAL;
    private long allocated;
    private Object owner;
    private Map<String, Object> snapshot;
    /** Where values from the state sit in containers this evaluation copied (see Items); lazily made. */
    java.util.IdentityHashMap<Object, Items.Parent> parents;

    public Ctx(Map<String, ?> state, LinkedHashMap<String, Object> assigned, int slots) {
        this(state, assigned, slots, ExpressionEnvironment.NONE, EvaluationGuard.NONE);
    }

    public Ctx(Map<String, ?> state, LinkedHashMap<String, Object> assigned, int slots, ExpressionEnvironment env,
               EvaluationGuard guard) {
        this.env = env == null ? ExpressionEnvironment.NONE : env;
        this.state = state;
        this.assigned = assigned;
        this.locals = slots <= 1 ? NO_LOCALS : new Object[slots];
        this.guard = guard == null ? EvaluationGuard.NONE : guard;
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

    /** The errors being handled by {@code except} blocks, innermost first (for a bare {@code raise}). */
    private java.util.ArrayDeque<PyException> handling;

    void handling(PyException e) {
        if (handling == null) {
            handling = new java.util.ArrayDeque<>();
        }
        handling.push(e);
    }

    void handled() {
        handling.pop();
    }

    /** The error the innermost running {@code except} block handles, or null. */
    PyException current() {
        return handling == null ? null : handling.peek();
    }

    /**
     * Forgets a name the program assigned ({@code del}); false when the program holds no such
     * name or the state holds it (a transform never removes a state key).
     */
    boolean unassign(String name) {
        if (assigned == null || state.containsKey(name) || !assigned.containsKey(name)) {
            return false;
        }
        assigned.remove(name);
        snapshot = null;
        return true;
    }

    /** Forgets a program name (the name an except clause bound, as Python does after the clause). */
    void forget(String name) {
        if (assigned != null && assigned.remove(name) != null) {
            snapshot = null;
        }
    }

    void assign(String name, Object value) {
        assigned.put(name, value);
        snapshot = null;
    }

    /** The frame depth levels out from the running one (0: the running frame). */
    Object[] frame(int depth) {
        Object[] f = locals;
        for (int i = 0; i < depth; i++) {
            f = (Object[]) f[0];
        }
        return f;
    }

    /** Enters a call of the program's own function: fails past MAX_CALL_DEPTH. */
    void enterCall() {
        if (++callDepth > ExpressionLimits.MAX_CALL_DEPTH) {
            callDepth--;
            throw PyException.limit("RecursionError: more than " + ExpressionLimits.MAX_CALL_DEPTH
                    + " nested calls of the program's own functions (ExpressionLimits.MAX_CALL_DEPTH)");
        }
    }

    void leaveCall() {
        callDepth--;
    }

    /** Counts one step. */
    void step() {
        if (++steps >= nextCheck) {
            checkpoint();
        }
    }

    /** Counts n steps, before the work is done (a large charge asks the guard at once). */
    void charge(long n) {
        if (n < 0) {
            throw stepLimit();
        }
        steps += n;
        if (steps >= nextCheck || n >= ExpressionLimits.GUARD_INTERVAL) {
            checkpoint();
        }
    }

    /** Counts the handling of a text of the given length: one step per 1,024 characters. */
    void chargeText(long chars) {
        charge(chars >> 10);
    }

    /**
     * Counts a walk over text character by character (a search, a comparison, finding code
     * points): one step per 32 characters (measured: a substring search costs up to about 4 ns
     * per character, a plain step about 0.1 microseconds).
     */
    void chargeScan(long chars) {
        charge(chars >> 5);
    }

    /**
     * Counts work on big integers that grows with the product of their sizes (multiplication,
     * division, remainder, power, conversion to and from decimal text): one step per 8 products
     * of 64-bit words (measured: such work costs about as much as that many plain steps).
     */
    void chargeIntegers(long wordsA, long wordsB) {
        charge(wordsA * wordsB >> 3);
    }

    /** The 64-bit words of an integer. */
    static long words(Object integer) {
        return integer instanceof BigInteger big ? (big.bitLength() >> 6) + 1 : 1;
    }

    /**
     * Counts memory an operation builds (characters, elements, integer words), before it is
     * built, against {@link ExpressionLimits#MAX_ALLOCATED} for the whole evaluation.
     */
    void allocate(long cells) {
        allocated += cells;
        if (allocated > ExpressionLimits.MAX_ALLOCATED || cells < 0) {
            throw PyException.limit("the evaluation would build more than " + ExpressionLimits.MAX_ALLOCATED
                    + " characters, items and integer words in total (ExpressionLimits.MAX_ALLOCATED)");
        }
    }

    /**
     * Counts a walk over a value as deep as it goes (hashing a tuple key, comparing, ...): one step
     * per element and per 1,024 characters.
     */
    void chargeDeep(Object value) {
        if (value instanceof String s) {
            chargeText(s.length());
        } else if (value instanceof Collection<?> items) {
            charge(items.size());
            for (Object item : items) {
                if (item instanceof Collection<?> || item instanceof Map<?, ?> || item instanceof String) {
                    chargeDeep(item);
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            charge(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                chargeDeep(entry.getKey());
                chargeDeep(entry.getValue());
            }
        }
    }

    /** Past MAX_STEPS fails; otherwise asks the guard and sets the next check. */
    private void checkpoint() {
        if (steps > ExpressionLimits.MAX_STEPS) {
            throw stepLimit();
        }
        guard.check();
        nextCheck = Math.min(steps + ExpressionLimits.GUARD_INTERVAL, ExpressionLimits.MAX_STEPS + 1);
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
