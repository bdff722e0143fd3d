package dev.victor.workflow.engine.internal;

import dev.victor.workflow.api.Interrupt;
import dev.victor.workflow.api.InvalidResponseException;
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

    /** Whether the node asks a yes/no question: approval, review and confirmation. */
    boolean asksYesNo() {
        return switch (type) {
            case "approval", "review", "confirmation" -> true;
            default -> false;
        };
    }

    /**
     * Checks a human's answer before the run goes on. A yes/no node (approval, review,
     * confirmation) accepts exactly {@code true}, {@code false}, a map whose {@code approved}
     * is one of them, or one of the choices it lists (a listed choice is never a rejection: the
     * workflow routes on it); a choice node one of its listed choices; an input node any value but
     * {@code null} or blank text (one of its choices when it lists any).
     *
     * @throws InvalidResponseException naming the node and what it accepts
     */
    void checkAnswer(String threadId, Object response) {
        String problem = problem(response);
        if (problem != null) {
            throw new InvalidResponseException(threadId, nodeId, type + " node '" + nodeId + "' of thread '" + threadId
                    + "' refused the response " + shown(response) + ": " + problem
                    + "; the thread still waits for an answer");
        }
    }

    private String problem(Object response) {
        if (asksYesNo()) {
            if (response instanceof Boolean) {
                return null;
            }
            if (response instanceof Map<?, ?> map) {
                Object approved = map.get("approved");
                return approved instanceof Boolean ? null
                        : "a map answer needs 'approved' set to true or false, found " + shown(approved);
            }
            if (!choices.isEmpty() && listed(response)) {
                // the node's own listed answers ("Approve", "Modify plan"): the workflow routes on them
                return null;
            }
            return "it accepts true or false, or a map with 'approved' set to true or false"
                    + (choices.isEmpty() ? "" : ", or one of the listed choices " + PyValues.repr(choices));
        }
        if ("choice".equals(type)) {
            if (choices.isEmpty()) {
                return "the node lists no choices, so no answer can be accepted";
            }
            return listed(response) ? null : "it accepts one of the listed choices " + PyValues.repr(choices);
        }
        if (response == null || response instanceof String text && text.isBlank()) {
            return "an answer is required";
        }
        if (!choices.isEmpty() && !listed(response)) {
            return "it accepts one of the listed choices " + PyValues.repr(choices);
        }
        return null;
    }

    private boolean listed(Object response) {
        for (Object choice : choices) {
            if (PyValues.equal(choice, response)) {
                return true;
            }
        }
        return false;
    }

    private static String shown(Object response) {
        String text = response instanceof Map<?, ?> || response instanceof List<?> ? "a " + (response instanceof Map<?, ?>
                ? "map" : "list") : PyValues.repr(response);
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
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
