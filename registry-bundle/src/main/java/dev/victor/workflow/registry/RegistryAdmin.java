package dev.victor.workflow.registry;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.WorkflowCompilerRegistry;
import dev.victor.workflow.spi.NodeServices;
import org.osgi.annotation.versioning.ProviderType;

import java.util.List;

/**
 * The registry as its administrators (the {@code workflow:*} commands, a console) see it: the
 * plugins and their state, enabling and disabling them, the compiled-graph cache, and compiles
 * with or without validation. Registered as an OSGi service by the registry bundle;
 * {@link DefaultWorkflowCompilerRegistry} implements it off OSGi.
 */
@ProviderType
public interface RegistryAdmin extends WorkflowCompilerRegistry {

    /** Every plugin for every scheme, sorted by scheme and then by precedence. */
    List<PluginInfo> plugins();

    /**
     * Enables or disables the plugins under a key (a scheme, or a plugin's name), as
     * {@code enabled} in their configuration does, until their configuration changes next. A
     * disabled scheme's URIs fail with {@link DisabledSchemeException}.
     */
    void setEnabled(String key, boolean enabled);

    /** The compiled-graph cache's counters. */
    CacheStatistics cacheStatistics();

    /** Empties the compiled-graph cache: every workflow is compiled again at its next use. */
    void clearCache();

    /**
     * The workflows a URI's source holds, as its plugin lists them; empty when the plugin cannot
     * tell.
     */
    List<String> workflowNames(String uri);

    /**
     * Compiles one workflow of the URI (or returns the cached graph), validating the source first
     * when {@code validate} is true.
     */
    CompiledGraph compile(String uri, String workflowName, boolean validate);

    /** The node services the runs of the registry's graphs get, or {@code null}. */
    NodeServices nodeServices();
}
