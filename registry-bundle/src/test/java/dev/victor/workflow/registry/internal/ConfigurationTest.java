package dev.victor.workflow.registry.internal;

import dev.victor.workflow.kernel.osgi.OsgiSystemLogger;
import dev.victor.workflow.registry.PluginSettings;
import dev.victor.workflow.registry.RegistrySettings;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
                "timeout=10", "follow_redirects=false", "hosts = a.example, b.example"), Map.of(), null).entry();
        assertThat(entry.plugin()).isEqualTo("http");
        assertThat(entry.settings()).isEqualTo(new PluginSettings(false, true,
                Map.of("timeout", "10", "follow_redirects", false, "hosts", "a.example, b.example")));
        assertThatThrownBy(() -> PluginConfigEntry.of(pluginConfig("http", true, false, "oops")))
                .hasMessageContaining("Option 'oops' of plugin http is not key=value");
    }

    @Test
    void unknownKeysAreWarnedAboutNamingTheFileAndTheKnownKeys() {
        List<String> warnings = new ArrayList<>();
        org.osgi.service.log.Logger logger = (org.osgi.service.log.Logger) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {org.osgi.service.log.Logger.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("warn")) {
                        warnings.add((String) args[0]);
                    }
                    return null;
                });
        new PluginConfigComponent(pluginConfig("http", true, false), Map.of("plugin", "http", "enabeld", "false",
                "felix.fileinstall.filename", "file:/v/etc/dev.victor.workflow.registry.plugin-http.cfg",
                "service.pid", "x", "component.id", 3L), logger);
        new PluginConfigComponent(pluginConfig("yaml", true, false), Map.of("plugin", "yaml", "enabled", "true",
                "stale.if.error", "false", "options", "a=b"), logger);
        assertThat(warnings).containsExactly("The configuration /v/etc/dev.victor.workflow.registry.plugin-http.cfg"
                + " has unknown key(s) enabeld, which are ignored; known: enabled, options, plugin, stale.if.error");
        assertThat(ConfigurationKeys.warning(Map.of("cache.sise", "0", "validate", "true", "default.schme", "json",
                "service.pid", RegistryConfig.PID), RegistryComponent.KEYS, RegistryConfig.PID))
                .isEqualTo("The configuration dev.victor.workflow.registry has unknown key(s) cache.sise, default.schme,"
                        + " which are ignored; known: cache.size, cache.ttl.seconds, default.max.iterations,"
                        + " default.scheme, validate");
        assertThat(ConfigurationKeys.warning(Map.of("default.scheme", "yaml"), RegistryComponent.KEYS,
                RegistryConfig.PID)).isNull();
    }

    @Test
    void osgiLoggerFallsBackToTheJdkLogger() {
        dev.victor.workflow.registry.RecordingLogger fallback = new dev.victor.workflow.registry.RecordingLogger();
        OsgiSystemLogger logger = new OsgiSystemLogger(() -> null, fallback);
        logger.log(System.Logger.Level.WARNING, "plugin {0} ignored", "x");
        assertThat(fallback.messages).containsExactly("WARNING plugin x ignored");
    }
}
