package dev.victor.workflow.agent.internal;

import dev.victor.workflow.kernel.osgi.ConfigurationKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration's keys as Declarative Services names them (the warning itself: engine-bundle's ConfigurationKeysTest). */
class ConfigurationKeysTest {

    @Test
    void theKnownKeysAreTheConfigurationTypesAttributes() {
        assertThat(ConfigurationKeys.of(LlmEndpointConfig.class)).contains("base.url", "model")
                .allMatch(key -> !key.contains("_") || key.startsWith("_"));
    }
}
