package dev.victor.workflow.engine.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * What one run's state holds, in the cells of {@link Frozen#weight}, kept up to date key by key
 * as nodes write; a write that would take the state past {@link #MAX_STATE_CELLS} is refused
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

    private final Map<String, Long> weights = new HashMap<>();
    private long total;

    /** Takes a key's new frozen value into account, or refuses it (leaving the count as it was). */
    void put(String key, Object frozen) {
        long weight = Frozen.weight(frozen);
        Long old = weights.get(key);
        long next = total - (old == null ? 0 : old) + weight;
        if (next > MAX_STATE_CELLS) {
            throw new StateTooLargeException(key, next);
        }
        weights.put(key, weight);
        total = next;
    }

    long total() {
        return total;
    }
}
