package dev.victor.workflow.distribution.it;

import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.UnknownSchemeException;
import dev.victor.workflow.api.WorkflowCompilerRegistry;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.distribution.it.TestBundles.Plugin;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * FileInstall and Configuration Admin as the distribution uses them: a jar copied into deploy/
 * becomes a scheme and leaves when deleted; a plugin's .cfg with enabled=false hides its scheme;
 * the registry's .cfg (cache size, default scheme) applies live.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConfigurationIT {

    private static final Duration FILEINSTALL = Duration.ofSeconds(10);

    @Inject
    private BundleContext context;

    @Inject
    private WorkflowCompilerRegistry registry;

    @Inject
    private CommandProcessor processor;

    private Bundle swap;

    private static Path root() {
        return Path.of("target/it-configuration").toAbsolutePath();
    }

    private static Path etc() {
        return root().resolve("etc");
    }

    private static Path deploy() {
        return root().resolve("deploy");
    }

    @Configuration
    public Option[] configuration() throws IOException {
        TestBundles.buildAll();
        if (Files.exists(root())) {
            try (Stream<Path> paths = Files.walk(root())) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Distribution.options(etc(), deploy());
    }

    @After
    public void cleanUp() throws Exception {
        if (swap != null && swap.getState() != Bundle.UNINSTALLED) {
            swap.uninstall();
        }
        try (Stream<Path> files = Files.list(etc())) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    private static void write(Path file, String text) throws IOException {
        // write next to it and move, so that FileInstall never reads half a file
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    public void aJarCopiedIntoDeployBecomesASchemeAndDeletingItRemovesIt() throws Exception {
        Path jar = deploy().resolve("example-classpath-plugin.jar");
        Path temporary = deploy().resolve("example-classpath-plugin.jar.part");
        Files.copy(Distribution.examplePlugin(), temporary, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temporary, jar, StandardCopyOption.ATOMIC_MOVE);

        Await.until("the classpath scheme is there", FILEINSTALL, () -> registry.schemes().contains("classpath"));
        assertTrue(Gogo.run(processor, "workflow:schemes").output().contains("dev.victor.workflow.example-classpath-plugin"));
        // the plugin reads a workflow packaged in the example-handlers bundle and hands it to the yaml plugin
        RunResult quote = registry.compile("classpath://dev.victor.workflow.example-handlers/workflows/quote.yaml")
                .invoke(Map.of("items", List.of(Map.of("sku", "A", "quantity", 2, "unit_price", 5))));
        assertEquals(quote.toString(), "Quote: 10.0 EUR", quote.state().get("message"));

        Files.delete(jar);
        Await.until("the classpath scheme is gone", FILEINSTALL, () -> !registry.schemes().contains("classpath"));
        // the scheme goes while the bundle stops, inside its uninstall: wait for the uninstall to end
        Await.until("the plugin's bundle is uninstalled", FILEINSTALL, () -> java.util.Arrays.stream(context.getBundles())
                .noneMatch(bundle -> bundle.getLocation().endsWith("example-classpath-plugin.jar")));
    }

    @Test
    public void aCfgWithEnabledFalseHidesASchemeAndRemovingItRestoresIt() throws Exception {
        swap = context.installBundle(Plugin.SWAP_V1.url());
        swap.start();
        assertTrue(registry.schemes().contains("swap"));

        Path cfg = etc().resolve("dev.victor.workflow.registry.plugin-swap.cfg");
        write(cfg, "plugin = swap\nenabled = false\n");
        Await.until("swap is hidden", FILEINSTALL, () -> !registry.schemes().contains("swap"));
        try {
            registry.compile("swap://hidden");
            fail("a hidden scheme compiled");
        } catch (UnknownSchemeException expected) {
            // hidden, as if not installed
        }
        assertEquals("the plugin is still installed", Bundle.ACTIVE, swap.getState());

        Files.delete(cfg);
        Await.until("swap is back", FILEINSTALL, () -> registry.schemes().contains("swap"));
        assertEquals("v1", registry.compile("swap://back").invoke(Map.of()).state().get("marker"));
    }

    @Test
    public void theRegistrysSettingsApplyLive() throws Exception {
        swap = context.installBundle(Plugin.SWAP_V1.url());
        swap.start();
        Path cfg = etc().resolve("dev.victor.workflow.registry.cfg");

        write(cfg, "default.scheme = swap\ncache.size = 7\n");
        Await.until("the cache holds 7", FILEINSTALL, () -> cacheLine().endsWith("/ 7"));
        assertEquals("a URI without a scheme goes to the default scheme", "v1",
                registry.compile("no-scheme-here").invoke(Map.of()).state().get("marker"));

        write(cfg, "default.scheme = yaml\ncache.size = 3\n");
        Await.until("the cache holds 3", FILEINSTALL, () -> cacheLine().endsWith("/ 3"));
        try {
            Object marker = registry.compile("no-scheme-here").invoke(Map.of()).state().get("marker");
            fail("the default scheme is still swap: " + marker);
        } catch (WorkflowException expected) {
            // yaml: no such file
        }

        Files.delete(cfg);
        Await.until("the defaults are back", FILEINSTALL, () -> cacheLine().endsWith("/ 500"));
    }

    private String cacheLine() {
        return Gogo.run(processor, "workflow:cache").output().lines().filter(line -> line.startsWith("size:"))
                .findFirst().orElse("").strip();
    }

}
