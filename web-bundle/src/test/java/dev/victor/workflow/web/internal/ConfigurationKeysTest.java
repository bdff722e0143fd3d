package dev.victor.workflow.web.internal;

import dev.victor.workflow.kernel.osgi.ConfigurationKeys;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration's keys as Declarative Services names them, and a warning for any other. */
class ConfigurationKeysTest {

    @Test
    void theKnownKeysAreTheConfigurationTypesAttributes() {
        assertThat(ConfigurationKeys.of(WebConfig.class)).contains("auth.token")
                .allMatch(key -> !key.contains("_") || key.startsWith("_"));
    }

    @Test
    void anUnknownKeyIsNamedWithTheFile() {
        String warning = ConfigurationKeys.warning(Map.of("auth_token", "x", "service.pid", "p",
                "felix.fileinstall.filename", "file:/victor/etc/p.cfg", "registry.target", "(x=y)"),
                ConfigurationKeys.of(WebConfig.class), "p");
        assertThat(warning).startsWith("The configuration /victor/etc/p.cfg has unknown key(s) auth_token, which are ignored;"
                + " known: ").doesNotContain("service.pid").doesNotContain("registry.target");
        assertThat(ConfigurationKeys.warning(Map.of("service.pid", "p"), ConfigurationKeys.of(WebConfig.class), "p"))
                .isNull();
    }
}
