package dev.victor.workflow.distribution.it;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.api.UnknownSchemeException;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.WorkflowCompilerRegistry;
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
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import javax.inject.Inject;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * Plugins come and go while the runtime serves: install, uninstall, re-install, ranking and
 * failover, update from v1 to v2, and 200 uninstall/install cycles under concurrent compiles.
 * The plugins are test bundles built with bnd before the framework starts.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotSwapIT {

    private static final int CYCLES = 200;
    private static final int THREADS = 4;

    @Inject
    private BundleContext context;

    @Inject
    private WorkflowCompilerRegistry registry;

    @Inject
    private CommandProcessor processor;

    private final List<Bundle> installed = new ArrayList<>();

    @Configuration
    public Option[] configuration() {
        TestBundles.buildAll();
        return Distribution.options();
    }

    @After
    public void uninstallTheTestBundles() throws BundleException {
        for (Bundle bundle : installed) {
            if (bundle.getState() != Bundle.UNINSTALLED) {
                bundle.uninstall();
            }
        }
        installed.clear();
    }

    private Bundle install(Plugin plugin) throws BundleException {
        Bundle bundle = context.installBundle(plugin.url());
        installed.add(bundle);
        bundle.start();
        return bundle;
    }

    private String marker(String uri) {
        RunResult result = registry.compile(uri).invoke(Map.of());
        assertEquals(result.toString(), RunStatus.COMPLETED, result.status());
        return (String) result.state().get("marker");
    }

    private void assertUnknown(String uri) {
        try {
            registry.compile(uri);
            fail(uri + " compiled, but its scheme should be gone");
        } catch (UnknownSchemeException expected) {
            // the scheme left with its plugin
        }
    }

    @Test
    public void installingMakesASchemeUsableUninstallingRemovesItReinstallingBringsItBack() throws Exception {
        assertFalse(registry.schemes().contains("swap"));
        assertUnknown("swap://a");

        Bundle plugin = install(Plugin.SWAP_V1);
        assertTrue(registry.schemes().contains("swap"));
        assertEquals("v1", marker("swap://a"));

        plugin.uninstall();
        assertFalse(registry.schemes().contains("swap"));
        assertUnknown("swap://a");

        install(Plugin.SWAP_V1);
        assertEquals("v1", marker("swap://a"));
    }

    @Test
    public void theHigherRankingWinsAndFailoverIsImmediate() throws Exception {
        Bundle low = install(Plugin.TWIN_LOW);
        assertEquals("low", marker("twin://x"));
        Bundle high = install(Plugin.TWIN_HIGH);
        assertEquals("the higher ranking takes over at once", "high", marker("twin://x"));

        high.stop();
        assertEquals("the next one serves as soon as the first leaves", "low", marker("twin://x"));
        high.start();
        assertEquals("high", marker("twin://x"));

        low.uninstall();
        assertEquals("high", marker("twin://x"));
        high.uninstall();
        assertUnknown("twin://x");
    }

    @Test
    public void updatingAPluginDropsItsCachedGraphsAndTheNextCompileUsesTheNewVersion() throws Exception {
        Bundle plugin = install(Plugin.SWAP_V1);
        CompiledGraph first = registry.compile("swap://u");
        assertSame("cached", first, registry.compile("swap://u"));
        assertEquals("v1", marker("swap://u"));
        long invalidationsBefore = cache("invalidations");

        try (InputStream v2 = Files.newInputStream(Plugin.SWAP_V2.jar())) {
            plugin.update(v2);
        }

        assertEquals("2.0.0", plugin.getVersion().toString());
        CompiledGraph second = registry.compile("swap://u");
        assertNotSame("v1's graph was dropped", first, second);
        assertEquals("v2", marker("swap://u"));
        assertTrue("the cache counted the dropped entries", cache("invalidations") > invalidationsBefore);
    }

    @Test
    public void pluginsComeAndGoUnderConcurrentCompiles() throws Exception {
        Gogo.run(processor, "workflow:cache clear");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong completed = new AtomicLong();
        AtomicLong unknown = new AtomicLong();
        AtomicLong acrossRemoval = new AtomicLong();
        AtomicLong removals = new AtomicLong();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Thread worker = new Thread(() -> {
                while (running.get()) {
                    long removalsBefore = removals.get();
                    try {
                        CompiledGraph graph = registry.compile("churn://load");
                        if (removals.get() != removalsBefore) {
                            // the plugin left while this compile ran (or waited for it), and it finished
                            acrossRemoval.incrementAndGet();
                        }
                        RunResult result = graph.invoke(Map.of());
                        if (result.status() != RunStatus.COMPLETED || !"churn".equals(result.state().get("marker"))) {
                            errors.add(new AssertionError("unexpected result " + result));
                        }
                        completed.incrementAndGet();
                        Thread.yield();
                    } catch (UnknownSchemeException e) {
                        unknown.incrementAndGet();
                        pause();
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }
            }, "compiler-" + i);
            worker.start();
            workers.add(worker);
        }

        long started = System.nanoTime();
        Bundle churn = install(Plugin.CHURN);
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            churn.uninstall();
            removals.incrementAndGet();
            churn = install(Plugin.CHURN);
        }
        long loopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        // let the workers compile against the last installed plugin for a moment
        long before = completed.get();
        Await.until("the workers compile again", java.time.Duration.ofSeconds(10), () -> completed.get() > before + THREADS);
        running.set(false);
        for (Thread worker : workers) {
            worker.join(10_000);
        }

        System.out.printf("%d uninstall/install cycles in %d ms; %d runs completed (%d of them compiled across a"
                        + " removal), %d unknown-scheme failures%n",
                CYCLES, loopMillis, completed.get(), acrossRemoval.get(), unknown.get());
        if (!errors.isEmpty()) {
            AssertionError failure = new AssertionError(errors.size() + " unexpected errors, the first: " + errors.peek());
            failure.initCause(errors.peek());
            throw failure;
        }
        assertTrue("runs completed", completed.get() > 0);

        // nothing of the old bundles remains: one plugin service for churn, the current bundle's
        ServiceReference<?>[] services = plugins("churn");
        assertEquals(1, services.length);
        assertEquals(churn.getBundleId(), services[0].getBundle().getBundleId());
        Gogo.Outcome schemes = Gogo.run(processor, "workflow:schemes");
        assertEquals(schemes.output(), 1, schemes.output().lines().filter(line -> line.startsWith("churn ")).count());
        assertTrue("at most the current plugin's entry is cached", cache("size") <= 1);

        churn.uninstall();
        assertEquals(0, plugins("churn").length);
        assertEquals("no cache entry of churn is left", 0, cache("size"));
    }

    /** Between two attempts while the scheme is absent: the loop, not the workers, should have the CPU. */
    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ServiceReference<?>[] plugins(String scheme) throws InvalidSyntaxException {
        ServiceReference<?>[] references = context.getServiceReferences(WorkflowCompilerPlugin.class.getName(),
                "(scheme=" + scheme + ")");
        return references == null ? new ServiceReference<?>[0] : references;
    }

    /** A number of {@code workflow:cache}: its size, hits, invalidations, ... */
    private long cache(String statistic) {
        Gogo.Outcome outcome = Gogo.run(processor, "workflow:cache");
        Matcher matcher = Pattern.compile("(?m)^" + statistic + ":\\s+(\\d+)").matcher(outcome.output());
        if (!matcher.find()) {
            throw new AssertionError("no " + statistic + " in\n" + outcome.output());
        }
        return Long.parseLong(matcher.group(1));
    }

}
