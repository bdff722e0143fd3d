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

    /** Text as the checkpoint store wrote it before it read through jackson-databind: rows stored then still load. */
    @Test
    void textStoredByTheEarlierWriterStillReads() {
        String stored = "{\"name\":\"Ada \\\"Lovelace\\\"\\n\\u0000\u2028é😀\",\"n\":1,\"neg\":-9223372036854775808,"
                + "\"big\":1267650600228229401496703205376,\"f\":0.30000000000000004,\"tiny\":1.0E-300,"
                + "\"large\":1.5E300,\"whole\":2.0,\"single\":0.10000000149011612,\"nan\":NaN,\"inf\":Infinity,"
                + "\"ninf\":-Infinity,\"list\":[true,false,null,[],{}],\"nested\":{\"k\":[{\"x\":-0.0}]}}";
        Map<String, Object> state = JsonValues.readObject(stored);
        assertThat(new ArrayList<Object>(state.keySet())).containsExactly("name", "n", "neg", "big", "f", "tiny",
                "large", "whole", "single", "nan", "inf", "ninf", "list", "nested");
        assertThat(state.get("name")).isEqualTo("Ada \"Lovelace\"\n\u0000\u2028é😀");
        assertThat(state.get("n")).isEqualTo(1L);
        assertThat(state.get("neg")).isEqualTo(Long.MIN_VALUE);
        assertThat(state.get("big")).isEqualTo(BigInteger.TWO.pow(100));
        assertThat(state.get("f")).isEqualTo(0.1 + 0.2);
        assertThat(state.get("tiny")).isEqualTo(1e-300);
        assertThat(state.get("large")).isEqualTo(1.5e300);
        assertThat(state.get("whole")).isEqualTo(2.0);
        assertThat(state.get("single")).isEqualTo((double) 0.1f);
        assertThat((Double) state.get("nan")).isNaN();
        assertThat(state.get("inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(state.get("ninf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(state.get("list")).isEqualTo(java.util.Arrays.asList(true, false, null, List.of(), Map.of()));
        assertThat(state.get("nested")).isEqualTo(Map.of("k", List.of(Map.of("x", -0.0))));
        assertThat(JsonValues.write(state, "state")).as("written again, the same text").isEqualTo(stored);
    }

    @Test
    void aNumberTooLargeForAFloatIsRefusedNotMadeInfinite() {
        assertThatThrownBy(() -> JsonValues.read("{\"a\": 1e999999}")).hasMessageContaining("too large for a float");
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
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> JsonValues.read("1 2")).hasMessageContaining("Trailing token");
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
