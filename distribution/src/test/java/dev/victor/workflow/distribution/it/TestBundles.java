package dev.victor.workflow.distribution.it;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds the test plugin bundles with bnd from the classes of {@code testplugins} (target/test-classes),
 * before a framework starts (from a test's {@code @Configuration}, outside the framework). Each
 * holds one plugin package plus {@code testplugins.common}, privately; bnd turns the DS
 * annotations into the component descriptions, as for a real plugin.
 */
final class TestBundles {

    static final String PREFIX = "dev.victor.workflow.distribution.testplugins.";

    /** Symbolic name, version and plugin package of each test bundle. */
    enum Plugin {
        SWAP_V1("test.swap", "1.0.0", "swap.v1"),
        SWAP_V2("test.swap", "2.0.0", "swap.v2"),
        TWIN_HIGH("test.twin.high", "1.0.0", "twin.high"),
        TWIN_LOW("test.twin.low", "1.0.0", "twin.low"),
        CHURN("test.churn", "1.0.0", "churn");

        final String symbolicName;
        final String version;
        final String pkg;

        Plugin(String symbolicName, String version, String pkg) {
            this.symbolicName = symbolicName;
            this.version = version;
            this.pkg = pkg;
        }

        /** The jar, built by {@link #buildAll()}. */
        Path jar() {
            return directory().resolve(symbolicName + "-" + version + ".jar");
        }

        /** The location to install it from. */
        String url() {
            return jar().toUri().toString();
        }
    }

    private TestBundles() {
    }

    static Path directory() {
        return Path.of(System.getProperty("victor.test.bundles", "target/test-bundles")).toAbsolutePath();
    }

    static synchronized void buildAll() {
        try {
            Files.createDirectories(directory());
            // built against the API and engine bundles: a jar older than either is rebuilt
            long newest = Math.max(Files.getLastModifiedTime(bundleJar("api-bundle-")).toMillis(),
                    Files.getLastModifiedTime(bundleJar("engine-bundle-")).toMillis());
            for (Plugin plugin : Plugin.values()) {
                if (!Files.exists(plugin.jar()) || Files.getLastModifiedTime(plugin.jar()).toMillis() < newest) {
                    build(plugin);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the test bundles: " + e, e);
        }
    }

    private static void build(Plugin plugin) throws Exception {
        try (Builder builder = new Builder()) {
            builder.setProperty("Bundle-SymbolicName", plugin.symbolicName);
            builder.setProperty("Bundle-Version", plugin.version);
            builder.setProperty("Private-Package", PREFIX + plugin.pkg + "," + PREFIX + "common");
            builder.setProperty("-noextraheaders", "true");
            builder.addClasspath(new File("target/test-classes"));
            // the API and engine bundles, so that the imports carry their package versions
            builder.addClasspath(bundleJar("api-bundle-").toFile());
            builder.addClasspath(bundleJar("engine-bundle-").toFile());
            Jar jar = builder.build();
            List<String> errors = builder.getErrors();
            if (!errors.isEmpty()) {
                throw new IllegalStateException("bnd: " + errors);
            }
            Path temporary = Files.createTempFile(directory(), plugin.symbolicName, ".tmp");
            jar.write(temporary.toFile());
            Files.move(temporary, plugin.jar(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static Path bundleJar(String prefix) throws IOException {
        try (Stream<Path> jars = Files.list(Distribution.home().resolve("bundle"))) {
            return jars.filter(jar -> jar.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + prefix + "*.jar in " + Distribution.home()));
        }
    }
}
