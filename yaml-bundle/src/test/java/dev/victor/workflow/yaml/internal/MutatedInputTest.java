package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.testkit.ParserChecks;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/**
 * Corpus files with random edits (deleted, inserted and replaced characters, YAML indicators
 * first): the reader returns a tree or throws {@code InvalidWorkflowException} with a located
 * problem; nothing else ever escapes.
 */
class MutatedInputTest {
    @Test
    void mutatedDocumentsFailCleanly() throws Exception {
        YamlTreeReader reader = new YamlTreeReader(YamlLimits.defaults());
        ParserChecks.mutatedDocumentsFailCleanly(Path.of(getClass().getResource("/conformance/victor").toURI()), ".yaml",
                20261124L, text -> reader.read(text, "m.yaml"));
    }
}
