package dev.victor.workflow.model;

import dev.victor.workflow.format.SourcePosition;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Stops the run until a human answers.
 *
 * @param prompt       with {@code {key}} templates
 * @param choices      {@code choices} or {@code options}
 * @param contextKeys  state keys shown with the request
 * @param defaultValue used by the {@code continue} fallback
 * @param timeout      default 300 s
 * @param output       the state key the response is written to (default: the id)
 */
public record HitlNode(String id, String name, List<String> next, boolean chained,
                       HitlType hitlType, String prompt, List<Object> choices, List<String> contextKeys,
                       Object defaultValue, Duration timeout, HitlFallback fallback, String output,
                       Map<String, Object> extras, SourcePosition position) implements NodeDefinition {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);

    @Override
    public String type() {
        return "hitl";
    }
}
