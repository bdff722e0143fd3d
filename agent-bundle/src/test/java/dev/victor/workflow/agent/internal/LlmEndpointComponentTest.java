package dev.victor.workflow.agent.internal;

import dev.victor.workflow.agent.LlmEndpoint;
import dev.victor.workflow.agent.Provider;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A configuration read into an endpoint: Azure's api.version and the response limit. */
class LlmEndpointComponentTest {

    /** The configuration as DS hands it over: every key has its default unless the file sets it. */
    static LlmEndpointConfig config(String provider, String apiVersion, long maxResponseBytes) {
        return new LlmEndpointConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return LlmEndpointConfig.class;
            }

            @Override
            public String name() {
                return "default";
            }

            @Override
            public String provider() {
                return provider;
            }

            @Override
            public String base_url() {
                return "https://my.openai.azure.com/openai/deployments/small";
            }

            @Override
            public String model() {
                return "gpt-4o-mini";
            }

            @Override
            public String api_key() {
                return "";
            }

            @Override
            public String api_key_env() {
                return "AZURE_KEY";
            }

            @Override
            public int timeout_seconds() {
                return 120;
            }

            @Override
            public int max_retries() {
                return 2;
            }

            @Override
            public int max_retry_wait_seconds() {
                return 60;
            }

            @Override
            public boolean stream() {
                return false;
            }

            @Override
            public int max_tokens() {
                return 4096;
            }

            @Override
            public String api_version() {
                return apiVersion;
            }

            @Override
            public long max_response_bytes() {
                return maxResponseBytes;
            }
        };
    }

    static LlmEndpoint endpoint(LlmEndpointConfig config) {
        return LlmEndpointComponent.endpoint(config, Map.of("provider", config.provider(), "base.url", config.base_url(),
                "model", config.model()), name -> name.equals("AZURE_KEY") ? "azure-secret" : null);
    }

    @Test
    void azureGetsTheDefaultVersionAnotherOrNone() {
        LlmEndpoint byDefault = endpoint(config("azure", "", LlmEndpoint.DEFAULT_MAX_RESPONSE_BYTES));
        LlmEndpoint other = endpoint(config("azure", " 2025-01-01-preview ", 1000));
        LlmEndpoint none = endpoint(config("Azure", "none", 1000));

        assertThat(byDefault.provider()).isEqualTo(Provider.AZURE);
        assertThat(byDefault.apiVersion()).isEqualTo(LlmEndpoint.DEFAULT_AZURE_API_VERSION);
        assertThat(byDefault.apiKey()).isEqualTo("azure-secret");
        assertThat(byDefault.maxResponseBytes()).isEqualTo(8L * 1024 * 1024);
        assertThat(other.apiVersion()).isEqualTo("2025-01-01-preview");
        assertThat(other.maxResponseBytes()).isEqualTo(1000);
        assertThat(none.apiVersion()).isEmpty();
    }

    @Test
    void theOtherProvidersTakeNoVersionButTheDefaultConfigurationIsFine() {
        assertThat(endpoint(config("openai", "", 1000)).apiVersion()).isNull();
        assertThat(endpoint(config("anthropic", "", 1000)).apiVersion()).isNull();
        assertThatThrownBy(() -> endpoint(config("openai", "2024-10-21", 1000)))
                .hasMessageContaining("api.version is for provider 'azure' only, not 'openai'");
        assertThatThrownBy(() -> endpoint(config("openai", "", 0)))
                .hasMessageContaining("max.response.bytes must be positive");
    }
}
