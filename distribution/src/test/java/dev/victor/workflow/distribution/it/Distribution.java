package dev.victor.workflow.distribution.it;

import org.ops4j.pax.exam.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;

/**
 * The assembled distribution ({@code target/victor}, built at {@code package}) as Pax Exam options:
 * every bundle of {@code bundle/} (the interactive Gogo shell excepted), installed from its
 * {@code file:} URL, so the tests run exactly what ships.
 */
final class Distribution {

    private static final String SHELL = "org.apache.felix.gogo.shell";

    private Distribution() {
    }

    static Path home() {
        String dist = System.getProperty("victor.dist");
        if (dist == null) {
            throw new IllegalStateException("victor.dist is not set: run the tests through Maven (mvn verify)");
        }
        return Path.of(dist);
    }

    /** The example third-party plugin, as the distribution ships it for deploy/. */
    static Path examplePlugin() {
        return home().resolve("examples/plugins/example-classpath-plugin.jar");
    }

    /**
     * The distribution's bundles, Felix FileInstall watching {@code watched} (a directory per test
     * class under target/), and the framework properties of etc/config.properties that matter.
     */
    static Option[] options(Path... watched) {
        List<Option> options = new ArrayList<>();
        options.add(cleanCaches());
        options.add(junitBundles());
        options.add(systemTimeout(30_000));
        options.add(frameworkProperty("felix.log.level").value("1"));
        options.add(frameworkProperty("ds.delayed.keepInstances").value("true"));
        // the db bundle's built-in H2 file, under target/ rather than ./data
        options.add(frameworkProperty("victor.data").value(Path.of("target/it-data").toAbsolutePath().toString()));
        // the HTTP server of the web page, as etc/config.properties has it: loopback only, on a free port here
        options.add(frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"));
        options.add(frameworkProperty("org.osgi.service.http.port").value(String.valueOf(freePort())));
        StringBuilder dirs = new StringBuilder();
        for (Path dir : watched) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            dirs.append(dirs.length() == 0 ? "" : ",").append(dir.toAbsolutePath());
        }
        if (dirs.length() == 0) {
            // FileInstall watches ./load unless told otherwise
            Path none = Path.of("target/it-unwatched").toAbsolutePath();
            try {
                Files.createDirectories(none);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            dirs.append(none);
        }
        options.add(frameworkProperty("felix.fileinstall.dir").value(dirs.toString()));
        options.add(frameworkProperty("felix.fileinstall.filter").value(".*\\.(cfg|jar)"));
        options.add(frameworkProperty("felix.fileinstall.poll").value("200"));
        options.add(frameworkProperty("felix.fileinstall.noInitialDelay").value("true"));
        options.add(frameworkProperty("felix.fileinstall.enableConfigSave").value("false"));
        options.add(frameworkProperty("felix.fileinstall.log.level").value("1"));
        for (Path jar : bundles()) {
            if (!jar.getFileName().toString().startsWith(SHELL)) {
                options.add(bundle(jar.toUri().toString()));
            }
        }
        return options.toArray(new Option[0]);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jars of bundle/, sorted by name. */
    static List<Path> bundles() {
        try (Stream<Path> jars = Files.list(home().resolve("bundle"))) {
            return jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
