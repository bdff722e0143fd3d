package dev.victor.workflow.engine.internal;

import dev.victor.workflow.api.Interrupt;
import dev.victor.workflow.expr.PyValues;
import dev.victor.workflow.model.HitlFallback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A human-in-the-loop node: what it asks, and what it does with the answer. */
final class HitlBody {
    static final String RESPONSE_KEY = "_hitl_response";

    final String nodeId;
    final String type;
    final Template prompt;
    final List<Object> choices;
    final List<String> contextKeys;
    final Object defaultValue;
    final Duration timeout;
    final HitlFallback fallback;
    final String output;

    HitlBody(String nodeId, String type, Template prompt, List<Object> choices, List<String> contextKeys,
             Object defaultValue, Duration timeout, HitlFallback fallback, String output) {
        this.nodeId = nodeId;
        this.type = type;
        this.prompt = prompt;
        this.choices = choices;
        this.contextKeys = contextKeys;
        this.defaultValue = defaultValue;
        this.timeout = timeout;
        this.fallback = fallback == null ? HitlFallback.ABORT : fallback;
        this.output = output;
    }

    Interrupt interrupt(Map<String, Object> state, Clock clock) {
        String text = prompt.render(state, Map.of());
        Map<String, Object> context = new LinkedHashMap<>();
        for (String key : contextKeys) {
            Object value = Paths.lookup(state, Paths.split(key));
            context.put(key, value == Paths.MISSING ? null : value);
        }
        Instant deadline = timeout == null ? null : clock.instant().plus(timeout);
        return new Interrupt(nodeId, type, text, choices, context, defaultValue,
                fallback.name().toLowerCase(Locale.ROOT), deadline);
    }

    /** A response that says no: {@code false}, or a map with {@code approved: false}. */
    static boolean isRejection(Object response) {
        if (Boolean.FALSE.equals(response)) {
            return true;
        }
        return response instanceof Map<?, ?> map && Boolean.FALSE.equals(map.get("approved"));
    }

    static String reason(Object response) {
        if (response instanceof Map<?, ?> map) {
            Object reason = map.get("reason");
            if (reason == null) {
                reason = map.get("feedback");
            }
            if (reason != null) {
                return PyValues.str(reason);
            }
        }
        return "no reason given";
    }
}
