package dev.victor.workflow.json.internal;

import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The number of values in one document is bounded, so many small values cannot take gigabytes. */
class ValuesLimitTest {
    private final JsonTreeReader ten = new JsonTreeReader(JsonLimits.defaults().withMaxValues(10));

    private static Problem refusal(JsonTreeReader reader, String text) {
        InvalidWorkflowException e = catchThrowableOfType(InvalidWorkflowException.class,
                () -> reader.read(text, "values.json"));
        assertThat(e).as("expected a refusal of:\n" + text).isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void countsNamesScalarsObjectsAndArraysUpToTheLimit() {
        // root object, 2 names, an array, 3 items, an object, 1 name and 1 value: 10 values
        Object root = ten.read("{\"a\": [1, 2, 3], \"b\": {\"c\": \"d\"}}", "values.json").root();
        assertThat(root).isInstanceOf(Map.class);
    }

    @Test
    void refusesTheFirstValueOverTheLimitWhereItStands() {
        Problem problem = refusal(ten, "{\"a\": [1, 2, 3],\n \"b\": {\"c\": \"d\", \"e\": \"f\"}}");
        assertThat(problem.message()).isEqualTo("the document holds more than the limit of 10 values "
                + "(member names, scalars, objects and arrays)");
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(18);
    }

    @Test
    void countsManyLinesAndOneLine() {
        assertThat(refusal(ten, "{\"k1\": 1,\n\"k2\": 2,\n\"k3\": 3,\n\"k4\": 4,\n\"k5\": 5,\n\"k6\": 6}").line())
                .isEqualTo(5);
        assertThat(refusal(ten, "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]").column()).isEqualTo(29);
        assertThat(refusal(ten, "[[[[[[[[[[[]]]]]]]]]]]").column()).isEqualTo(11);
    }

    @Test
    void theDefaultLimitRefusesADocumentOfSevenHundredThousandKeys() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < 700_000; i++) {
            text.append("\"k").append(i).append("\": 1,\n");
        }
        text.append("\"z\": 1}");
        Problem problem = refusal(new JsonTreeReader(JsonLimits.defaults()), text.toString());
        assertThat(problem.message()).contains("limit of 100000 values");
        assertThat(problem.line()).isEqualTo(50_000);
    }

    @Test
    void theLimitIsAnOption() {
        assertThat(JsonLimits.defaults().withMaxValues(5).maxValues()).isEqualTo(5);
        assertThat(JsonLimits.defaults().maxValues()).isEqualTo(JsonLimits.DEFAULT_MAX_VALUES);
        assertThat(JsonFiles.plugin(JsonLimits.defaults().withMaxValues(5), Map.of()).workflowNames("{\"a\": {\"nodes\": []}}"))
                .containsExactly("a");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonFiles.plugin(JsonLimits.defaults().withMaxValues(5), Map.of())
                        .workflowNames("{\"a\": {\"nodes\": [1, 2]}}")).hasMessageContaining("limit of 5 values");
    }
}
