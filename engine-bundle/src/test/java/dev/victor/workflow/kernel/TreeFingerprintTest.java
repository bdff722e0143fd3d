package dev.victor.workflow.kernel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fingerprint is the SHA-256 of the tree's text form (see {@link TreeFingerprint}); the
 * expected values were computed independently (Python's hashlib over the same text), so hashing
 * in pieces and the shortcut for whole numbers cannot change a fingerprint unnoticed.
 */
class TreeFingerprintTest {

    @Test
    void aSmallTreeHashesItsTextForm() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("k", -7L);
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("a", Arrays.asList(100, "x", 2.5, true, null));
        tree.put("é🙂", inner);

        assertThat(TreeFingerprint.of(tree, "w"))
                .isEqualTo("sha256:aa9a0e893d39d726b7b55d91236888c13924ba618eb4d44c4807e2f37db01ef9");
    }

    @Test
    void aLargeTreeWithCharacterPairsHashesTheSameInPieces() {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            items.add("🙂".repeat(i % 7) + i);
        }

        assertThat(TreeFingerprint.of(items, "big"))
                .isEqualTo("sha256:3519c824cf53a57d79ddb6b14c078bdb120f7d4d6fec15e69e0262e819cf6be9");
    }
}
