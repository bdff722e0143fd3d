package dev.victor.workflow.web.internal;

import dev.victor.workflow.api.Interrupt;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.RunEvent;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.TokenUsage;
import dev.victor.workflow.spi.Checkpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON documents of the API, as maps. A run's document has the shape {@code workflow:run
 * --json} prints: {@code status, threadId, state, error, iterations, history, interrupt,
 * warnings} (plus {@code placeholders} for a dry run).
 */
final class Documents {

    private Documents() {
    }

    static Map<String, Object> result(RunResult result, List<String> placeholders) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("status", result.status().name());
        doc.put("threadId", result.threadId());
        doc.put("state", result.state());
        if (result.error() == null) {
            doc.put("error", null);
        } else {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("node", result.error().nodeId());
            error.put("message", result.error().message());
            error.put("type", result.error().type());
            doc.put("error", error);
        }
        doc.put("iterations", result.iterations());
        doc.put("history", result.nodeHistory());
        doc.put("interrupt", result.interrupt() == null ? null : interrupt(result.interrupt()));
        doc.put("warnings", result.warnings());
        if (!result.tokenUsage().isEmpty()) {
            Map<String, Object> nodes = new LinkedHashMap<>();
            result.tokenUsage().forEach((node, usage) -> nodes.put(node, tokens(usage)));
            Map<String, Object> usage = tokens(result.totalTokenUsage());
            usage.put("nodes", nodes);
            doc.put("tokenUsage", usage);
        }
        if (placeholders != null) {
            doc.put("placeholders", placeholders);
        }
        return doc;
    }

    private static Map<String, Object> tokens(TokenUsage usage) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("inputTokens", usage.inputTokens());
        doc.put("outputTokens", usage.outputTokens());
        return doc;
    }

    /** A run still going: the same keys, status RUNNING, what it has done so far. */
    static Map<String, Object> running(String threadId, int iterations, List<String> history) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("status", "RUNNING");
        doc.put("threadId", threadId);
        doc.put("state", null);
        doc.put("error", null);
        doc.put("iterations", iterations);
        doc.put("history", history);
        doc.put("interrupt", null);
        doc.put("warnings", List.of());
        return doc;
    }

    /** A run waiting for a person, from its checkpoint (a run started elsewhere, or before a restart). */
    static Map<String, Object> waiting(Checkpoint checkpoint) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("status", "INTERRUPTED");
        doc.put("threadId", checkpoint.threadId());
        doc.put("state", checkpoint.state());
        doc.put("error", null);
        doc.put("iterations", checkpoint.iterations());
        doc.put("history", checkpoint.history());
        doc.put("interrupt", checkpoint.pending() == null ? null : interrupt(checkpoint.pending()));
        doc.put("warnings", List.of());
        return doc;
    }

    static Map<String, Object> interrupt(Interrupt interrupt) {
        Map<String, Object> pending = new LinkedHashMap<>();
        pending.put("pause", interrupt.id());
        pending.put("node", interrupt.nodeId());
        pending.put("type", interrupt.type());
        pending.put("prompt", interrupt.prompt());
        pending.put("choices", interrupt.choices());
        pending.put("deadline", interrupt.deadline() == null ? null : interrupt.deadline().toString());
        return pending;
    }

    /** One entry of the inbox. */
    static Map<String, Object> inboxEntry(Checkpoint checkpoint, Instant now) {
        Interrupt pending = checkpoint.pending();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("threadId", checkpoint.threadId());
        entry.put("workflow", checkpoint.workflow());
        entry.put("uri", checkpoint.origin());
        entry.put("pause", pending.id());
        entry.put("node", pending.nodeId());
        entry.put("type", pending.type());
        entry.put("prompt", pending.prompt());
        entry.put("choices", pending.choices());
        entry.put("context", pending.context());
        entry.put("fallback", pending.fallback());
        entry.put("deadline", pending.deadline() == null ? null : pending.deadline().toString());
        entry.put("since", checkpoint.savedAt() == null ? null : checkpoint.savedAt().toString());
        entry.put("ageSeconds", checkpoint.savedAt() == null ? null
                : Math.max(0, Duration.between(checkpoint.savedAt(), now).toSeconds()));
        return entry;
    }

    static List<Map<String, Object>> problems(List<Problem> problems, String workflow) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Problem problem : problems) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("severity", problem.severity().name().toLowerCase(Locale.ROOT));
            item.put("message", problem.message());
            item.put("workflow", problem.workflow() != null ? problem.workflow() : workflow);
            item.put("node", problem.node());
            item.put("line", problem.line());
            item.put("column", problem.column());
            list.add(item);
        }
        return list;
    }

    /** The name of an event in the event stream. */
    static String eventName(RunEvent event) {
        if (event instanceof RunEvent.RunStarted) {
            return "run-started";
        } else if (event instanceof RunEvent.NodeStarted) {
            return "node-started";
        } else if (event instanceof RunEvent.NodeCompleted) {
            return "node-completed";
        } else if (event instanceof RunEvent.NodeFailed) {
            return "node-failed";
        } else if (event instanceof RunEvent.RunWarning) {
            return "warning";
        } else if (event instanceof RunEvent.Interrupted) {
            return "interrupted";
        } else if (event instanceof RunEvent.AgentToken) {
            return "agent-token";
        } else if (event instanceof RunEvent.TokensUsed) {
            return "tokens-used";
        }
        return "run-finished";
    }

    /** The data of an event in the event stream; the finish event carries the run's document. */
    static Map<String, Object> event(RunEvent event, List<String> placeholders) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (event instanceof RunEvent.RunStarted started) {
            data.put("threadId", started.threadId());
            data.put("workflow", started.workflow());
            data.put("entryNode", started.entryNode());
            data.put("resumed", started.resumed());
        } else if (event instanceof RunEvent.NodeStarted started) {
            data.put("node", started.nodeId());
            data.put("type", started.nodeType());
            data.put("iteration", started.iteration());
        } else if (event instanceof RunEvent.NodeCompleted completed) {
            data.put("node", completed.nodeId());
            data.put("iteration", completed.iteration());
            data.put("millis", completed.duration().toMillis());
            data.put("updates", completed.updates());
        } else if (event instanceof RunEvent.NodeFailed failed) {
            data.put("node", failed.nodeId());
            data.put("iteration", failed.iteration());
            data.put("message", failed.message());
            data.put("willRetry", failed.willRetry());
        } else if (event instanceof RunEvent.RunWarning warning) {
            data.put("node", warning.nodeId());
            data.put("message", warning.message());
        } else if (event instanceof RunEvent.Interrupted interrupted) {
            data.putAll(interrupt(interrupted.interrupt()));
        } else if (event instanceof RunEvent.AgentToken token) {
            data.put("node", token.nodeId());
            data.put("member", token.memberId());
            data.put("text", token.text());
        } else if (event instanceof RunEvent.TokensUsed used) {
            data.put("node", used.nodeId());
            data.put("member", used.memberId());
            data.put("inputTokens", used.usage().inputTokens());
            data.put("outputTokens", used.usage().outputTokens());
        } else if (event instanceof RunEvent.RunFinished finished) {
            data.putAll(result(finished.result(), placeholders));
        }
        return data;
    }
}
