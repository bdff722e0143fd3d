package dev.victor.workflow.db.internal;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.PluginFactory;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.WorkflowCompilerRegistry;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

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

    /**
     * The registry is taken as {@link ComponentServiceObjects} and looked up at the first compile:
     * the registry gets every plugin service while it activates, so a plugin that needed the
     * registry object to be built would activate in a cycle (SCR refuses it and the db scheme
     * never appears).
     */
    @Activate
    public DbPluginComponent(@Reference(name = "databases") DatabasesComponent databases,
                             @Reference(name = "registry") ComponentServiceObjects<WorkflowCompilerRegistry> registry) {
        this.plugin = new DbCompilerPlugin(databases.databases(), new LazyRegistry(registry::getService),
                delegateChanges::get);
    }

    DbPluginComponent(DatabasesComponent databases, WorkflowCompilerRegistry registry) {
        this.plugin = new DbCompilerPlugin(databases.databases(), registry, delegateChanges::get);
    }

    /** The registry service, got when first used. */
    private static final class LazyRegistry implements WorkflowCompilerRegistry {
        private final Supplier<WorkflowCompilerRegistry> lookup;
        private volatile WorkflowCompilerRegistry registry;

        LazyRegistry(Supplier<WorkflowCompilerRegistry> lookup) {
            this.lookup = lookup;
        }

        private WorkflowCompilerRegistry registry() {
            WorkflowCompilerRegistry found = registry;
            if (found == null) {
                synchronized (this) {
                    found = registry;
                    if (found == null) {
                        found = lookup.get();
                        registry = found;
                    }
                }
            }
            return found;
        }

        @Override
        public void register(String scheme, Class<? extends WorkflowCompilerPlugin> pluginClass) {
            registry().register(scheme, pluginClass);
        }

        @Override
        public void register(String scheme, PluginFactory factory) {
            registry().register(scheme, factory);
        }

        @Override
        public void unregister(String scheme) {
            registry().unregister(scheme);
        }

        @Override
        public WorkflowCompilerPlugin create(String uri, Map<String, ?> options) {
            return registry().create(uri, options);
        }

        @Override
        public CompiledGraph compile(String uri, String workflowName) {
            return registry().compile(uri, workflowName);
        }

        @Override
        public Set<String> schemes() {
            return registry().schemes();
        }
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
