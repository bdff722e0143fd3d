package dev.victor.workflow.db.internal;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.WorkflowCompilerRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the {@code db} plugin ({@link DbCompilerPlugin}) for the registry. It reaches the yaml
 * and json plugins through the registry service, by scheme, and watches their services only to
 * count replacements: a new yaml or json plugin changes the db plugin's cache keys, so rows are
 * recompiled by it.
 */
@Component(service = WorkflowCompilerPlugin.class, property = {"scheme=db", "plugin.name=db"})
public final class DbPluginComponent implements WorkflowCompilerPlugin {

    private final AtomicLong delegateChanges = new AtomicLong();
    private final DbCompilerPlugin plugin;

    @Activate
    public DbPluginComponent(@Reference(name = "databases") DatabasesComponent databases,
                             @Reference(name = "registry") WorkflowCompilerRegistry registry) {
        this.plugin = new DbCompilerPlugin(databases.databases(), registry, delegateChanges::get);
    }

    @Reference(name = "formats", service = WorkflowCompilerPlugin.class,
            target = "(|(scheme=yaml)(scheme=json))", cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "formatLeft", updated = "formatChanged")
    void formatArrived(WorkflowCompilerPlugin format) {
        delegateChanges.incrementAndGet();
    }

    void formatChanged(WorkflowCompilerPlugin format) {
        delegateChanges.incrementAndGet();
    }

    void formatLeft(WorkflowCompilerPlugin format) {
        delegateChanges.incrementAndGet();
    }

    @Override
    public CompiledGraph compile(String source, String workflowName, boolean validate) {
        return plugin.compile(source, workflowName, validate);
    }

    @Override
    public boolean validateSource(String source) {
        return plugin.validateSource(source);
    }

    @Override
    public List<String> workflowNames(String source) {
        return plugin.workflowNames(source);
    }

    @Override
    public String getCacheKey(String source) {
        return plugin.getCacheKey(source);
    }

    @Override
    public String toString() {
        return plugin.toString();
    }
}
