package dev.victor.workflow.testkit;

import dev.victor.workflow.api.InvalidWorkflowException;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Checks every format's reader must pass, shared by the format bundles' tests: random edits of a
 * corpus fail cleanly, and reading costs work linear in the document's size whatever its shape.
 */
public final class ParserChecks {
    /** Shapes of many values cost more per character than shapes of a few long tokens. */
    public static final int MANY_VALUES = 128 * 1024;
    public static final int LONG_TOKENS = 1024 * 1024;
    private static final int FACTOR = 8;
    private static final double BOUND = 16;
    private static final int SECONDS = 30;

    /** The characters random edits use: the indicators and punctuation of YAML and JSON, blanks, a few letters and digits. */
    private static final String ALPHABET = ":-[]{}&*!|>'\"#%@`,? \n\t\\xyz019";

    private ParserChecks() {
    }

    /** A document shape: a name, the small size, and the document of a size. */
    public record Shape(String name, int small, IntFunction<String> document) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Corpus files ({@code extension}) with 150 rounds of 1 to 4 random edits each (characters of
     * YAML's and JSON's punctuation first, deleted, inserted, replaced): {@code read} returns or throws
     * {@link InvalidWorkflowException} with a located problem; nothing else ever escapes.
     */
    public static void mutatedDocumentsFailCleanly(Path corpus, String extension, long seed,
                                                   Consumer<String> read) throws IOException {
        Random random = new Random(seed);
        int parsed = 0;
        int refused = 0;
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path file : files.filter(p -> p.toString().endsWith(extension)).sorted().toList()) {
                String original = Files.readString(file);
                for (int round = 0; round < 150; round++) {
                    String mutated = mutate(original, random, 1 + random.nextInt(4));
                    try {
                        read.accept(mutated);
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

    /**
     * Reads the shape at its small size and at eight times that, and checks that the memory the
     * reading thread allocates (exact, unlike CPU time on a shared machine) grows less than sixteen
     * times: about eight when reading is linear, about sixty-four when a window is copied per chunk.
     * Work that rescans a line per value allocates nothing, so each shape is sized for rescanning to
     * take minutes, far past the bound of {@value #SECONDS} seconds.
     */
    public static void readsInTimeLinearInTheSize(Shape shape, Consumer<String> read) {
        String small = shape.document().apply(shape.small());
        String large = shape.document().apply(shape.small() * FACTOR);
        double growth = assertTimeoutPreemptively(Duration.ofSeconds(SECONDS), () -> {
            read.accept(small);
            return (double) allocated(large, read) / allocated(small, read);
        });
        assertThat(growth).as("work for %s grew %.1f times for %d times the size", shape, growth, FACTOR)
                .isLessThan(BOUND);
    }

    /** Items appended until the text reaches {@code n} characters. */
    public static String repeat(int n, IntFunction<String> item) {
        StringBuilder text = new StringBuilder(n + 64);
        for (int i = 0; text.length() < n; i++) {
            text.append(item.apply(i));
        }
        return text.toString();
    }

    private static long allocated(String text, Consumer<String> read) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        read.accept(text);
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
