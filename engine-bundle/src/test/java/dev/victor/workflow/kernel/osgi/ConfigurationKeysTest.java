package dev.victor.workflow.kernel.osgi;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Strict reading of raw configurations: names as Declarative Services maps them, unknown keys, typed values. */
class ConfigurationKeysTest {

    @interface Sample {
        String base_directory();

        int max__depth();

        boolean allow$_$env();

        String plain();
    }

    @Test
    void attributeNamesMapToPropertiesAsDeclarativeServicesMapsThem() {
        assertThat(ConfigurationKeys.of(Sample.class)).containsExactlyInAnyOrder("base.directory", "max_depth",
                "allow-env", "plain");
    }

    @Test
    void unknownKeysAreNamedWithTheFileAndTheFrameworksKeysIgnored() {
        Map<String, Object> properties = Map.of("base_directory", "/w", "plainn", "x", "plain", "y",
                "service.pid", "p", "component.name", "c", "felix.fileinstall.filename", "file:/victor/etc/p.cfg",
                "registry.target", "(x=y)", "org.apache.karaf.features.configKey", "k");
        assertThat(ConfigurationKeys.unknown(properties, ConfigurationKeys.of(Sample.class)))
                .containsExactly("base_directory", "plainn");
        assertThat(ConfigurationKeys.warning(properties, ConfigurationKeys.of(Sample.class), "p"))
                .isEqualTo("The configuration /victor/etc/p.cfg has unknown key(s) base_directory, plainn, which are"
                        + " ignored; known: allow-env, base.directory, max_depth, plain");
        assertThat(ConfigurationKeys.warning(Map.of("plain", "y"), ConfigurationKeys.of(Sample.class), "p")).isNull();
        assertThat(ConfigurationKeys.warning(null, ConfigurationKeys.of(Sample.class), "p")).isNull();
    }

    @Test
    void theOriginIsTheFileElseThePidElseTheFallback() {
        assertThat(ConfigurationKeys.origin(Map.of("felix.fileinstall.filename", "file:/etc/a.cfg", "service.pid", "a"), "f"))
                .isEqualTo("/etc/a.cfg");
        assertThat(ConfigurationKeys.origin(Map.of("service.pid", "a"), "f")).isEqualTo("a");
        assertThat(ConfigurationKeys.origin(Map.of(), "f")).isEqualTo("f");
    }

    @Test
    void typedValuesAreReadStrictly() {
        Map<String, Object> properties = Map.of("s", "text", "one", new String[] {"only"}, "n", 12L, "t", " 7 ",
                "big", 3_000_000_000L, "b", "TRUE", "flag", false, "typo", "flase", "frac", "1.5");
        assertThat(ConfigurationKeys.string(properties, "s", "d")).isEqualTo("text");
        assertThat(ConfigurationKeys.string(properties, "one", "d")).isEqualTo("only");
        assertThat(ConfigurationKeys.string(properties, "absent", "d")).isEqualTo("d");
        assertThatThrownBy(() -> ConfigurationKeys.string(properties, "n", "d")).hasMessage("'n' must be text, was 12");
        assertThat(ConfigurationKeys.integer(properties, "n", 0)).isEqualTo(12);
        assertThat(ConfigurationKeys.integer(properties, "t", 0)).isEqualTo(7);
        assertThat(ConfigurationKeys.integer(properties, "absent", 5)).isEqualTo(5);
        assertThatThrownBy(() -> ConfigurationKeys.integer(properties, "big", 0)).hasMessageContaining("'big' must be a whole number");
        assertThatThrownBy(() -> ConfigurationKeys.integer(properties, "frac", 0)).hasMessageContaining("'frac' must be a whole number");
        assertThat(ConfigurationKeys.bool(properties, "b", false)).isTrue();
        assertThat(ConfigurationKeys.bool(properties, "flag", true)).isFalse();
        assertThat(ConfigurationKeys.bool(properties, "absent", true)).isTrue();
        assertThatThrownBy(() -> ConfigurationKeys.bool(properties, "typo", false))
                .hasMessage("'typo' must be true or false, was 'flase'");
    }
}
