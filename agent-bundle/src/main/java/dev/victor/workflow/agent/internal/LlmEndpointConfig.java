package dev.victor.workflow.agent.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One LLM endpoint: a factory configuration of PID {@value #PID}, for example
 * {@code etc/dev.victor.workflow.agent.llm-default.cfg}. OSGi names the keys with dots:
 * {@code base.url}, {@code api.key}, {@code api.key.env}, {@code timeout.seconds}, {@code max.retries},
 * {@code max.retry.wait.seconds}, {@code max.tokens}, {@code api.version}, {@code max.response.bytes}.
 */
@ObjectClassDefinition(id = LlmEndpointConfig.PID, name = "Victor workflows: LLM endpoint",
        description = "A chat-completion endpoint the agent runtime may call (OpenAI-compatible or Anthropic)")
public @interface LlmEndpointConfig {

    String PID = "dev.victor.workflow.agent.llm";

    @AttributeDefinition(name = "Name", description = "How llm_config.provider names this endpoint; nodes that name"
            + " none use 'default' (or the only endpoint)")
    String name() default "default";

    @AttributeDefinition(name = "Provider", description = "The protocol: openai (also Azure OpenAI, Ollama, vLLM,"
            + " LM Studio, llama.cpp, OpenRouter), azure (Azure OpenAI: the key in an api-key header, api.version in"
            + " the query) or anthropic", options = {
            @org.osgi.service.metatype.annotations.Option(value = "openai"),
            @org.osgi.service.metatype.annotations.Option(value = "azure"),
            @org.osgi.service.metatype.annotations.Option(value = "anthropic")})
    String provider();

    @AttributeDefinition(name = "Base URL", description = "The API's base with its version, such as"
            + " https://api.openai.com/v1, https://api.anthropic.com/v1 or http://127.0.0.1:11434/v1; for azure the"
            + " deployment, https://NAME.openai.azure.com/openai/deployments/DEPLOYMENT")
    String base_url();

    @AttributeDefinition(name = "API version", required = false, description = "azure only: the api-version query"
            + " parameter (empty: " + dev.victor.workflow.agent.LlmEndpoint.DEFAULT_AZURE_API_VERSION + "; 'none' sends"
            + " none, for Azure's /openai/v1 API)")
    String api_version() default "";

    @AttributeDefinition(name = "Model", description = "The model used unless llm_config.model names another")
    String model();

    @AttributeDefinition(name = "API key", type = AttributeType.PASSWORD, required = false,
            description = "The key; never logged or shown. Prefer api.key.env")
    String api_key() default "";

    @AttributeDefinition(name = "API key variable", required = false,
            description = "The name of an environment variable that holds the key")
    String api_key_env() default "";

    @AttributeDefinition(name = "Timeout (seconds)", description = "Longest one request may take, answer included",
            min = "1")
    int timeout_seconds() default 120;

    @AttributeDefinition(name = "Retries", description = "Further attempts after a 429, a 5xx, a timeout or a broken"
            + " connection", min = "0", max = "10")
    int max_retries() default 2;

    @AttributeDefinition(name = "Longest retry wait (seconds)", description = "The longest pause Retry-After may ask"
            + " for (longer fails at once); also caps the 1, 2, 4, ... s backoff", min = "0")
    int max_retry_wait_seconds() default 60;

    @AttributeDefinition(name = "Stream", description = "Ask for server-sent events instead of one JSON answer")
    boolean stream() default false;

    @AttributeDefinition(name = "Token limit", description = "The answer's token limit unless llm_config.max_tokens"
            + " says otherwise (Anthropic requires one); 0 sends none to an OpenAI endpoint", min = "0")
    int max_tokens() default 4096;

    @AttributeDefinition(name = "Longest answer (bytes)", description = "The most bytes one answer may have,"
            + " streamed or not; a longer one fails the call", min = "1")
    long max_response_bytes() default dev.victor.workflow.agent.LlmEndpoint.DEFAULT_MAX_RESPONSE_BYTES;
}
