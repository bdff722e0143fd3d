package dev.victor.workflow.distribution.it;

import dev.victor.workflow.api.WorkflowCompilerRegistry;
import org.apache.felix.service.command.CommandProcessor;
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
import org.osgi.framework.Version;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

import javax.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * The distribution's bundles in a real Felix: all resolve (no missing import, no uses conflict)
 * and are active, and every package they export has a version; and each {@code workflow:}
 * command, run through the framework's Gogo command processor, prints what it should.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FrameworkIT {

    @Inject
    private BundleContext context;

    @Inject
    private WorkflowCompilerRegistry registry;

    @Inject
    private CommandProcessor processor;

    @Configuration
    public Option[] configuration() {
        return Distribution.options();
    }

    /** The bundles of the distribution (by their file: location), not Pax Exam's. */
    private List<Bundle> distributionBundles() {
        String home = Distribution.home().resolve("bundle").toUri().toString();
        List<Bundle> bundles = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(home)) {
                bundles.add(bundle);
            }
        }
        return bundles;
    }

    @Test
    public void everyBundleResolvesAndIsActive() {
        List<Bundle> bundles = distributionBundles();
        // the shell is left out (it reads the terminal)
        assertEquals("bundles installed from bundle/", Distribution.bundles().size() - 1, bundles.size());
        context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(bundles);
        List<String> problems = new ArrayList<>();
        for (Bundle bundle : bundles) {
            boolean fragment = (bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (bundle.getState() != expected) {
                problems.add(bundle.getSymbolicName() + " is " + state(bundle.getState()) + why(bundle));
            }
        }
        assertTrue(String.join("\n", problems), problems.isEmpty());
    }

    /** Why a bundle does not resolve or start: the framework says it when asked to start it. */
    private static String why(Bundle bundle) {
        try {
            bundle.start(Bundle.START_TRANSIENT);
            return "";
        } catch (BundleException e) {
            return ": " + e.getMessage();
        }
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED (not resolved)";
            case Bundle.RESOLVED -> "RESOLVED (not started)";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }

    @Test
    public void everyImportIsWiredToOneExporter() {
        List<String> problems = new ArrayList<>();
        for (Bundle bundle : distributionBundles()) {
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            if (wiring == null) {
                problems.add(bundle.getSymbolicName() + " has no wiring");
                continue;
            }
            // a package reaches a bundle once: two wires for one package would be a split
            Set<String> seen = new TreeSet<>();
            for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
                String pkg = (String) wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
                if (!seen.add(pkg)) {
                    problems.add(bundle.getSymbolicName() + " imports " + pkg + " twice");
                }
            }
        }
        assertTrue(String.join("\n", problems), problems.isEmpty());
    }

    /**
     * Nothing unused: a library (a bundle with no activator and no components) is there because
     * another bundle of the distribution imports from it or requires a capability of it (such as
     * the SLF4J provider that slf4j-api requires). Fragments extend their host.
     */
    @Test
    public void everyLibraryIsUsedByAnotherBundle() {
        List<String> unused = new ArrayList<>();
        for (Bundle bundle : distributionBundles()) {
            if (bundle.getHeaders("").get("Bundle-Activator") != null
                    || bundle.getHeaders("").get("Service-Component") != null
                    || bundle.getHeaders("").get("Fragment-Host") != null) {
                continue;
            }
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            boolean used = wiring.getProvidedWires(null).stream()
                    .anyMatch(wire -> wire.getRequirer().getBundle() != bundle);
            if (!used) {
                unused.add(bundle.getSymbolicName() + " " + bundle.getVersion());
            }
        }
        assertTrue("libraries nothing imports from:\n" + String.join("\n", unused), unused.isEmpty());
    }

    @Test
    public void everyExportedPackageHasAVersion() {
        List<String> unversioned = new ArrayList<>();
        for (Bundle bundle : distributionBundles()) {
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            revision.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE).forEach(capability -> {
                Object version = capability.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE);
                if (version == null || Version.emptyVersion.equals(version)) {
                    unversioned.add(bundle.getSymbolicName() + ": "
                            + capability.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE));
                }
            });
        }
        assertTrue("exported without a version:\n" + String.join("\n", unversioned), unversioned.isEmpty());
    }

    // ---------------------------------------------------------------- the Gogo commands

    private static String example(String name) {
        return Distribution.home().resolve("examples").resolve(name).toString();
    }

    private Gogo.Outcome gogo(String commandLine) {
        return Gogo.run(processor, commandLine);
    }

    private static void assertOk(Gogo.Outcome outcome) {
        assertEquals(outcome.output() + outcome.failure(), 0, outcome.status());
    }

    private static void assertContains(Gogo.Outcome outcome, String... texts) {
        for (String text : texts) {
            assertTrue("'" + text + "' in:\n" + outcome.output(), outcome.output().contains(text));
        }
    }

    @Test
    public void schemesListsEveryPluginWithItsBundle() {
        Gogo.Outcome schemes = gogo("workflow:schemes");
        assertOk(schemes);
        assertContains(schemes, "SCHEME", "PLUGIN", "BUNDLE", "RANKING", "ENABLED", "ACTIVE",
                "dev.victor.workflow.registry-bundle");
        for (String scheme : List.of("yaml", "yml", "file", "json", "json+file", "yaml+file")) {
            assertTrue(scheme, schemes.output().lines().anyMatch(line -> line.startsWith(scheme + " ")));
        }
    }

    @Test
    public void compileAndValidateReportWhatTheyFound() {
        Gogo.Outcome compile = gogo("workflow:compile " + example("loop.yaml"));
        assertOk(compile);
        assertContains(compile, "compiled loop: 4 nodes");

        Gogo.Outcome valid = gogo("workflow:validate --json " + example("parallel.yaml"));
        assertOk(valid);
        assertContains(valid, "is valid", "{\"valid\":true");

        Gogo.Outcome invalid = gogo("workflow:validate " + example("missing.yaml"));
        assertEquals(invalid.output(), 1, invalid.status());
        assertContains(invalid, "is invalid");
    }

    @Test
    public void runPrintsTheEventsAndTheResult() {
        Gogo.Outcome run = gogo("workflow:run --json " + example("linear.yaml") + " '{\"name\": \"Felix\"}'");
        assertOk(run);
        assertContains(run, "started linear", "> clean [transform]", "< greet", "finished COMPLETED after 3 iterations",
                "\"greeting\":\"Hello, Felix!\"", "\"status\":\"COMPLETED\"");

        Gogo.Outcome quote = gogo("workflow:run " + example("quote.yaml"));
        assertOk(quote);
        assertContains(quote, "< price", "\"total\":61.0", "\"next_step\":\"confirmed\"");
    }

    @Test
    public void resumeContinuesARunThatWaitsForAHuman() {
        Gogo.Outcome waiting = gogo("workflow:run --json " + example("approval.yaml"));
        assertOk(waiting);
        assertContains(waiting, "? approve waits for approval: Pay 250 EUR to ACME Corp?", "\"status\":\"INTERRUPTED\"");
        java.util.regex.Matcher thread = java.util.regex.Pattern.compile("\"threadId\":\"([^\"]+)\"")
                .matcher(waiting.output());
        assertTrue(thread.find());

        Gogo.Outcome resumed = gogo("workflow:resume --json " + thread.group(1) + " true");
        assertOk(resumed);
        assertContains(resumed, "finished COMPLETED", "\"paid\":true", "paid 250 EUR to ACME Corp");
    }

    @Test
    public void graphDrawsMermaidDotAndJson() {
        Gogo.Outcome mermaid = gogo("workflow:graph " + example("loop.yaml"));
        assertOk(mermaid);
        assertContains(mermaid, "flowchart TD", "-->|\"false\"|");
        assertContains(gogo("workflow:graph " + example("loop.yaml") + " dot"), "digraph");
        assertContains(gogo("workflow:graph " + example("loop.yaml") + " json"), "\"nodes\"");
        assertEquals(2, gogo("workflow:graph " + example("loop.yaml") + " svg").status());
    }

    @Test
    public void cacheShowsItsStatisticsAndClears() {
        gogo("workflow:compile " + example("linear.yaml"));
        Gogo.Outcome stats = gogo("workflow:cache");
        assertOk(stats);
        assertContains(stats, "size:", "/ 500", "hits:", "misses:", "invalidations:");
        Gogo.Outcome cleared = gogo("workflow:cache clear");
        assertOk(cleared);
        assertContains(cleared, "cache cleared", "size:          0 / 500");
    }

    @Test
    public void theRegistryIsAService() {
        assertNotNull(registry.schemes());
    }
}
