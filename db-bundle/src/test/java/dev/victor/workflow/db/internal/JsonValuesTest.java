package dev.victor.workflow.db.internal;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonValuesTest {

    private static Object roundTrip(Object value) {
        return JsonValues.read(JsonValues.write(value, "value"));
    }

    @Test
    void numbersKeepTheirKind() {
        assertThat(roundTrip(1)).isEqualTo(1L);
        assertThat(roundTrip(Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
        BigInteger big = BigInteger.TWO.pow(100).negate();
        assertThat(roundTrip(big)).isEqualTo(big);
        assertThat(roundTrip(BigInteger.valueOf(5))).as("a small BigInteger reads back as Long").isEqualTo(5L);
        assertThat(roundTrip(1.0)).isEqualTo(1.0);
        assertThat(roundTrip(-0.0)).isEqualTo(-0.0);
        assertThat(roundTrip(Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
        assertThat(roundTrip(0.1 + 0.2)).isEqualTo(0.1 + 0.2);
        assertThat(roundTrip(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat((Double) roundTrip(Double.NaN)).isNaN();
        assertThat(JsonValues.write(Double.NaN, "v")).isEqualTo("NaN");
    }

    @Test
    void textIsKeptExactly() {
        String text = "\u0000\u001f\"\\/\u2028\ud83d\ude00 \ud800";
        assertThat(roundTrip(text)).isEqualTo(text);
    }

    @Test
    void mapsKeepTheirOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", 1);
        map.put("a", List.of());
        map.put("m", null);
        assertThat(new ArrayList<Object>(((Map<?, ?>) roundTrip(map)).keySet())).containsExactly("z", "a", "m");
        assertThat(JsonValues.write(map, "state")).isEqualTo("{\"z\":1,\"a\":[],\"m\":null}");
    }

    @Test
    void aRepeatedKeyIsRefusedNotLastWins() {
        for (String json : List.of("{\"a\": 1, \"a\": 2}", "{\"s\": {\"k\": [], \"k\": null}}", "[{\"x\": 1, \"x\": 1}]")) {
            assertThatThrownBy(() -> JsonValues.read(json)).as(json)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Duplicate field");
        }
    }

    @Test
    void readValuesAreMutableCopies() {
        Object read = JsonValues.read("{\"a\": [1]}");
        assertThat(read).isInstanceOf(LinkedHashMap.class);
        assertThat(((Map<?, ?>) read).get("a")).isInstanceOf(ArrayList.class);
    }

    @Test
    void badTextIsAnError() {
        assertThatThrownBy(() -> JsonValues.read("{\"a\": ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid JSON");
        assertThatThrownBy(() -> JsonValues.read("1 2")).hasMessageContaining("text after");
        assertThatThrownBy(() -> JsonValues.read("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> JsonValues.readObject("[1]")).hasMessageContaining("expected a JSON object");
    }

    @Test
    void pathsInErrorsQuoteOddKeys() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("needs \"quotes\"", List.of(1, new Object()));
        assertThatThrownBy(() -> JsonValues.write(Map.of("outer", inner), "state"))
                .isInstanceOf(JsonValues.NotJsonException.class)
                .hasMessageStartingWith("state.outer[\"needs \\\"quotes\\\"\"][1] holds a value of type java.lang.Object")
                .satisfies(e -> {
                    JsonValues.NotJsonException notJson = (JsonValues.NotJsonException) e;
                    assertThat(notJson.type()).isEqualTo("java.lang.Object");
                    assertThat(notJson.path()).startsWith("state.outer");
                });
    }

    @Test
    void deepButFiniteNestingIsFine() {
        Object value = "leaf";
        for (int i = 0; i < JsonValues.MAX_DEPTH - 1; i++) {
            value = List.of(value);
        }
        assertThat(roundTrip(value)).isEqualTo(value);
        Object tooDeep = List.of(List.of(value));
        assertThatThrownBy(() -> JsonValues.write(tooDeep, "v")).hasMessageContaining("nested more than");
    }
}
