package dev.victor.workflow.yaml.internal;


import dev.victor.workflow.format.ParsedDocument;
import dev.victor.workflow.format.WorkflowFormat;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.source.SourceDocument;

import dev.victor.workflow.kernel.osgi.ConfigurationKeys;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/** How the format is published: ServiceLoader on a class path, a DS component in OSGi. */
class PublicationTest {

    @Test
    void serviceLoaderFindsTheFormat() {
        List<WorkflowFormat> formats = ServiceLoader.load(WorkflowFormat.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertThat(formats).hasAtLeastOneElementOfType(YamlFormat.class);
    }

    @Test
    void theRegistryCanReadTheFormatOffOsgi() throws Exception {
        java.util.Properties properties = new java.util.Properties();
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/victor/workflow-formats.properties")) {
            properties.load(in);
        }
        String name = YamlFormat.class.getName();
        assertThat(properties.getProperty(name)).isEqualTo(YamlFormat.NAME);
        assertThat(properties.getProperty(name + ".extensions").split(",\\s*"))
                .containsExactlyElementsOf(YamlFormat.EXTENSIONS);
        assertThat(properties.getProperty(name + ".media.types").split(",\\s*"))
                .containsExactlyElementsOf(YamlFormat.MEDIA_TYPES);
        DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.builder()
                .discover(getClass().getClassLoader()).build();
        assertThat(registry.formats().names()).contains("yaml", "json");
        assertThat(registry.schemes()).contains("yaml", "yml", "file", "yaml+file", "json", "json+file");
    }

    @Test
    void theComponentIsPublishedForItsFormat() throws Exception {
        String xml;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("OSGI-INF/dev.victor.workflow.yaml.internal.YamlFormatComponent.xml")) {
            assertThat(in).as("bnd writes the component description").isNotNull();
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(xml).contains("<property name=\"format\" type=\"String\" value=\"yaml\"/>")
                .contains("<property name=\"format.media.types\" type=\"String\">application/yaml\napplication/x-yaml\n"
                        + "text/yaml\ntext/x-yaml</property>")
                .contains("<property name=\"format.extensions\" type=\"String\">yaml\nyml</property>")
                .contains("<provide interface=\"dev.victor.workflow.format.WorkflowFormat\"/>")
                .contains("configuration-pid=\"dev.victor.workflow.yaml\"");
    }

    @Test
    void theBundleExportsNothing() throws Exception {
        Manifest manifest = null;
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/MANIFEST.MF"))) {
            if (url.toString().contains("yaml-bundle/target/classes")) {
                try (InputStream in = url.openStream()) {
                    manifest = new Manifest(in);
                }
            }
        }
        assertThat(manifest).isNotNull();
        assertThat(manifest.getMainAttributes().getValue("Export-Package")).isNull();
        assertThat(manifest.getMainAttributes().getValue("Private-Package")).isEqualTo("dev.victor.workflow.yaml.internal");
        assertThat(manifest.getMainAttributes().getValue("Import-Package")).contains("org.yaml.snakeyaml");
    }

    @Test
    void theComponentReadsItsConfiguration() {
        YamlFormatConfig defaults = defaults();
        assertThat(new YamlLimits(defaults.max_document_bytes(), defaults.max_nesting_depth(), defaults.max_aliases(),
                defaults.max_alias_expansion(), defaults.max_values())).isEqualTo(YamlLimits.defaults());
        ParsedDocument parsed = new YamlFormatComponent(defaults, Map.of(), null).parse(SourceDocument.fetched("a.yaml",
                "a: 1".getBytes(StandardCharsets.UTF_8), null, null));
        assertThat(parsed.tree()).isEqualTo(Map.of("a", 1));
    }

    @Test
    void settingsOfLocalFilesLeftOnTheFormatsConfigurationAreNamedAsUnknown() {
        Map<String, Object> published = Map.of("format", "yaml", "format.media.types", new String[] {"text/yaml"},
                "format.extensions", new String[] {"yaml"}, "max.values", 5, "service.pid", "dev.victor.workflow.yaml");
        assertThat(ConfigurationKeys.warning(published, YamlFormatComponent.KNOWN_KEYS, "dev.victor.workflow.yaml"))
                .as("the component's own properties and the configuration's keys are known").isNull();
        String warning = ConfigurationKeys.warning(Map.of("base.directory", "/w", "max.values", 5,
                "felix.fileinstall.filename", "file:/victor/etc/dev.victor.workflow.yaml.cfg"),
                YamlFormatComponent.KNOWN_KEYS, "dev.victor.workflow.yaml");
        assertThat(warning).startsWith("The configuration /victor/etc/dev.victor.workflow.yaml.cfg has unknown key(s) "
                + "base.directory, which are ignored; known: ").contains("max.values");
    }

    /** A configuration with every attribute at its default, as SCR would build it. */
    static YamlFormatConfig defaults() {
        return (YamlFormatConfig) Proxy.newProxyInstance(YamlFormatConfig.class.getClassLoader(),
                new Class<?>[] {YamlFormatConfig.class}, (proxy, method, args) -> defaultValue(method));
    }

    private static Object defaultValue(Method method) {
        if (method.getName().equals("annotationType")) {
            return YamlFormatConfig.class;
        }
        return method.getDefaultValue();
    }
}
