package dev.victor.workflow.agent;

import java.util.Locale;

/** The wire protocol an endpoint speaks. */
public enum Provider {
    /** OpenAI's {@code POST {base.url}/chat/completions}, also served by Ollama, vLLM, LM Studio, llama.cpp, OpenRouter. */
    OPENAI,
    /**
     * Azure OpenAI: OpenAI's protocol at {@code POST {base.url}/chat/completions?api-version=...}, where
     * {@code base.url} is the deployment ({@code https://NAME.openai.azure.com/openai/deployments/DEPLOYMENT}),
     * with the key in an {@code api-key} header instead of {@code Authorization: Bearer}.
     */
    AZURE,
    /** Anthropic's {@code POST {base.url}/messages}. */
    ANTHROPIC;

    /** Reads {@code openai}, {@code azure} or {@code anthropic} (any case). */
    public static Provider parse(String text) {
        String name = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "openai" -> OPENAI;
            case "azure" -> AZURE;
            case "anthropic" -> ANTHROPIC;
            default -> throw new IllegalArgumentException("provider must be 'openai', 'azure' or 'anthropic', not '"
                    + text + "'");
        };
    }

    /** The name as written in a configuration. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
