package dev.victor.workflow.json.internal;

import dev.victor.workflow.kernel.source.Utf8;

import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.format.SourcePosition;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class JsonTreeReaderTest {
    private final JsonTreeReader reader = new JsonTreeReader(JsonLimits.defaults());

    private JsonTreeReader.Parsed read(String text) {
        return reader.read(text, "test.json");
    }

    private Problem problemOf(String text) {
        InvalidWorkflowException e = catchThrowableOfType(InvalidWorkflowException.class, () -> read(text));
        assertThat(e).as("expected an error for:\n" + abbreviate(text)).isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    @Test
    void buildsTheGenericTree() {
        Map<Object, Object> root = cast(read("""
                {"b": 1, "a": [true, false, null, 2.5, "x", 12345678901, 123456789012345678901234567890],
                 "c": {"d": {}}}
                """).root());
        assertThat(root.keySet()).containsExactly("b", "a", "c");
        assertThat(root.get("b")).isEqualTo(1);
        List<Object> a = cast(root.get("a"));
        assertThat(a).containsExactly(true, false, null, 2.5, "x", 12345678901L,
                new BigInteger("123456789012345678901234567890"));
        assertThat(root.get("c")).isEqualTo(Map.of("d", Map.of()));
    }

    @Test
    void positionsComeFromTokenLocations() {
        JsonTreeReader.Parsed parsed = read("""
                {
                  "workflows": {
                    "build": {
                      "nodes": [
                        {"id": "check", "condition": "a and b", "n": 3}
                      ]
                    }
                  }
                }
                """);
        List<Object> node = List.of("workflows", "build", "nodes", 0);
        assertThat(parsed.positions().valueAt(List.of("workflows"))).isEqualTo(new SourcePosition(2, 16));
        assertThat(parsed.positions().keyAt(List.of("workflows"))).isEqualTo(new SourcePosition(2, 4));
        assertThat(parsed.positions().valueAt(node)).isEqualTo(new SourcePosition(5, 9));
        assertThat(parsed.positions().valueAt(List.of("workflows", "build", "nodes", 0, "id")))
                .as("after the quote").isEqualTo(new SourcePosition(5, 17));
        assertThat(parsed.positions().valueAt(List.of("workflows", "build", "nodes", 0, "condition")))
                .isEqualTo(new SourcePosition(5, 39));
        assertThat(parsed.positions().valueAt(List.of("workflows", "build", "nodes", 0, "n")))
                .isEqualTo(new SourcePosition(5, 54));
    }

    @Test
    void rejectsDuplicateKeys() {
        Problem problem = problemOf("""
                {"workflows": {
                  "build": {"nodes": []},
                  "build": {"nodes": []}
                }}
                """);
        assertThat(problem.message()).isEqualTo("duplicate key 'build' (first written at line 2, column 4)");
        assertThat(problem.line()).isEqualTo(3);
    }

    @Test
    void stopsTenThousandDeepNesting() {
        String deep = "{\"a\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        Problem problem = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> problemOf(deep));
        assertThat(problem.message()).isEqualTo("the document nests deeper than the limit of 100 levels of objects and arrays");
        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.column()).isGreaterThan(100);
    }

    @Test
    void stopsAFiftyMegabyteDocument() {
        String big = "{\"a\": \"" + "x".repeat(50 * 1024 * 1024) + "\"}";
        Problem problem = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> problemOf(big));
        assertThat(problem.message()).contains("larger than the limit of 10485760 bytes (10 MiB)");
    }

    @Test
    void boundsStringsNamesAndNumbers() {
        String longString = "{\"a\": \"" + "x".repeat(JsonLimits.DEFAULT_MAX_STRING_LENGTH + 1) + "\"}";
        assertThat(problemOf(longString).message()).isEqualTo("a string is longer than the limit of 1048576 characters");
        String longName = "{\"" + "k".repeat(JsonLimits.DEFAULT_MAX_NAME_LENGTH + 1) + "\": 1}";
        assertThat(problemOf(longName).message()).isEqualTo("a member name is longer than the limit of 10000 characters");
        String longNumber = "{\"a\": " + "9".repeat(1001) + "}";
        assertThat(problemOf(longNumber).message()).isEqualTo("a number is longer than the limit of 1000 characters");
    }

    @Test
    void strictJsonOnly() {
        Problem comment = problemOf("{\n  // a comment\n  \"a\": 1\n}");
        assertThat(comment.message()).startsWith("invalid JSON: ");
        assertThat(comment.line()).isEqualTo(2);
        assertThat(problemOf("{'a': 1}").message()).startsWith("invalid JSON: ");
        Problem trailing = problemOf("{\"a\": 1} {\"b\": 2}");
        assertThat(trailing.message()).isEqualTo("unexpected content after the end of the JSON document");
        assertThat(trailing.column()).isEqualTo(10);
        Problem unclosed = problemOf("{\"a\": [1, 2\n");
        assertThat(unclosed.message()).startsWith("invalid JSON: ");
        assertThat(unclosed.line()).isGreaterThan(0);
    }

    @Test
    void reportsSyntaxErrorsWithTheirPosition() {
        Problem problem = problemOf("{\n  \"workflows\": {\n    \"a\": {\"nodes\": [}\n  }\n}\n");
        assertThat(problem.message()).startsWith("invalid JSON: Unexpected close marker '}'");
        assertThat(problem.message()).doesNotContain("Source").endsWith("(for Array starting at line 3, column 20)");
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.column()).isEqualTo(21);
    }

    @Test
    void reportsAnEmptyDocument() {
        assertThat(problemOf("").message()).startsWith("the document is empty");
        assertThat(problemOf("  \n ").message()).startsWith("the document is empty");
    }

    @Test
    void invalidUtf8IsAClearError() {
        byte[] bytes = "{\"a\":\n \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> Utf8.decode(bytes, "x.json")).isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining("x.json:2:6: error: the document is not valid UTF-8");
    }
}
