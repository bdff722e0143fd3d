package dev.victor.workflow.model;

import dev.victor.workflow.model.internal.Paths;
import dev.victor.workflow.model.internal.Suggest;
import dev.victor.workflow.model.internal.Terminal;
import dev.victor.workflow.model.internal.Values;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The reader's helpers (package model.internal). */
class InternalHelpersTest {

    @Test
    void pathsAreWrittenAsDottedKeysAndIndices() {
        assertThat(Paths.format(Paths.of("workflows", "build", "nodes", 2, "next"))).isEqualTo("workflows.build.nodes[2].next");
        assertThat(Paths.format(Paths.of("w", "branches", "Modify plan"))).isEqualTo("w.branches[\"Modify plan\"]");
        assertThat(Paths.format(Paths.of("a", "x\"y"))).isEqualTo("a[\"x\\\"y\"]");
        assertThat(Paths.format(List.of())).isEmpty();
    }

    @Test
    void suggestions() {
        List<String> ids = List.of("run_tests", "fix_tests", "deploy");
        assertThat(Suggest.closest("run_test", ids)).contains("run_tests");
        assertThat(Suggest.closest("Deploy", ids)).contains("deploy");
        assertThat(Suggest.closest("xyz", ids)).isEmpty();
        assertThat(Suggest.closest("ab", List.of("cd"))).isEmpty();
        assertThat(Suggest.closest("max_timeout_seconds", List.of("max_execution_timeout_seconds", "timeout")))
                .contains("max_execution_timeout_seconds");
        assertThat(Suggest.didYouMean("fix_test", ids)).isEqualTo(" (did you mean 'fix_tests'?)");
        assertThat(Suggest.distance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void terminalWords() {
        assertThat(Terminal.words("endWithRecommendations")).containsExactly("end", "with", "recommendations");
        assertThat(Terminal.words("HTTPServerDone")).containsExactly("http", "server", "done");
        assertThat(Terminal.words("notify-failed now_ok")).containsExactly("notify", "failed", "now", "ok");
        assertThat(Terminal.terminalWord("complete_success")).isEqualTo("complete");
        assertThat(Terminal.terminalWord("x", "Feature Aborted")).isEqualTo("aborted");
        assertThat(Terminal.terminalWord("extend", "send_ending", null)).isNull();
    }

    @Test
    void numbers() {
        assertThat(Values.wholeNumber(20L)).isEqualTo(20);
        assertThat(Values.wholeNumber(BigInteger.TEN.pow(20))).isNull();
        assertThat(Values.wholeNumber(20.0)).isNull();
        assertThat(Values.seconds(1.5)).isEqualTo(Duration.ofMillis(1500));
        assertThat(Values.seconds(Double.NaN)).isNull();
        assertThat(Values.seconds("10")).isNull();
        assertThat(Values.scalarText(true)).isEqualTo("true");
        assertThat(Values.scalarText(2.5)).isEqualTo("2.5");
    }
}
