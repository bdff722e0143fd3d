package dev.victor.workflow.kernel.internal;

import dev.victor.workflow.engine.EngineOptions;
import dev.victor.workflow.engine.WorkflowThreads;
import dev.victor.workflow.kernel.KernelOptions;
import dev.victor.workflow.kernel.WorkflowKernel;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import java.util.Hashtable;

/**
 * Publishes one configured {@link WorkflowKernel} (a final class, so registered by this component
 * rather than being it), whose graphs run on threads this component owns and shuts down when it
 * deactivates (the bundle stops or is updated): no engine thread outlives its bundle.
 */
@Component(immediate = true, service = {})
// registered by hand, so declared by hand: resolvers that check service requirements (Karaf's)
// then know this bundle provides the kernel the registry requires
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=dev.victor.workflow.kernel.WorkflowKernel",
        uses = WorkflowKernel.class)
public final class KernelComponent {
    private final WorkflowThreads threads = new WorkflowThreads("victor-workflow-engine");
    private final ServiceRegistration<WorkflowKernel> registration;

    @Activate
    public KernelComponent(BundleContext context) {
        WorkflowKernel kernel = new WorkflowKernel(KernelOptions.defaults()
                .withEngine(EngineOptions.defaults().executor(threads)));
        this.registration = context.registerService(WorkflowKernel.class, kernel, new Hashtable<>());
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        threads.close();
    }
}
