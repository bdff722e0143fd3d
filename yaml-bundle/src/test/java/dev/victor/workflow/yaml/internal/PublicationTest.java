package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.kernel.source.EnvPolicy;

import dev.victor.workflow.api.WorkflowCompilerPlugin;

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

/** How the plugin is published: ServiceLoader on a class path, a DS component in OSGi. */
class PublicationTest {

    @Test
    void serviceLoaderFindsThePlugin() {
        List<WorkflowCompilerPlugin> plugins = ServiceLoader.load(WorkflowCompilerPlugin.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertThat(plugins).hasAtLeastOneElementOfType(YamlCompilerPlugin.class);
    }

    @Test
    void theRegistryCanReadTheSchemesOffOsgi() throws Exception {
        java.util.Properties properties = new java.util.Properties();
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/victor/workflow-plugins.properties")) {
            properties.load(in);
        }
        assertThat(properties.getProperty(YamlCompilerPlugin.class.getName()).split(",\\s*"))
                .containsExactly(YamlCompilerPlugin.SCHEMES);
    }

    @Test
    void thePlainClassHasANoArgumentAndAMapConstructor() throws Exception {
        assertThat(YamlCompilerPlugin.class.getConstructor().newInstance().validateSource("a: 1")).isTrue();
        WorkflowCompilerPlugin withOptions = YamlCompilerPlugin.class.getConstructor(Map.class)
                .newInstance(Map.of("max_document_bytes", 4));
        assertThat(withOptions.validateSource("a: 1")).isTrue();
        assertThat(withOptions.validateSource("abc: 1")).isFalse();
    }

    @Test
    void theComponentIsPublishedForItsSchemes() throws Exception {
        String xml;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("OSGI-INF/dev.victor.workflow.yaml.internal.YamlCompilerComponent.xml")) {
            assertThat(in).as("bnd writes the component description").isNotNull();
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(xml).contains("<property name=\"scheme\" type=\"String\">yaml\nyml\nfile</property>")
                .contains("<provide interface=\"dev.victor.workflow.api.WorkflowCompilerPlugin\"/>")
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
        YamlPluginConfig defaults = defaults();
        YamlPluginOptions options = YamlCompilerComponent.options(defaults);
        assertThat(options.limits()).isEqualTo(YamlLimits.defaults());
        assertThat(options.env()).isEqualTo(EnvPolicy.AUTO);
        assertThat(options.baseDirectory()).isNull();
        assertThat(new YamlCompilerComponent(defaults).validateSource("a: 1")).isTrue();
    }

    /** A configuration with every attribute at its default, as SCR would build it. */
    static YamlPluginConfig defaults() {
        return (YamlPluginConfig) Proxy.newProxyInstance(YamlPluginConfig.class.getClassLoader(),
                new Class<?>[] {YamlPluginConfig.class}, (proxy, method, args) -> defaultValue(method));
    }

    private static Object defaultValue(Method method) {
        if (method.getName().equals("annotationType")) {
            return YamlPluginConfig.class;
        }
        return method.getDefaultValue();
    }
}
