package dev.victor.workflow.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run waiting for a human: what to ask, which answers are expected and until when.
 *
 * @param nodeId       the human-in-the-loop node
 * @param type         approval, review, choice, input or confirmation
 * @param prompt       the prompt with its templates rendered from the state
 * @param choices      the offered choices (empty when free input)
 * @param context      the values of the node's {@code context_keys} at the time of the interrupt
 * @param defaultValue the value used when the fallback is {@code continue}
 * @param fallback     what happens after the deadline: abort, continue, skip or retry
 * @param deadline     when the request expires; {@code null} for never
 * @param id           the pause's id, unique in the store: a resume may name it, so that an
 *                     answer meant for this question never lands on a later one; {@code null}
 *                     until the run has saved the pause
 */
public record Interrupt(String nodeId, String type, String prompt, List<Object> choices,
                       Map<String, Object> context, Object defaultValue, String fallback,
                       Instant deadline, String id) {
    /** An interrupt without an id yet. */
    public Interrupt(String nodeId, String type, String prompt, List<Object> choices, Map<String, Object> context,
                     Object defaultValue, String fallback, Instant deadline) {
        this(nodeId, type, prompt, choices, context, defaultValue, fallback, deadline, null);
    }

    /** The same request under another pause id. */
    public Interrupt withId(String newId) {
        return new Interrupt(nodeId, type, prompt, choices, context, defaultValue, fallback, deadline, newId);
    }

    public Interrupt {
        choices = choices == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(choices));
        context = context == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(context));
    }
}
