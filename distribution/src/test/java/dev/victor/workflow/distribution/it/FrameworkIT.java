package dev.victor.workflow.distribution.it;

import dev.victor.workflow.api.WorkflowCompilerRegistry;
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
import static org.junit.Assert.assertTrue;

/**
 * The distribution's bundles in a real Felix: all resolve (no missing import, no uses conflict)
 * and are active, and every package they export has a version.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FrameworkIT {

    @Inject
    private BundleContext context;

    @Inject
    private WorkflowCompilerRegistry registry;

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

    @Test
    public void theRegistryIsAService() {
        assertTrue(registry.schemes() != null);
    }
}
