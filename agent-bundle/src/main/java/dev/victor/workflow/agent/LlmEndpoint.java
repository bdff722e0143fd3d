package dev.victor.workflow.agent;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One chat-completion endpoint.
 *
 * @param name          how {@code llm_config.provider} names it ({@code default} is used when a node names none)
 * @param provider      the protocol
 * @param baseUrl       the API's base, with its version: {@code https://api.openai.com/v1},
 *                      {@code https://api.anthropic.com/v1}, {@code http://127.0.0.1:11434/v1}
 * @param model         the model used unless {@code llm_config.model} says otherwise
 * @param apiKey        the key, or {@code null} (a local server); never shown by {@link #toString()}
 * @param timeout       the longest one HTTP request may take, answer included
 * @param maxRetries    further attempts after a 429, a 5xx, a timeout or a broken connection
 * @param maxRetryWait  the longest pause a {@code Retry-After} may ask for; longer fails at once
 * @param stream        ask for server-sent events instead of one JSON answer
 * @param maxTokens     the answer's token limit unless {@code llm_config.max_tokens} says otherwise
 *                      (Anthropic requires one; 0 sends none to an OpenAI endpoint)
 */
public record LlmEndpoint(String name, Provider provider, URI baseUrl, String model, String apiKey,
                          Duration timeout, int maxRetries, Duration maxRetryWait, boolean stream, int maxTokens) {

    public static final String DEFAULT_NAME = "default";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_MAX_RETRIES = 2;
    public static final Duration DEFAULT_MAX_RETRY_WAIT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_TOKENS = 4096;

    public LlmEndpoint {
        Objects.requireNonNull(provider, "provider");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be empty");
        }
        if (baseUrl == null || baseUrl.getScheme() == null
                || !(baseUrl.getScheme().equalsIgnoreCase("http") || baseUrl.getScheme().equalsIgnoreCase("https"))
                || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("base.url must be an http or https URL, not '" + baseUrl + "'");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model must not be empty");
        }
        if (apiKey != null && apiKey.isBlank()) {
            apiKey = null;
        }
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout.seconds must be positive");
        }
        if (maxRetries < 0 || maxRetries > 10) {
            throw new IllegalArgumentException("max.retries must be between 0 and 10, not " + maxRetries);
        }
        if (maxRetryWait == null || maxRetryWait.isNegative()) {
            throw new IllegalArgumentException("max.retry.wait.seconds must not be negative");
        }
        if (maxTokens < 0) {
            throw new IllegalArgumentException("max.tokens must not be negative");
        }
    }

    /** An endpoint with the default timeout, retries, retry wait and token limit, not streaming. */
    public static LlmEndpoint of(String name, Provider provider, String baseUrl, String model, String apiKey) {
        return new LlmEndpoint(name, provider, URI.create(baseUrl), model, apiKey, DEFAULT_TIMEOUT,
                DEFAULT_MAX_RETRIES, DEFAULT_MAX_RETRY_WAIT, false, DEFAULT_MAX_TOKENS);
    }

    public LlmEndpoint withTimeout(Duration newTimeout) {
        return new LlmEndpoint(name, provider, baseUrl, model, apiKey, newTimeout, maxRetries, maxRetryWait, stream,
                maxTokens);
    }

    public LlmEndpoint withRetries(int newMaxRetries, Duration newMaxRetryWait) {
        return new LlmEndpoint(name, provider, baseUrl, model, apiKey, timeout, newMaxRetries, newMaxRetryWait,
                stream, maxTokens);
    }

    public LlmEndpoint withStream(boolean newStream) {
        return new LlmEndpoint(name, provider, baseUrl, model, apiKey, timeout, maxRetries, maxRetryWait, newStream,
                maxTokens);
    }

    /** How errors name the endpoint: never with its key. */
    public String describe() {
        return "LLM endpoint '" + name + "' (" + provider.key() + ", " + baseUrl + ")";
    }

    @Override
    public String toString() {
        return "LlmEndpoint[name=" + name + ", provider=" + provider.key() + ", baseUrl=" + baseUrl + ", model="
                + model + ", apiKey=" + (apiKey == null ? "(none)" : "(set)") + ", timeout=" + timeout
                + ", maxRetries=" + maxRetries + ", maxRetryWait=" + maxRetryWait + ", stream=" + stream
                + ", maxTokens=" + maxTokens + "]";
    }
}
