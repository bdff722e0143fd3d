package dev.victor.workflow.agent.internal;

/** Tokens an answer (or a whole task) took, as the endpoint counted them. */
public record Usage(long inputTokens, long outputTokens) {
    static final Usage NONE = new Usage(0, 0);

    Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens);
    }
}
