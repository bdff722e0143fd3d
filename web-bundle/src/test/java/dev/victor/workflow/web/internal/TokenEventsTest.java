package dev.victor.workflow.web.internal;

import dev.victor.workflow.api.RunEvent;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.api.TokenUsage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The pieces of agents' answers and their token counts in the event stream, and a run's tokens in its document. */
class TokenEventsTest {

    @Test
    void piecesAndTokenCountsAreEventsOfTheirOwn() {
        RunEvent piece = new RunEvent.AgentToken("crew", "writer", "Hello");
        RunEvent used = new RunEvent.TokensUsed("crew", "writer", new TokenUsage(12, 5));

        assertThat(Documents.eventName(piece)).isEqualTo("agent-token");
        assertThat(Documents.eventName(used)).isEqualTo("tokens-used");
        assertThat(Documents.event(piece, null)).isEqualTo(Map.of("node", "crew", "member", "writer", "text", "Hello"));
        assertThat(Documents.event(used, null)).isEqualTo(Map.of("node", "crew", "member", "writer",
                "inputTokens", 12L, "outputTokens", 5L));
    }

    @Test
    void theRunDocumentCarriesTheTokensOnlyWhenAModelWasCalled() {
        Map<String, TokenUsage> usage = new LinkedHashMap<>();
        usage.put("a", new TokenUsage(1, 2));
        usage.put("b", new TokenUsage(10, 20));
        RunResult called = new RunResult(RunStatus.COMPLETED, "t", Map.of(), null, 2, Duration.ZERO, List.of("a", "b"),
                null, List.of(), usage);
        RunResult quiet = new RunResult(RunStatus.COMPLETED, "t", Map.of(), null, 1, Duration.ZERO, List.of("a"),
                null, List.of());

        assertThat(Documents.result(called, null).get("tokenUsage")).isEqualTo(Map.of("inputTokens", 11L,
                "outputTokens", 22L, "nodes", Map.of("a", Map.of("inputTokens", 1L, "outputTokens", 2L),
                        "b", Map.of("inputTokens", 10L, "outputTokens", 20L))));
        assertThat(Documents.result(quiet, null)).doesNotContainKey("tokenUsage");
    }
}
