package dev.victor.workflow.registry.internal.command;

import dev.victor.workflow.api.RunEvent;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.TokenUsage;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** How the commands show what agents did: a run's token usage in its JSON document, the pieces of answers as they arrive. */
final class UsageDocument {
    private UsageDocument() {
    }

    /** {@code {"inputTokens", "outputTokens", "nodes": {node: {"inputTokens", "outputTokens"}}}}. */
    static Map<String, Object> of(RunResult result) {
        Map<String, Object> nodes = new LinkedHashMap<>();
        result.tokenUsage().forEach((node, usage) -> nodes.put(node, counts(usage)));
        Map<String, Object> doc = counts(result.totalTokenUsage());
        doc.put("nodes", nodes);
        return doc;
    }

    private static Map<String, Object> counts(TokenUsage usage) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("inputTokens", usage.inputTokens());
        doc.put("outputTokens", usage.outputTokens());
        return doc;
    }

    /** Prints the pieces of agents' answers on lines of their own ({@code   | ...}) as they arrive. */
    static final class Pieces {
        private final PrintStream out;
        private boolean midLine;

        Pieces(PrintStream out) {
            this.out = out;
        }

        /** Prints the event if it is a piece and returns true; otherwise ends a line of pieces and returns false. */
        boolean print(RunEvent event) {
            if (event instanceof RunEvent.AgentToken token) {
                out.print((midLine ? "" : "  | ") + token.text().replace("\n", "\n  | "));
                out.flush();
                midLine = true;
                return true;
            }
            if (midLine) {
                out.println();
                midLine = false;
            }
            return false;
        }
    }
}
