package dev.victor.workflow.json.internal;

import dev.victor.workflow.testkit.ParserChecks;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/**
 * Corpus files with random edits (deleted, inserted and replaced characters, JSON punctuation
 * first): the reader returns a tree or throws {@code InvalidWorkflowException} with a located
 * problem; nothing else ever escapes.
 */
class MutatedInputTest {
    @Test
    void mutatedDocumentsFailCleanly() throws Exception {
        JsonTreeReader reader = new JsonTreeReader(JsonLimits.defaults());
        ParserChecks.mutatedDocumentsFailCleanly(Path.of(getClass().getResource("/conformance/victor-json").toURI()), ".json",
                20261124L, text -> reader.read(text, "m.json"));
    }
}
