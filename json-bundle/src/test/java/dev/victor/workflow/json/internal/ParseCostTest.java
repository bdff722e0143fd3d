package dev.victor.workflow.json.internal;

import dev.victor.workflow.testkit.ParserChecks;
import dev.victor.workflow.testkit.ParserChecks.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.victor.workflow.testkit.ParserChecks.LONG_TOKENS;
import static dev.victor.workflow.testkit.ParserChecks.MANY_VALUES;
import static dev.victor.workflow.testkit.ParserChecks.repeat;

/**
 * Reading takes time linear in the document's size, whatever its shape: a long line of many values,
 * a long value, many short lines. Each shape is read at two sizes, eight times apart. The work
 * measured is the memory the reading thread allocates (exact, unlike CPU time on a shared
 * machine): it grows about eight times when reading is linear, and about sixty-four times when a
 * window is copied per chunk, as SnakeYAML's reader did. Work that rescans a line for each value
 * allocates nothing, so each shape is sized (a line of 1 MiB) for such rescanning to take minutes,
 * far past the generous bound of 30 seconds (reading linearly takes well under one).
 */
class ParseCostTest {
    private final JsonTreeReader reader = new JsonTreeReader(JsonLimits.defaults().withMaxValues(10_000_000)
            .withMaxStringLength(64 * 1024 * 1024));

    static Stream<Shape> shapes() {
        return Stream.of(
                new Shape("a one-line array", MANY_VALUES, n -> "{\"steps\": [" + repeat(n, i -> "\"a" + i + "\", ") + "1]}"),
                new Shape("a one-line object", MANY_VALUES, n -> "{" + repeat(n, i -> "\"k" + i + "\": 1, ") + "\"z\": 1}"),
                new Shape("an array with astral characters", MANY_VALUES,
                        n -> "[" + repeat(n, i -> "\"\uD83D\uDE00" + i + "\", ") + "1]"),
                new Shape("many short lines", MANY_VALUES, n -> "{\n" + repeat(n, i -> "\"k" + i + "\": 1,\n") + "\"z\": 1}"),
                new Shape("a long string", LONG_TOKENS, n -> "{\"a\": \"" + "x".repeat(n) + "\"}"),
                new Shape("a long string of escapes", LONG_TOKENS, n -> "{\"a\": \"" + "\\n".repeat(n / 2) + "\"}"),
                new Shape("a long run of blanks", LONG_TOKENS, n -> "{\"a\":" + " ".repeat(n) + "1}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void readsInTimeLinearInTheSize(Shape shape) {
        ParserChecks.readsInTimeLinearInTheSize(shape, text -> reader.read(text, "cost.json"));
    }
}
