package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.api.InvalidWorkflowException;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Corpus files with random edits (deleted, inserted and replaced characters, YAML indicators
 * first): the reader returns a tree or throws {@link InvalidWorkflowException} with a located
 * problem; nothing else ever escapes.
 */
class MutatedInputTest {
    private static final String ALPHABET = ":-[]{}&*!|>'\"#%@`,? \n\t\\xyz019";

    @Test
    void mutatedDocumentsFailCleanly() throws Exception {
        Path corpus = Path.of(getClass().getResource("/conformance/victor").toURI());
        Random random = new Random(20261124L);
        YamlTreeReader reader = new YamlTreeReader(YamlLimits.defaults());
        int parsed = 0;
        int refused = 0;
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String original = Files.readString(file);
                for (int round = 0; round < 150; round++) {
                    String mutated = mutate(original, random, 1 + random.nextInt(4));
                    try {
                        reader.read(mutated, "m.yaml");
                        parsed++;
                    } catch (InvalidWorkflowException e) {
                        refused++;
                        assertThat(e.problems()).isNotEmpty();
                        assertThat(e.problems().get(0).message()).isNotBlank();
                    } catch (RuntimeException | StackOverflowError e) {
                        fail("unexpected " + e + " for a mutation of " + file.getFileName(), e);
                    }
                }
            }
        }
        assertThat(parsed).isPositive();
        assertThat(refused).isPositive();
    }

    static String mutate(String text, Random random, int edits) {
        StringBuilder out = new StringBuilder(text);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(out.length() + 1);
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            switch (random.nextInt(3)) {
                case 0 -> {
                    if (at < out.length()) {
                        out.deleteCharAt(at);
                    }
                }
                case 1 -> out.insert(at, c);
                default -> {
                    if (at < out.length()) {
                        out.setCharAt(at, c);
                    }
                }
            }
        }
        return out.toString();
    }
}
