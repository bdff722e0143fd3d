package dev.victor.workflow.http.internal;

import dev.victor.workflow.api.WorkflowCompilerRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

import java.util.function.Supplier;

/**
 * The registry service, looked up when a compile first needs it rather than when the component
 * starts: the registry itself asks for the plugin services while it starts, so a plugin that
 * waited for the registry service in its constructor would make a cycle.
 */
final class RegistryLookup implements Supplier<WorkflowCompilerRegistry>, AutoCloseable {
    private final BundleContext context;
    private ServiceTracker<WorkflowCompilerRegistry, WorkflowCompilerRegistry> tracker;
    private boolean closed;

    RegistryLookup(BundleContext context) {
        this.context = context;
    }

    @Override
    public synchronized WorkflowCompilerRegistry get() {
        if (closed) {
            return null;
        }
        if (tracker == null) {
            tracker = new ServiceTracker<>(context, WorkflowCompilerRegistry.class, null);
            tracker.open();
        }
        return tracker.getService();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (tracker != null) {
            tracker.close();
            tracker = null;
        }
    }
}
