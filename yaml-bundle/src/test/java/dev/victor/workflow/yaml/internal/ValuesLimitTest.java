package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The number of values in one document is bounded, so many small values cannot take gigabytes. */
class ValuesLimitTest {
    private final YamlTreeReader ten = new YamlTreeReader(YamlLimits.defaults().withMaxValues(10));

    private static Problem refusal(YamlTreeReader reader, String text) {
        InvalidWorkflowException e = catchThrowableOfType(InvalidWorkflowException.class,
                () -> reader.read(text, "values.yaml"));
        assertThat(e).as("expected a refusal of:\n" + text).isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void countsKeysScalarsMappingsAndSequencesUpToTheLimit() {
        // root mapping, 2 keys, a sequence, 3 items, a mapping, 1 key and 1 value: 10 values
        Object root = ten.read("a: [1, 2, 3]\nb: {c: d}\n", "values.yaml").root();
        assertThat(root).isInstanceOf(Map.class);
    }

    @Test
    void refusesTheFirstValueOverTheLimitWhereItStands() {
        Problem problem = refusal(ten, "a: [1, 2, 3]\nb: {c: d, e: f}\n");
        assertThat(problem.message()).isEqualTo(
                "the document holds more than the limit of 10 values (keys, scalars, mappings and sequences)");
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(11);
    }

    @Test
    void countsManyKeysOnManyLinesAndOnOneLineAndAliases() {
        assertThat(refusal(ten, "k1: 1\nk2: 2\nk3: 3\nk4: 4\nk5: 5\nk6: 6\n").line()).isEqualTo(5);
        assertThat(refusal(ten, "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]").column()).isEqualTo(29);
        assertThat(refusal(ten, "a: &x 1\nb: [*x, *x, *x, *x, *x, *x, *x]\n").message()).contains("limit of 10 values");
    }

    @Test
    void theDefaultLimitRefusesADocumentOfSevenHundredThousandKeys() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 700_000; i++) {
            text.append('k').append(i).append(": 1\n");
        }
        Problem problem = refusal(new YamlTreeReader(YamlLimits.defaults()), text.toString());
        assertThat(problem.message()).contains("limit of 100000 values");
        assertThat(problem.line()).isEqualTo(50_000);
    }

    @Test
    void theLimitIsAConfigurationKey() {
        assertThat(PublicationTest.defaults().max_values()).isEqualTo(YamlLimits.DEFAULT_MAX_VALUES);
        assertThat(YamlLimits.defaults().withMaxValues(5).maxValues()).isEqualTo(5);
        assertThatThrownBy(() -> new YamlFormat(YamlLimits.defaults().withMaxValues(5)).parse(
                dev.victor.workflow.source.SourceDocument.fetched("v.yaml",
                        "a: 1\nb: 2\nc: 3\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), null, null)))
                .hasMessageContaining("limit of 5 values");
    }
}
