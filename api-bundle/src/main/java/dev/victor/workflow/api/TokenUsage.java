package dev.victor.workflow.api;

/**
 * Tokens that LLM calls took, as the providers counted them (their {@code usage} fields).
 *
 * @param inputTokens  tokens of the prompts (OpenAI's {@code prompt_tokens}, Anthropic's {@code input_tokens})
 * @param outputTokens tokens of the answers (OpenAI's {@code completion_tokens}, Anthropic's {@code output_tokens})
 */
public record TokenUsage(long inputTokens, long outputTokens) {
    /** No tokens. */
    public static final TokenUsage NONE = new TokenUsage(0, 0);

    public TokenUsage {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative: " + inputTokens + ", " + outputTokens);
        }
    }

    /** Input and output tokens together. */
    public long totalTokens() {
        return inputTokens + outputTokens;
    }

    /** The sum of both. */
    public TokenUsage plus(TokenUsage other) {
        return other == null || other.isEmpty() ? this
                : new TokenUsage(inputTokens + other.inputTokens, outputTokens + other.outputTokens);
    }

    public boolean isEmpty() {
        return inputTokens == 0 && outputTokens == 0;
    }
}
