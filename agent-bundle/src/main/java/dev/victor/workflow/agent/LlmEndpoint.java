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
 * @param apiVersion    Azure OpenAI's {@code api-version} query parameter ({@link #DEFAULT_AZURE_API_VERSION}
 *                      unless set; empty sends none, for Azure's {@code /openai/v1} API); {@code null} for the
 *                      other providers, which take none
 * @param maxResponseBytes the most bytes one answer may have, streamed or not ({@code max.response.bytes});
 *                      a longer answer fails the call
 */
public record LlmEndpoint(String name, Provider provider, URI baseUrl, String model, String apiKey,
                          Duration timeout, int maxRetries, Duration maxRetryWait, boolean stream, int maxTokens,
                          String apiVersion, long maxResponseBytes) {

    public static final String DEFAULT_NAME = "default";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_MAX_RETRIES = 2;
    public static final Duration DEFAULT_MAX_RETRY_WAIT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_TOKENS = 4096;
    /** The Azure OpenAI API version sent unless {@code api.version} names another. */
    public static final String DEFAULT_AZURE_API_VERSION = "2024-10-21";
    /** The most bytes one answer may have unless {@code max.response.bytes} says otherwise: 8 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 8L * 1024 * 1024;

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
        if (provider == Provider.AZURE) {
            apiVersion = apiVersion == null ? DEFAULT_AZURE_API_VERSION : apiVersion.strip();
            if (!apiVersion.matches("[A-Za-z0-9._-]*")) {
                throw new IllegalArgumentException("api.version must be letters, digits, '.', '_' or '-', not '"
                        + apiVersion + "'");
            }
            if (baseUrl.getRawQuery() != null) {
                throw new IllegalArgumentException("base.url must have no query (api.version gives api-version), not '"
                        + baseUrl + "'");
            }
        } else if (apiVersion != null && !apiVersion.isBlank()) {
            throw new IllegalArgumentException("api.version is for provider 'azure' only, not '" + provider.key() + "'");
        } else {
            apiVersion = null;
        }
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("max.response.bytes must be positive, not " + maxResponseBytes);
        }
    }

    /** An endpoint with the default API version and response size limit. */
    public LlmEndpoint(String name, Provider provider, URI baseUrl, String model, String apiKey, Duration timeout,
                       int maxRetries, Duration maxRetryWait, boolean stream, int maxTokens) {
        this(name, provider, baseUrl, model, apiKey, timeout, maxRetries, maxRetryWait, stream, maxTokens, null,
                DEFAULT_MAX_RESPONSE_BYTES);
    }

    /** An endpoint with the default timeout, retries, retry wait and token limit, not streaming. */
    public static LlmEndpoint of(String name, Provider provider, String baseUrl, String model, String apiKey) {
        return new LlmEndpoint(name, provider, URI.create(baseUrl), model, apiKey, DEFAULT_TIMEOUT,
                DEFAULT_MAX_RETRIES, DEFAULT_MAX_RETRY_WAIT, false, DEFAULT_MAX_TOKENS, null, DEFAULT_MAX_RESPONSE_BYTES);
    }

    public LlmEndpoint withTimeout(Duration newTimeout) {
        return new LlmEndpoint(name, provider, baseUrl, model, apiKey, newTimeout, maxRetries, maxRetryWait, stream,
                maxTokens, apiVersion, maxResponseBytes);
    }

    public LlmEndpoint withRetries(int newMaxRetries, Duration newMaxRetryWait) {
        return new LlmEndpoint(name, provider, baseUrl, model, apiKey, timeout, newMaxRetries, newMaxRetryWait,
                stream, maxTokens, apiVersion, maxResponseBytes);
    }

    public LlmEndpoint withStream(boolean newStream) {
        return new LlmEndpoint(name, provider, baseUrl, model, apiKey, timeout, maxRetries, maxRetryWait, newStream,
                maxTokens, apiVersion, maxResponseBytes);
    }

    public LlmEndpoint withMaxResponseBytes(long newMaxResponseBytes) {
        return new LlmEndpoint(name, provider, baseUrl, model, apiKey, timeout, maxRetries, maxRetryWait, stream,
                maxTokens, apiVersion, newMaxResponseBytes);
    }

    public LlmEndpoint withApiVersion(String newApiVersion) {
        return new LlmEndpoint(name, provider, baseUrl, model, apiKey, timeout, maxRetries, maxRetryWait, stream,
                maxTokens, newApiVersion, maxResponseBytes);
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
                + ", maxTokens=" + maxTokens + (apiVersion == null ? "" : ", apiVersion=" + apiVersion)
                + ", maxResponseBytes=" + maxResponseBytes + "]";
    }
}
