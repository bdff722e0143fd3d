package dev.victor.workflow.distribution.it;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.api.UnknownSchemeException;
import dev.victor.workflow.api.WorkflowCompilerRegistry;
import org.bson.Document;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import javax.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The s3 and mongodb sources in a running Felix with the distribution's bundles: configured through
 * FileInstall, used through the registry, uninstalled (their schemes leave at once) and installed
 * again (they serve again) while the registry serves; a MongoDB document updated under the running
 * registry is recompiled. S3Proxy and mongo-java-server run on loopback, started by the
 * configuration method before the framework ({@link LoopbackStores}: the probe never loads them).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SourcesHotSwapIT {

    private static final String YAML = """
            workflows:
              hello:
                nodes:
                  - id: greet
                    type: transform
                    transform: greeting = "hello " + ctx.get("name", "world")
                    next: []
            """;

    @Inject
    private BundleContext context;

    @Inject
    private WorkflowCompilerRegistry registry;

    @Configuration
    public Option[] configuration() throws Exception {
        Path watched = Path.of("target/it-sources").toAbsolutePath();
        clean(watched);
        Files.createDirectories(watched);

        String connection = LoopbackStores.start(watched, YAML);

        List<Option> options = new ArrayList<>(Arrays.asList(Distribution.options(watched)));
        options.add(CoreOptions.frameworkProperty("it.mongo.connection").value(connection));
        return options.toArray(new Option[0]);
    }

    private static void clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private Object greeting(String uri) {
        RunResult result = registry.compile(uri).invoke(Map.of("name", "Ada"));
        assertEquals(result.toString(), RunStatus.COMPLETED, result.status());
        return result.state().get("greeting");
    }

    /** Waits until the workflow compiles: the configuration reaches the source through FileInstall in its own time. */
    private void awaitServing(String uri) {
        Await.until(uri + " compiles", Duration.ofSeconds(20), () -> {
            try {
                registry.compile(uri);
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private void assertUnknown(String uri) {
        try {
            registry.compile(uri);
            fail(uri + " compiled, but its scheme should be gone");
        } catch (UnknownSchemeException expected) {
            // the scheme left with its bundle
        }
    }

    /** Uninstalls a source bundle, checks that its scheme left, installs it again from the same file. */
    private void uninstallAndInstallAgain(String symbolicName, String scheme, String uri) throws Exception {
        Bundle bundle = bundle(symbolicName);
        String location = bundle.getLocation();
        bundle.uninstall();
        assertFalse(registry.schemes().contains(scheme));
        assertUnknown(uri);

        Bundle again = context.installBundle(location);
        again.start();
        assertEquals(Bundle.ACTIVE, again.getState());
        awaitServing(uri);
        assertTrue(registry.schemes().contains(scheme));
    }

    @Test
    public void theS3SourceServesLeavesAndComesBack() throws Exception {
        awaitServing("s3://flows/hello.yaml");
        assertEquals("hello Ada", greeting("s3://flows/hello.yaml"));

        uninstallAndInstallAgain("dev.victor.workflow.s3-bundle", "s3", "s3://flows/hello.yaml");

        assertEquals("hello Ada", greeting("s3://flows/hello.yaml"));
    }

    @Test
    public void theMongodbSourceServesFollowsAnUpdateLeavesAndComesBack() throws Exception {
        awaitServing("mongodb://it/hello");
        assertEquals("hello Ada", greeting("mongodb://it/hello"));

        try (MongoClient client = MongoClients.create(context.getProperty("it.mongo.connection"))) {
            client.getDatabase("it").getCollection("flows").updateOne(new Document("name", "hello"),
                    new Document("$set", new Document("definition", YAML.replace("hello ", "hi ")))
                            .append("$inc", new Document("version", 1L)));
        }
        assertEquals("the next compile reads the new version", "hi Ada", greeting("mongodb://it/hello"));

        uninstallAndInstallAgain("dev.victor.workflow.mongodb-bundle", "mongodb", "mongodb://it/hello");

        assertEquals("hi Ada", greeting("mongodb://it/hello"));
    }
}
