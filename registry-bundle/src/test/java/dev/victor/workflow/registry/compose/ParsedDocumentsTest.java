package dev.victor.workflow.registry.compose;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The parsed documents kept: only under the key they were read with, and within the named bound. */
class ParsedDocumentsTest {
    private final ParsedDocuments parsed = new ParsedDocuments();
    private final Object plugin = new Object();

    @Test
    void aDocumentIsUsedOnlyUnderTheCacheKeyItWasReadWith() {
        parsed.put(plugin, "a.yaml", "a.yaml\u0000file:1:2\u00001", "tree", 100);
        assertThat(parsed.get(plugin, "a.yaml", String.class, () -> "a.yaml\u0000file:1:2\u00001")).isEqualTo("tree");
        assertThat(parsed.get(plugin, "a.yaml", String.class, () -> "a.yaml\u0000file:1:3\u00001")).isNull();
        assertThat(parsed.get(plugin, "a.yaml", String.class, () -> "a.yaml\u0000file:1:2\u00002")).isNull();
        assertThat(parsed.get(plugin, "a.yaml", String.class, () -> null)).as("no key now: read again").isNull();
        assertThat(parsed.get(new Object(), "a.yaml", String.class, () -> "a.yaml\u0000file:1:2\u00001"))
                .as("another plugin's").isNull();
    }

    @Test
    void theSourceIsAskedOnlyWhenADocumentIsKept() {
        AtomicInteger asked = new AtomicInteger();
        assertThat(parsed.get(plugin, "a.yaml", String.class, () -> {
            asked.incrementAndGet();
            return "k";
        })).isNull();
        assertThat(asked).hasValue(0);
    }

    @Test
    void aDocumentOverTheBoundIsNeverKeptAndTheBoundHoldsForAll() {
        parsed.put(plugin, "big.yaml", "k", "tree", ParsedDocuments.MAX_BYTES + 1);
        assertThat(parsed.get(plugin, "big.yaml", String.class, () -> "k")).isNull();

        int quarter = ParsedDocuments.MAX_BYTES / 4;
        for (int i = 0; i < 8; i++) {
            parsed.put(plugin, i + ".yaml", "k", "tree " + i, quarter);
        }
        int kept = 0;
        for (int i = 0; i < 8; i++) {
            if (parsed.get(plugin, i + ".yaml", String.class, () -> "k") != null) {
                kept++;
            }
        }
        assertThat(kept).as("at most MAX_BYTES of documents").isLessThanOrEqualTo(4);
    }

    @Test
    void clearDropsEverything() {
        parsed.put(plugin, "a.yaml", "k", "tree", 10);
        parsed.clear();
        assertThat(parsed.get(plugin, "a.yaml", String.class, () -> "k")).isNull();
    }
}
