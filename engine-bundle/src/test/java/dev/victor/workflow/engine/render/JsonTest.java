package dev.victor.workflow.engine.render;

import dev.victor.workflow.expr.Placeholder;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

    @Test
    void writesStateValuesCompactly() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", 1);
        map.put("a", Arrays.asList(2.5, true, null, "x", 10_000_000_000L));
        map.put("big", BigInteger.TWO.pow(70));
        map.put("dec", new BigDecimal("1E+3"));
        map.put("f", 1.0e10);
        map.put("nan", Double.NaN);
        map.put("inf", Float.NEGATIVE_INFINITY);
        map.put("arr", new Object[]{1, "b"});
        map.put("empty", Map.of());
        assertThat(Json.write(map)).isEqualTo("{\"z\":1,\"a\":[2.5,true,null,\"x\",10000000000],"
                + "\"big\":1180591620717411303424,\"dec\":1000,\"f\":1.0E10,\"nan\":null,\"inf\":null,"
                + "\"arr\":[1,\"b\"],\"empty\":{}}");
    }

    @Test
    void escapesWhatJsonAndJavaScriptNeed() {
        assertThat(Json.write("q\"b\\s/\n\r\t\b\f\u0001\u001f\u2028\u2029é😀"))
                .isEqualTo("\"q\\\"b\\\\s/\\n\\r\\t\\b\\f\\u0001\\u001f\\u2028\\u2029é😀\"");
    }

    @Test
    void writesOtherObjectsAsTheirText() {
        StringBuilder out = new StringBuilder("x=");
        Json.write(Map.of(1, Placeholder.of("handler 'fetch'")), out);
        Json.write(new StringBuilder("sb"), out);
        assertThat(out).hasToString("x={\"1\":\"<dry run: handler 'fetch'>\"}\"sb\"");
    }

    @Test
    void readsIntoTheTypesTheStateUses() {
        Object value = Json.read("{\"b\": [1, 2.5, true, null, \"x\", 99999999999999999999, -0.0], \"a\": {}}");
        assertThat(value).isInstanceOf(LinkedHashMap.class);
        Map<?, ?> map = (Map<?, ?>) value;
        assertThat(new ArrayList<Object>(map.keySet())).containsExactly("b", "a");
        assertThat(map.get("b")).isInstanceOf(ArrayList.class)
                .isEqualTo(Arrays.asList(1L, 2.5, true, null, "x", new BigInteger("99999999999999999999"), -0.0));
        assertThat(Json.read("\"\\u00e9\\ud83d\\ude00\"")).isEqualTo("é😀");
        assertThat(Json.read(" 1e308 ")).isEqualTo(1e308);
        assertThat(Json.read("1e-999999")).isEqualTo(0.0);
    }

    @Test
    void refusesWhatWouldBeLostOrIsNotJson() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{\"a\": 1, \"a\": 2}", "Duplicate field 'a'");
        cases.put("[{\"b\": 1, \"b\": 1}]", "Duplicate field 'b'");
        cases.put("{\"a\": 1e999999}", "the number 1e999999 is too large for a float");
        cases.put("[-1e400]", "the number -1e400 is too large for a float");
        cases.put("{\"a\":\n 1.5e309}", "(line 2, column");
        cases.put("NaN", "not valid JSON");
        cases.put("[Infinity]", "not valid JSON");
        cases.put("{\"a\": 1} x", "not valid JSON");
        cases.put("1 2", "not valid JSON");
        cases.put("{'a': 1}", "not valid JSON");
        cases.put("[1,]", "not valid JSON");
        cases.put("[1" + "0".repeat(Json.MAX_NUMBER_LENGTH) + "]", "Number value length");
        cases.put("[".repeat(Json.MAX_NESTING_DEPTH + 1) + "]".repeat(Json.MAX_NESTING_DEPTH + 1), "nesting depth");
        cases.put("   ", "empty JSON");
        cases.forEach((text, message) -> assertThatThrownBy(() -> Json.read(text)).as(text)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message));
        assertThat(Json.read("[".repeat(Json.MAX_NESTING_DEPTH) + "]".repeat(Json.MAX_NESTING_DEPTH)))
                .isInstanceOf(List.class);
    }

    @Test
    void aReaderMayAllowLessNesting() {
        Json.Reader reader = Json.reader(3);
        assertThat(reader.read("[[[1]]]".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(List.of(List.of(List.of(1L))));
        assertThatThrownBy(() -> reader.read("[[[[1]]]]")).hasMessageContaining("nesting depth");
        assertThatThrownBy(() -> reader.read("{\"a\": 1e999999}")).hasMessageContaining("too large for a float");
        assertThatThrownBy(() -> Json.reader(Json.MAX_NESTING_DEPTH + 1)).hasMessageContaining("Json.MAX_NESTING_DEPTH");
    }

    @Test
    void whatItWritesItReads() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("s", "\u0000\"\\\u2028😀");
        map.put("n", List.of(-1L, Long.MAX_VALUE, 0.1 + 0.2, Double.MIN_VALUE));
        assertThat(Json.read(Json.write(map))).isEqualTo(map);
    }
}
