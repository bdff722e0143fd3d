package dev.victor.workflow.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LauncherSettingsTest {

    @TempDir
    Path home;

    private LauncherSettings load(String config, String startup) throws IOException {
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/config.properties"), config);
        if (startup != null) {
            Files.writeString(home.resolve("etc/startup.properties"), startup);
        }
        return LauncherSettings.load(home);
    }

    @Test
    void variablesAreReplacedByTheHomeOtherPropertiesAndSystemProperties() throws IOException {
        LauncherSettings settings = load("""
                felix.fileinstall.dir = ${victor.home}/etc,${deploy}
                deploy = ${victor.home}/deploy
                java = ${java.specification.version}
                unknown = ${no.such.thing}
                loop = ${loop}
                """, null);

        Map<String, String> properties = settings.frameworkProperties();
        assertThat(properties.get("felix.fileinstall.dir")).isEqualTo(home + "/etc," + home + "/deploy");
        assertThat(properties.get("java")).isEqualTo(System.getProperty("java.specification.version"));
        assertThat(properties.get("unknown")).isEqualTo("${no.such.thing}");
        assertThat(properties.get("loop")).isEqualTo("${loop}");
        assertThat(properties.get("victor.home")).isEqualTo(home.toString());
    }

    @Test
    void startLevelsComeFromStartupPropertiesWithADefault() throws IOException {
        LauncherSettings settings = load("victor.bundle.startlevel = 2\n",
                "org.apache.felix.scr = 1\norg.apache.felix.gogo.shell = 4\n");

        assertThat(settings.startLevel("org.apache.felix.scr")).isEqualTo(1);
        assertThat(settings.startLevel("dev.victor.workflow.api-bundle")).isEqualTo(2);
        assertThat(settings.highestStartLevel()).isEqualTo(4);
    }

    @Test
    void aStartLevelThatIsNotANumberIsReported() {
        assertThatThrownBy(() -> load("", "org.apache.felix.scr = first\n"))
                .isInstanceOf(LaunchException.class).hasMessageContaining("org.apache.felix.scr");
    }

    @Test
    void readyFiltersAndShellBundlesAreWordLists() throws IOException {
        LauncherSettings settings = load("""
                victor.ready = (objectClass=a.B) \\
                    (&(objectClass=c.D)(scheme=yaml))
                victor.shell.bundles = org.apache.felix.gogo.shell, other.shell
                """, null);

        assertThat(settings.readyFilters()).containsExactly("(objectClass=a.B)", "(&(objectClass=c.D)(scheme=yaml))");
        assertThat(settings.shellBundles()).containsExactly("org.apache.felix.gogo.shell", "other.shell");
        assertThat(settings.readyTimeoutMillis()).isEqualTo(20_000);
    }

    @Test
    void substitutionKeepsWhatIsNotAVariable() {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("filter", ".*\\\\.(cfg|jar)");
        raw.put("price", "$5 and ${x");
        assertThat(LauncherSettings.substitute(raw, Map.of())).isEqualTo(raw);
        assertThat(List.copyOf(raw.keySet())).containsExactly("filter", "price");
    }
}
