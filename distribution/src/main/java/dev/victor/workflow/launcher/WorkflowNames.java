package dev.victor.workflow.launcher;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import java.util.List;
import java.util.function.Function;

/**
 * The workflows a URI holds, for completion: asked of the registry's {@code RegistryAdmin}
 * service ({@code workflowNames}). Its API lives in the registry bundle, not on the launcher's
 * class path, so the method is called through the interface that bundle exports. Anything that
 * fails (no registry, an unreadable URI) completes to nothing.
 */
final class WorkflowNames implements Function<String, List<String>> {
    private static final String ADMIN = "dev.victor.workflow.registry.RegistryAdmin";

    private final BundleContext context;

    WorkflowNames(BundleContext context) {
        this.context = context;
    }

    @Override
    public List<String> apply(String uri) {
        ServiceReference<?> reference = context.getServiceReference(ADMIN);
        if (reference == null) {
            return List.of();
        }
        Object admin = context.getService(reference);
        try {
            Class<?> type = reference.getBundle().loadClass(ADMIN);
            Object names = type.getMethod("workflowNames", String.class).invoke(admin, uri);
            return names instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return List.of();
        } finally {
            context.ungetService(reference);
        }
    }
}
