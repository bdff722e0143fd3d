package dev.victor.workflow.registry.internal.core;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.registry.internal.UriRedaction;

import java.util.List;
import java.util.function.Supplier;

/**
 * The registry's calls into a plugin for one URI: a fault of the plugin (an exception other than
 * a {@link WorkflowException}) is reported as a {@code WorkflowException} naming the plugin, the
 * method and the URI (with its secrets redacted).
 *
 * @param uri    the URI as the caller gave it
 * @param scheme the scheme it resolved to
 * @param entry  the plugin's entry
 * @param plugin the instance that compiles
 */
public record PluginCalls(String uri, String scheme, PluginEntry entry, WorkflowCompilerPlugin plugin) {

    /** The plugin's cache key of a source ({@code null}: never cached). */
    public String cacheKey(String source) {
        return call("getCacheKey", () -> plugin.getCacheKey(source));
    }

    /**
     * Compiles one workflow of a source; with {@code validate}, {@code validateSource} is asked
     * first.
     */
    public CompiledGraph compile(String source, String workflowName, boolean validate) {
        if (validate) {
            if (!call("validateSource", () -> plugin.validateSource(source))) {
                throw sourceRejected(source, workflowName);
            }
        }
        CompiledGraph graph = call("compile", () -> plugin.compile(source, workflowName, validate));
        if (graph == null) {
            throw new WorkflowException("The " + scheme + " plugin (" + entry + ") returned no graph for '"
                    + UriRedaction.text(uri) + "'");
        }
        return graph;
    }

    private <T> T call(String method, Supplier<T> call) {
        try {
            return call.get();
        } catch (WorkflowException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new WorkflowException("The " + scheme + " plugin " + entry + " failed in " + method + " of '"
                    + UriRedaction.text(uri) + "': " + e, e);
        }
    }

    /**
     * The error for a source the plugin's {@code validateSource} refused. The plugin's own compile
     * says best why (a missing path, a parse error with its line), so it is asked; only when it
     * compiles after all does the registry say in its own words that the plugin refused it.
     */
    private WorkflowException sourceRejected(String source, String workflowName) {
        try {
            plugin.compile(source, workflowName, true);
        } catch (WorkflowException precise) {
            return precise;
        }
        String message = "The " + scheme + " plugin (" + plugin.getClass().getName()
                + ") cannot read the source of '" + UriRedaction.text(uri) + "'";
        return new InvalidWorkflowException(message, List.of(Problem.error(message).withSource(uri)));
    }
}
