package dev.victor.workflow.registry.internal.core;

import dev.victor.workflow.api.WorkflowCompilerPlugin;

import java.util.Objects;

/**
 * A cache key: scheme, plugin instance (by identity), the plugin's cache key, workflow name,
 * validate. Immutable.
 */
public final class GraphKey {
    final String scheme;
    final WorkflowCompilerPlugin plugin;
    private final String cacheKey;
    private final String workflow;
    private final boolean validate;
    private final int hash;

    public GraphKey(String scheme, WorkflowCompilerPlugin plugin, String cacheKey, String workflow, boolean validate) {
        this.scheme = scheme;
        this.plugin = plugin;
        this.cacheKey = cacheKey;
        this.workflow = workflow;
        this.validate = validate;
        int h = scheme.hashCode();
        h = 31 * h + System.identityHashCode(plugin);
        h = 31 * h + cacheKey.hashCode();
        h = 31 * h + Objects.hashCode(workflow);
        this.hash = 31 * h + (validate ? 1 : 0);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GraphKey key && key.hash == hash && key.plugin == plugin && key.validate == validate
                && key.scheme.equals(scheme) && key.cacheKey.equals(cacheKey)
                && Objects.equals(key.workflow, workflow);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return scheme + ":" + cacheKey + (workflow == null ? "" : "#" + workflow);
    }
}
