package dev.victor.workflow.registry.internal.command;

import dev.victor.workflow.api.RunEvent;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.api.TokenUsage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UsageDocumentTest {

    private static RunResult result(Map<String, TokenUsage> usage) {
        return new RunResult(RunStatus.COMPLETED, "t1", Map.of(), null, 2, Duration.ZERO, List.of("a", "b"), null,
                List.of(), usage);
    }

    @Test
    void theJsonDocumentCarriesTheRunsTokensAndEachNodes() {
        Map<String, TokenUsage> usage = new LinkedHashMap<>();
        usage.put("writer", new TokenUsage(15, 3));
        usage.put("crew", new TokenUsage(35, 6));

        Map<String, Object> doc = WorkflowCommands.resultDocument(result(usage), null);

        assertThat(dev.victor.workflow.engine.render.Json.write(doc.get("tokenUsage"))).isEqualTo("{\"inputTokens\":50,"
                + "\"outputTokens\":9,\"nodes\":{\"writer\":{\"inputTokens\":15,\"outputTokens\":3},"
                + "\"crew\":{\"inputTokens\":35,\"outputTokens\":6}}}");
    }

    @Test
    void aRunWithoutModelCallsHasNoTokenUsageKey() {
        assertThat(WorkflowCommands.resultDocument(result(Map.of()), null)).doesNotContainKey("tokenUsage");
    }

    @Test
    void piecesOfAnAnswerArePrintedOnOneLineAsTheyArrive() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        UsageDocument.Pieces pieces = new UsageDocument.Pieces(out);

        for (RunEvent event : List.of(new RunEvent.AgentToken("w", null, "Hello"),
                new RunEvent.AgentToken("w", null, ", wor"), new RunEvent.AgentToken("w", null, "ld\nbye"),
                new RunEvent.TokensUsed("w", null, new TokenUsage(3, 4)))) {
            if (!pieces.print(event)) {
                WorkflowCommands.printEvent(event, out);
            }
        }

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
                "  | Hello, world\n  | bye\n  $ w: 3 input and 4 output tokens\n");
    }
}
