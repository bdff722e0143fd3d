package dev.victor.workflow.launcher;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * While the shell runs: a jar dropped into {@code deploy/} (installed or updated by FileInstall)
 * that is not active after a short grace, usually because a requirement is missing, is reported
 * in the shell, with the framework's reason, as the start reports the jars it finds there.
 */
final class DeployWatch implements BundleListener, AutoCloseable {
    static final long GRACE_MS = 2_000;

    private final BundleContext context;
    private final Path deploy;
    private final Consumer<String> report;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "victor deploy watch");
        thread.setDaemon(true);
        return thread;
    });

    DeployWatch(BundleContext context, Path deploy, Consumer<String> report) {
        this.context = context;
        this.deploy = deploy.toAbsolutePath().normalize();
        this.report = report;
        context.addBundleListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getType() != BundleEvent.INSTALLED && event.getType() != BundleEvent.UPDATED) {
            return;
        }
        Bundle bundle = event.getBundle();
        String jar = deployed(bundle.getLocation());
        if (jar != null) {
            timer.schedule(() -> check(bundle, jar), GRACE_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void check(Bundle bundle, String jar) {
        int state = bundle.getState();
        boolean fragment = bundle.getHeaders("").get("Fragment-Host") != null;
        if (state == Bundle.UNINSTALLED || state == Bundle.ACTIVE || state == Bundle.STARTING
                || (fragment && state == Bundle.RESOLVED)) {
            return;
        }
        String why = Readiness.why(bundle);
        if (!why.isEmpty()) {
            report.accept("victor: deploy/" + jar + " is not active" + why);
        }
    }

    /** The jar's name when the location is a file of deploy/, else null. */
    private String deployed(String location) {
        try {
            Path path = Path.of(URI.create(location)).toAbsolutePath().normalize();
            return deploy.equals(path.getParent()) ? path.getFileName().toString() : null;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            context.removeBundleListener(this);
        } catch (IllegalStateException e) {
            // the framework has stopped
        }
        timer.shutdownNow();
    }
}
