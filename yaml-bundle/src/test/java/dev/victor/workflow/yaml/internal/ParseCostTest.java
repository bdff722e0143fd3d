package dev.victor.workflow.yaml.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Reading takes time linear in the document's size, whatever its shape: a long line of many values,
 * a long value, many short lines. Each shape is read at two sizes, eight times apart. The work
 * measured is the memory the reading thread allocates (exact, unlike CPU time on a shared
 * machine): it grows about eight times when reading is linear, and about sixty-four times when a
 * window is copied per chunk, as SnakeYAML's reader did. Work that rescans a line for each value
 * allocates nothing, so each shape is sized (a line of 1 MiB) for such rescanning to take minutes,
 * far past the generous bound of {@value #SECONDS} seconds (reading linearly takes well under one).
 */
class ParseCostTest {
    /** Shapes of many values cost more per character than shapes of a few long tokens. */
    private static final int MANY_VALUES = 128 * 1024;
    private static final int LONG_TOKENS = 1024 * 1024;
    private static final int FACTOR = 8;
    private static final double BOUND = 16;
    private static final int SECONDS = 30;

    private final YamlTreeReader reader = new YamlTreeReader(YamlLimits.defaults().withMaxValues(10_000_000));

    record Shape(String name, int small, IntFunction<String> document) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Shape> shapes() {
        return Stream.of(
                new Shape("a one-line flow sequence", MANY_VALUES, n -> "steps: [" + repeat(n, i -> "a" + i + ", ") + "z]\n"),
                new Shape("a one-line flow mapping", MANY_VALUES, n -> "m: {" + repeat(n, i -> "k" + i + ": v, ") + "z: v}\n"),
                new Shape("a flow sequence of anchored values", MANY_VALUES,
                        n -> "s: [" + repeat(n, i -> "&a" + i + " x, ") + "z]\n"),
                new Shape("a flow sequence with astral characters", MANY_VALUES,
                        n -> "s: [" + repeat(n, i -> "\uD83D\uDE00" + i + ", ") + "z]\n"),
                new Shape("a long plain scalar", LONG_TOKENS, n -> "a: " + "x".repeat(n) + "\n"),
                new Shape("a long double-quoted scalar", LONG_TOKENS, n -> "a: \"" + "x".repeat(n) + "\"\n"),
                new Shape("a long single-quoted scalar", LONG_TOKENS, n -> "a: '" + "x".repeat(n) + "'\n"),
                new Shape("a long line in a block scalar", LONG_TOKENS, n -> "a: |\n  " + "x y ".repeat(n / 4) + "\n"),
                new Shape("a long comment line", LONG_TOKENS, n -> "# " + "x".repeat(n) + "\na: 1\n"),
                new Shape("a long run of blanks", LONG_TOKENS, n -> "a:" + " ".repeat(n) + "1\n"),
                new Shape("many short lines", MANY_VALUES, n -> repeat(n, i -> "k" + i + ": v\n")));
    }

    /** Items appended until the text reaches {@code n} characters. */
    private static String repeat(int n, IntFunction<String> item) {
        StringBuilder text = new StringBuilder(n + 64);
        for (int i = 0; text.length() < n; i++) {
            text.append(item.apply(i));
        }
        return text.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void readsInTimeLinearInTheSize(Shape shape) {
        String small = shape.document().apply(shape.small());
        String large = shape.document().apply(shape.small() * FACTOR);
        double growth = assertTimeoutPreemptively(Duration.ofSeconds(SECONDS), () -> {
            reader.read(small, "warm-up.yaml");
            return (double) allocated(large) / allocated(small);
        });
        assertThat(growth).as("work for %s grew %.1f times for %d times the size", shape, growth, FACTOR)
                .isLessThan(BOUND);
    }

    /** The bytes the current thread allocates while reading the text. */
    private long allocated(String text) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        reader.read(text, "cost.yaml");
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
