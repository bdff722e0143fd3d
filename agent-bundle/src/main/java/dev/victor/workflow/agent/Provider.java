package dev.victor.workflow.agent;

import java.util.Locale;

/** The wire protocol an endpoint speaks. */
public enum Provider {
    /** OpenAI's {@code POST {base.url}/chat/completions}, also served by Ollama, vLLM, LM Studio, llama.cpp, OpenRouter. */
    OPENAI,
    /** Anthropic's {@code POST {base.url}/messages}. */
    ANTHROPIC;

    /** Reads {@code openai} or {@code anthropic} (any case). */
    public static Provider parse(String text) {
        String name = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "openai" -> OPENAI;
            case "anthropic" -> ANTHROPIC;
            default -> throw new IllegalArgumentException("provider must be 'openai' or 'anthropic', not '" + text + "'");
        };
    }

    /** The name as written in a configuration. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
