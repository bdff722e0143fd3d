package dev.victor.workflow.engine.internal;

import java.util.Map;

/**
 * What one run's state holds, in the cells of {@link Frozen#weight}, kept up to date write by
 * write; a write that would take the state past {@link #MAX_STATE_CELLS} is refused
 * before it lands, with {@link StateTooLargeException}. Not thread-safe: the run's own thread
 * writes its state.
 */
final class StateBudget {
    /**
     * The most a state may hold: 50,000,000 cells (about 100 MB of text), the same as one
     * evaluation may allocate ({@code ExpressionLimits.MAX_ALLOCATED}), so that a loop cannot
     * pile up what each step may make.
     */
    static final long MAX_STATE_CELLS = 50_000_000L;

    /** A write that would make the state hold more than the limit. */
    static final class StateTooLargeException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        StateTooLargeException(String key, long total) {
            super("writing '" + key + "' would make the state hold " + total + " cells, more than the state's"
                    + " size limit of " + MAX_STATE_CELLS + " (MAX_STATE_CELLS: one cell per value and per"
                    + " character of text)");
        }
    }

    /** The value {@link #replace} is given for a key the state does not hold. */
    static final Object ABSENT = new Object();

    private long total;

    /** Takes one more key's frozen value into account (a run's first state), or refuses it. */
    void add(String key, Object frozen) {
        replace(key, ABSENT, frozen);
    }

    /**
     * Takes a key's new frozen value into account in place of its old one ({@link #ABSENT} when
     * the state does not hold the key), or refuses it, leaving the count as it was. Frozen maps,
     * lists and sets remember their weight, so this costs the same for any value.
     */
    void replace(String key, Object old, Object frozen) {
        long next = total - (old == ABSENT ? 0 : Frozen.weight(old)) + Frozen.weight(frozen);
        if (next > MAX_STATE_CELLS) {
            throw new StateTooLargeException(key, next);
        }
        total = next;
    }

    /**
     * Writes a key's frozen value into the state and takes it into account, or refuses it before
     * the state changes. One lookup of the key when the new value fits whatever it replaces
     * (the usual case); the old value is looked up first only when the limit depends on it.
     */
    void put(Map<String, Object> state, String key, Object frozen) {
        long weight = Frozen.weight(frozen);
        if (total + weight > MAX_STATE_CELLS) {
            replace(key, state.getOrDefault(key, ABSENT), frozen);
            state.put(key, frozen);
            return;
        }
        int size = state.size();
        Object old = state.put(key, frozen);
        // a new key grows the map; a key already there (even holding null) gives back its old value
        total += weight - (state.size() != size ? 0 : Frozen.weight(old));
    }

    long total() {
        return total;
    }
}
