package dev.victor.workflow.engine;

import dev.victor.workflow.spi.Checkpoint;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryCheckpointStoreTest {

    @Test
    void keepsItsOwnReadOnlyCopy() {
        InMemoryCheckpointStore store = new InMemoryCheckpointStore();
        List<Object> items = new ArrayList<>(List.of(1));
        Map<String, Object> state = new HashMap<>(Map.of("items", items));

        store.save(new Checkpoint("t", "w", "n", state, null, 2, List.of("a"), Instant.EPOCH, null));
        items.add(2);
        state.put("later", true);

        Checkpoint loaded = store.load("t").orElseThrow();
        assertThat(loaded.state()).containsOnlyKeys("items");
        assertThat(cast(loaded.state().get("items"))).containsExactly(1);
        assertThatThrownBy(() -> cast(loaded.state().get("items")).add(3))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(loaded.iterations()).isEqualTo(2);
        assertThat(loaded.history()).containsExactly("a");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> cast(Object value) {
        return (List<Object>) value;
    }

    @Test
    void savingReplacesAndDeletingForgets() {
        InMemoryCheckpointStore store = new InMemoryCheckpointStore();
        store.save(new Checkpoint("t", "w", "one", Map.of(), null, 0, List.of(), Instant.EPOCH, null));
        store.save(new Checkpoint("t", "w", "two", Map.of(), null, 0, List.of(), Instant.EPOCH, null));

        assertThat(store.load("t").orElseThrow().nextNode()).isEqualTo("two");
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.delete("t")).isTrue();
        assertThat(store.delete("t")).isFalse();
        assertThat(store.load("t")).isEmpty();
    }
}
