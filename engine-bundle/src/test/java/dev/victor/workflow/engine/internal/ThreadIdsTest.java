package dev.victor.workflow.engine.internal;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Thread ids are random version 4 UUIDs: well formed, never repeated, on one thread or several. */
class ThreadIdsTest {

    @Test
    void idsAreVersionFourUuidsInCanonicalForm() {
        for (int i = 0; i < 1000; i++) {
            String id = ThreadIds.next();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
        }
    }

    @Test
    void idsDoNotRepeatAcrossManyRefills() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            assertThat(seen.add(ThreadIds.next())).isTrue();
        }
    }

    @Test
    void everyBitVariesExceptTheVersionAndVariant() {
        long mostOr = 0;
        long mostAnd = -1;
        long leastOr = 0;
        long leastAnd = -1;
        for (int i = 0; i < 2000; i++) {
            UUID uuid = UUID.fromString(ThreadIds.next());
            mostOr |= uuid.getMostSignificantBits();
            mostAnd &= uuid.getMostSignificantBits();
            leastOr |= uuid.getLeastSignificantBits();
            leastAnd &= uuid.getLeastSignificantBits();
        }
        // the fixed bits: version 0100 in the most significant half, variant 10 in the least
        assertThat(mostOr).isEqualTo(~0xB000L);
        assertThat(mostAnd).isEqualTo(0x4000L);
        assertThat(leastOr).isEqualTo(~0x4000000000000000L);
        assertThat(leastAnd).isEqualTo(0x8000000000000000L);
    }

    @Test
    void threadsDrawDifferentIds() throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<Thread> threads = List.of(new Thread(() -> draw(seen)), new Thread(() -> draw(seen)),
                new Thread(() -> draw(seen)), new Thread(() -> draw(seen)));
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(seen).hasSize(4 * 5000);
    }

    private static void draw(Set<String> seen) {
        for (int i = 0; i < 5000; i++) {
            seen.add(ThreadIds.next());
        }
    }
}
