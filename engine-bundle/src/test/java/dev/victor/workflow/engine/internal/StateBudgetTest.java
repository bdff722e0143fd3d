package dev.victor.workflow.engine.internal;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A write is weighed against the value it replaces: new keys, replaced values, keys holding
 * null, and writes near the limit that fit only because of what they replace; a refused write
 * leaves the state and the count as they were.
 */
class StateBudgetTest {
    private static final int BIG = 30_000_000;

    private final StateBudget budget = new StateBudget();
    private final LinkedHashMap<String, Object> state = new LinkedHashMap<>();

    private long weighed() {
        long total = 0;
        for (Map.Entry<String, Object> entry : state.entrySet()) {
            total += Frozen.weight(entry.getValue());
        }
        return total;
    }

    @Test
    void writesOfNewKeysReplacedValuesAndNullsKeepTheCountOfWhatTheStateHolds() {
        budget.put(state, "a", "xyz");
        budget.put(state, "b", null);
        budget.put(state, "a", "x");
        budget.put(state, "b", "abcdef");
        budget.put(state, "c", null);
        budget.put(state, "c", null);
        budget.put(state, "a", Frozen.freeze(java.util.List.of("p", "q")));

        assertThat(state).containsOnlyKeys("a", "b", "c");
        assertThat(budget.total()).isEqualTo(weighed()).isEqualTo(5 + 7 + 1);
    }

    @Test
    void aWriteThatFitsOnlyInPlaceOfItsOldValueIsTakenAndOneThatDoesNotIsRefusedLeavingTheState() {
        String big = "x".repeat(BIG);
        budget.put(state, "big", big);
        budget.put(state, "small", "s");
        long before = budget.total();

        String other = "y".repeat(BIG);
        budget.put(state, "big", other);
        assertThat(state.get("big")).isSameAs(other);
        assertThat(budget.total()).isEqualTo(before).isEqualTo(weighed());

        assertThatThrownBy(() -> budget.put(state, "more", big))
                .isInstanceOf(StateBudget.StateTooLargeException.class)
                .hasMessageContaining("'more'", "MAX_STATE_CELLS");
        assertThatThrownBy(() -> budget.put(state, "small", big))
                .isInstanceOf(StateBudget.StateTooLargeException.class)
                .hasMessageContaining("'small'");
        assertThat(state).containsOnlyKeys("big", "small").containsEntry("small", "s");
        assertThat(budget.total()).isEqualTo(before).isEqualTo(weighed());

        budget.put(state, "small", null);
        budget.put(state, "big", null);
        assertThat(budget.total()).isEqualTo(2).isEqualTo(weighed());
    }
}
