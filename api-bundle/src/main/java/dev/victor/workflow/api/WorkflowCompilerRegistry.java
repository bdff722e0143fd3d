package dev.victor.workflow.api;

import org.osgi.annotation.versioning.ProviderType;

import java.util.Map;
import java.util.Set;

/**
 * Finds the compiler plugin for a URI's scheme and compiles through it, caching the result.
 * An OSGi service, and a plain object off OSGi.
 */
@ProviderType
public interface WorkflowCompilerRegistry {

    /** Registers a plugin class, built with a {@code Map} constructor or a no-argument one. */
    void register(String scheme, Class<? extends WorkflowCompilerPlugin> pluginClass);

    /** Registers a factory that builds the plugin from options. */
    void register(String scheme, PluginFactory factory);

    /** @throws UnknownSchemeException when nothing is registered for the scheme */
    void unregister(String scheme);

    /** A new plugin for the URI's scheme, built with the given options. */
    WorkflowCompilerPlugin create(String uri, Map<String, ?> options);

    default CompiledGraph compile(String uri) {
        return compile(uri, null);
    }

    /** Compiles the URI's source through its scheme's plugin; the result is cached. */
    CompiledGraph compile(String uri, String workflowName);

    /** The schemes that can be compiled now. */
    Set<String> schemes();
}
