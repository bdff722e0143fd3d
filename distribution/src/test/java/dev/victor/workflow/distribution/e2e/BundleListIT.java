package dev.victor.workflow.distribution.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundle list is written once: the runtime dependencies of distribution/pom.xml. The assembly
 * puts exactly those in {@code bundle/} (so {@code bundle/} is the list as built); the Karaf features
 * group the same bundles, with the same versions, minus what Karaf's own features provide. This test
 * keeps the features honest: a bundle added to the pom and forgotten in features.xml (or a version
 * that differs) fails the build.
 */
class BundleListIT {

    /** Bundles of bundle/ that Karaf brings itself (framework services, its shell, pax-web's Jetty). */
    private static final Set<String> KARAF_PROVIDES = Set.of(
            "org.apache.felix.scr", "org.apache.felix.configadmin", "org.apache.felix.metatype",
            "org.apache.felix.fileinstall", "org.apache.felix.log", "org.apache.felix.gogo.runtime",
            "org.apache.felix.gogo.shell", "org.apache.felix.gogo.command", "org.osgi.service.component",
            "org.osgi.util.function", "org.osgi.util.promise", "org.apache.felix.http.jetty12",
            "org.apache.felix.http.servlet-api", "slf4j-api", "slf4j-simple",
            "org.apache.aries.spifly.dynamic.framework.extension", "commons-fileupload", "commons-io");

    private static final Pattern FEATURE_BUNDLE = Pattern.compile("<bundle[^>]*>mvn:([^/<]+)/([^/<]+)/([^/<]+)</bundle>");

    @Test
    void everyShippedBundleIsInAKarafFeatureWithTheSameVersion() throws IOException {
        Set<String> shipped = shippedJars();
        Set<String> featured = featureJars();

        Set<String> missingFromFeatures = new TreeSet<>(shipped);
        missingFromFeatures.removeAll(featured);
        missingFromFeatures.removeIf(jar -> KARAF_PROVIDES.contains(artifactOf(jar)));
        assertThat(missingFromFeatures).as("bundles of bundle/ that no Karaf feature installs").isEmpty();

        Set<String> notShipped = new TreeSet<>(featured);
        notShipped.removeAll(shipped);
        // the example third-party plugin ships in examples/plugins, for deploy/
        notShipped.removeIf(jar -> Files.isRegularFile(dist().resolve("examples/plugins/" + artifactOf(jar) + ".jar")));
        assertThat(notShipped).as("Karaf feature bundles that the distribution does not ship (or ships in another version)")
                .isEmpty();
    }

    @Test
    void karafProvidedBundlesAreReallyShipped() throws IOException {
        Set<String> artifacts = new TreeSet<>();
        shippedJars().forEach(jar -> artifacts.add(artifactOf(jar)));
        assertThat(artifacts).as("the exceptions name bundles the distribution ships").containsAll(KARAF_PROVIDES);
    }

    private static Set<String> shippedJars() throws IOException {
        try (Stream<Path> jars = Files.list(dist().resolve("bundle"))) {
            Set<String> names = new TreeSet<>();
            jars.map(jar -> jar.getFileName().toString()).filter(name -> name.endsWith(".jar")).forEach(names::add);
            assertThat(names).isNotEmpty();
            return names;
        }
    }

    private static Set<String> featureJars() throws IOException {
        String features = Files.readString(Path.of(System.getProperty("victor.features")));
        assertThat(features).doesNotContain("${");
        Set<String> jars = new TreeSet<>();
        Matcher bundle = FEATURE_BUNDLE.matcher(features);
        while (bundle.find()) {
            jars.add(bundle.group(2) + "-" + bundle.group(3) + ".jar");
        }
        assertThat(jars).isNotEmpty();
        return jars;
    }

    private static Path dist() {
        return Path.of(System.getProperty("victor.dist"));
    }

    /** {@code artifact-1.2.3.jar} → {@code artifact}: the name up to the first "-digit". */
    private static String artifactOf(String jar) {
        Matcher version = Pattern.compile("-\\d").matcher(jar);
        return version.find() ? jar.substring(0, version.start()) : jar;
    }
}
