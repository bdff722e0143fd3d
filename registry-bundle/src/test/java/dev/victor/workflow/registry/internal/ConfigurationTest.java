package dev.victor.workflow.registry.internal;

import dev.victor.workflow.registry.PluginSettings;
import dev.victor.workflow.registry.RegistrySettings;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Configuration Admin's values, as the components read them (no framework: the interfaces are implemented here). */
class ConfigurationTest {

    private static RegistryConfig registryConfig(String scheme, long size, long ttl, int maxIterations) {
        return new RegistryConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RegistryConfig.class;
            }

            @Override
            public String default_scheme() {
                return scheme;
            }

            @Override
            public long cache_size() {
                return size;
            }

            @Override
            public long cache_ttl_seconds() {
                return ttl;
            }

            @Override
            public int default_max_iterations() {
                return maxIterations;
            }

            @Override
            public boolean validate() {
                return true;
            }
        };
    }

    private static PluginConfig pluginConfig(String plugin, boolean enabled, boolean stale, String... options) {
        return new PluginConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PluginConfig.class;
            }

            @Override
            public String plugin() {
                return plugin;
            }

            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public boolean stale_if_error() {
                return stale;
            }

            @Override
            public String[] options() {
                return options;
            }
        };
    }

    @Test
    void registrySettings() {
        assertThat(RegistryComponent.settings(registryConfig(" JSON ", 20, 60, 30)))
                .isEqualTo(new RegistrySettings("json", 20, Duration.ofMinutes(1), 30, true));
        assertThat(RegistryComponent.settings(registryConfig("yaml", 500, 0, 0)).cacheTtl()).isNull();
        assertThatThrownBy(() -> RegistryComponent.settings(registryConfig("bad_scheme", 1, 0, 0)))
                .hasMessageContaining("Invalid default scheme 'bad_scheme'");
    }

    @Test
    void pluginSettings() {
        PluginConfigEntry entry = new PluginConfigComponent(pluginConfig(" http ", false, true,
                "timeout=10", "follow_redirects=false", "hosts = a.example, b.example")).entry();
        assertThat(entry.plugin()).isEqualTo("http");
        assertThat(entry.settings()).isEqualTo(new PluginSettings(false, true,
                Map.of("timeout", "10", "follow_redirects", false, "hosts", "a.example, b.example")));
        assertThatThrownBy(() -> PluginConfigEntry.of(pluginConfig("http", true, false, "oops")))
                .hasMessageContaining("Option 'oops' of plugin http is not key=value");
    }

    @Test
    void osgiLoggerFallsBackToTheJdkLogger() {
        dev.victor.workflow.registry.RecordingLogger fallback = new dev.victor.workflow.registry.RecordingLogger();
        OsgiSystemLogger logger = new OsgiSystemLogger(() -> null, fallback);
        logger.log(System.Logger.Level.WARNING, "plugin {0} ignored", "x");
        assertThat(fallback.messages).containsExactly("WARNING plugin x ignored");
    }
}
