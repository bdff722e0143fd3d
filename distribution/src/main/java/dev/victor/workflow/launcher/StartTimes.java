package dev.victor.workflow.launcher;

import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** With {@code -Dvictor.timing=true}: how long each bundle took to start (its activator), on standard error. */
final class StartTimes implements SynchronousBundleListener {
    private final Map<Long, Long> starting = new ConcurrentHashMap<>();
    private final PrintStream err;

    StartTimes(PrintStream err) {
        this.err = err;
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        long id = event.getBundle().getBundleId();
        if (event.getType() == BundleEvent.STARTING) {
            starting.put(id, System.nanoTime());
        } else if (event.getType() == BundleEvent.STARTED && starting.containsKey(id)) {
            err.printf("victor:   started %s in %d ms%n", event.getBundle().getSymbolicName(),
                    (System.nanoTime() - starting.remove(id)) / 1_000_000);
        }
    }
}
