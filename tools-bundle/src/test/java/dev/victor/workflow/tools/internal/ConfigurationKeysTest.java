package dev.victor.workflow.tools.internal;

import dev.victor.workflow.kernel.osgi.ConfigurationKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration's keys as Declarative Services names them (the warning itself: engine-bundle's ConfigurationKeysTest). */
class ConfigurationKeysTest {

    @Test
    void theKnownKeysAreTheConfigurationTypesAttributes() {
        assertThat(ConfigurationKeys.of(ToolsConfig.class)).contains("web.allow.private.networks", "shell.enabled")
                .allMatch(key -> !key.contains("_") || key.startsWith("_"));
    }
}
