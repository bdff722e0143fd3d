package dev.victor.workflow.model.internal;

import dev.victor.workflow.api.Problem;
import dev.victor.workflow.format.SourcePositions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The interpolator leaves the tree alone and copies only what holds a replaced value. */
class InterpolatorTest {
    private final Scope scope = new Scope("flows.yaml", "w", SourcePositions.none(), true, false);
    private final Interpolator interpolator = new Interpolator(name -> name.equals("KEY") ? "secret" : null);

    @Test
    void aTreeWithoutEnvironmentValuesIsReturnedAsItIs() {
        Map<String, Object> tree = Map.of("nodes", List.of(Map.of("id", "a", "goal", "costs $5, not $env")));

        assertThat(interpolator.apply(tree, List.of("workflows", "w"), null, scope)).isSameAs(tree);
        assertThat(scope.problems).isEmpty();
    }

    @Test
    void onlyTheMapsAndListsAboveAReplacedStringAreCopied() {
        Map<String, Object> untouched = Map.of("id", "b", "goal", "plain");
        Map<String, Object> tree = Map.of("nodes", List.of(Map.of("id", "a", "goal", "use $env.KEY here"), untouched),
                "description", "d");

        Map<?, ?> result = (Map<?, ?>) interpolator.apply(tree, List.of("workflows", "w"), null, scope);

        List<?> nodes = (List<?>) result.get("nodes");
        assertThat(((Map<?, ?>) nodes.get(0)).get("goal")).isEqualTo("use secret here");
        assertThat(nodes.get(1)).isSameAs(untouched);
        assertThat(result.get("description")).isEqualTo("d");
        assertThat(((Map<?, ?>) ((List<?>) tree.get("nodes")).get(0)).get("goal")).isEqualTo("use $env.KEY here");
        assertThat(scope.problems).isEmpty();
    }

    @Test
    void problemsNameThePathOfTheValueAndItsNode() {
        Map<String, Object> tree = Map.of("nodes", List.of(Map.of("id", "a",
                "inputs", Map.of("home", "${HOME}", "other", "$env.MISSING"))));

        Object result = interpolator.apply(tree, List.of("workflows", "w"), null, scope);

        assertThat(result).isSameAs(tree);
        assertThat(scope.problems).extracting(Problem::path).containsExactlyInAnyOrder(
                "workflows.w.nodes[0].inputs.home", "workflows.w.nodes[0].inputs.other");
        assertThat(scope.problems).extracting(Problem::node).containsOnly("a");
        assertThat(scope.problems).extracting(Problem::message).anySatisfy(message ->
                assertThat(message).contains("'${HOME}' is not environment interpolation here"));
        assertThat(scope.problems).extracting(Problem::message).anySatisfy(message ->
                assertThat(message).contains("environment variable MISSING is not set"));
    }
}
