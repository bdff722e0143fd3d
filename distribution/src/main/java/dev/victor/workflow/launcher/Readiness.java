package dev.victor.workflow.launcher;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Waits until the runtime can serve a command: every service of {@code victor.ready} is present
 * (and activated: a delayed component is created on first use), and every bundle dropped into
 * {@code deploy/} has been installed and started by FileInstall.
 */
final class Readiness {

    private static final long POLL_MS = 5;
    private static final long DEPLOY_GRACE_MS = 2_000;

    private final BundleContext context;
    private final List<String> filters;
    private final long timeoutMillis;
    private final Path deploy;

    Readiness(BundleContext context, List<String> filters, long timeoutMillis, Path deploy) {
        this.context = context;
        this.filters = filters;
        this.timeoutMillis = timeoutMillis;
        this.deploy = deploy;
    }

    void await() {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        for (String filter : filters) {
            ServiceReference<?> reference;
            while ((reference = find(filter)) == null) {
                if (System.currentTimeMillis() > deadline) {
                    throw new LaunchException("the runtime is not ready: no service matches " + filter
                            + " (a bundle of bundle/ did not start; 'victor lb' lists their states)", 1);
                }
                sleep();
            }
            // activate it now, and keep it: a delayed component would otherwise start at first use
            long t0 = System.nanoTime();
            context.getService(reference);
            if (Boolean.getBoolean("victor.timing")) {
                System.err.printf("victor:   %s activated in %d ms%n", filter, (System.nanoTime() - t0) / 1_000_000);
            }
        }
        // FileInstall installs deploy/ at its start and the bundles start with their level: a healthy
        // jar is active by now, so one that is not gets a short grace, then a warning
        long deployDeadline = Math.min(deadline, System.currentTimeMillis() + DEPLOY_GRACE_MS);
        for (String jar : deployedJars()) {
            while (!started(jar)) {
                if (System.currentTimeMillis() > deployDeadline) {
                    System.err.println("victor: deploy/" + jar + " is not active" + why(jar));
                    break;
                }
                sleep();
            }
        }
    }

    private ServiceReference<?> find(String filter) {
        try {
            ServiceReference<?>[] references = context.getServiceReferences((String) null, filter);
            return references == null ? null : references[0];
        } catch (InvalidSyntaxException e) {
            throw new LaunchException("etc/config.properties: '" + filter + "' is not a service filter: "
                    + e.getMessage(), 1);
        }
    }

    private List<String> deployedJars() {
        List<String> jars = new ArrayList<>();
        File[] files = deploy.toFile().listFiles();
        if (files != null) {
            for (File file : files) {
                if (file.getName().endsWith(".jar")) {
                    jars.add(file.getName());
                }
            }
        }
        return jars;
    }

    private boolean started(String jar) {
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().endsWith("/" + jar)) {
                boolean fragment = bundle.getHeaders("").get("Fragment-Host") != null;
                return bundle.getState() == Bundle.ACTIVE || (fragment && bundle.getState() == Bundle.RESOLVED);
            }
        }
        return false;
    }

    /** What the framework says when asked to start it: a missing requirement, usually. */
    private String why(String jar) {
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().endsWith("/" + jar)) {
                return why(bundle);
            }
        }
        return ": FileInstall did not install it (not a bundle?)";
    }

    /** Why a bundle is not active, as the framework says when asked to start it ("" once it started). */
    static String why(Bundle bundle) {
        try {
            bundle.start(Bundle.START_TRANSIENT);
            return "";
        } catch (org.osgi.framework.BundleException | IllegalStateException e) {
            return ": " + e.getMessage();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while starting", 1);
        }
    }
}
