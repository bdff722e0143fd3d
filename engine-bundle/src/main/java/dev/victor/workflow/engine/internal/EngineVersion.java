package dev.victor.workflow.engine.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What compiled a graph, as recorded with its checkpoints: {@code victor-engine} and the engine
 * bundle's Maven version (from the jar's own {@code pom.properties}; {@code dev} when the classes
 * do not come from a built jar).
 */
final class EngineVersion {
    static final String NAME = "victor-engine " + version();

    private EngineVersion() {
    }

    private static String version() {
        try (InputStream in = EngineVersion.class.getResourceAsStream(
                "/META-INF/maven/dev.victor.workflow/engine-bundle/pom.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
