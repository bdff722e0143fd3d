package dev.victor.workflow.mongodb.internal;

import dev.victor.workflow.kernel.osgi.ConfigurationKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration's keys as Declarative Services names them (the warning itself: engine-bundle's ConfigurationKeysTest). */
class ConfigurationKeysTest {

    @Test
    void theKnownKeysAreTheConfigurationTypesAttributes() {
        assertThat(ConfigurationKeys.of(MongoDatasourceConfig.class)).contains("name")
                .allMatch(key -> !key.contains("_") || key.startsWith("_"));
    }
}
