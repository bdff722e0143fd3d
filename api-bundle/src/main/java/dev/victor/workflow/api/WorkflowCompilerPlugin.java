package dev.victor.workflow.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Turns a source into a compiled graph. A plugin is published for one or more URI schemes
 * (in OSGi as a service with the {@code scheme} property, off OSGi through ServiceLoader or
 * {@link WorkflowCompilerRegistry#register}).
 */
@ConsumerType
public interface WorkflowCompilerPlugin {

    /**
     * Compiles one workflow of a source.
     *
     * @param source       what the plugin reads: a path, the rest of a URI, text, a key ...
     * @param workflowName which workflow of the source; {@code null} when it holds only one
     * @param validate     whether to run the full validation (warnings, reachability, ...)
     * @throws WorkflowSourceNotFoundException when the source does not exist
     * @throws InvalidWorkflowException        when the source is not a valid workflow
     */
    CompiledGraph compile(String source, String workflowName, boolean validate);

    default CompiledGraph compile(String source) {
        return compile(source, null, true);
    }

    /** A cheap check that the source looks like something this plugin can read. */
    default boolean validateSource(String source) {
        return true;
    }

    /**
     * Compiles a document another plugin fetched (an HTTP body, a database row). The text is
     * content, never a path or a URI; it may not reach local files ({@code $ref}) or the
     * environment ({@code $env}), whatever this plugin's options say; problems name
     * {@code sourceName}.
     *
     * @throws WorkflowException by default: a plugin that reads documents overrides this
     */
    default CompiledGraph compileText(String text, String sourceName, String workflowName, boolean validate) {
        throw new WorkflowException("The plugin " + getClass().getName() + " cannot compile a fetched document ("
                + sourceName + ")");
    }

    /**
     * The names of the workflows a fetched document holds, read as {@link #compileText} reads it;
     * empty when the plugin cannot tell.
     */
    default java.util.List<String> workflowNamesInText(String text, String sourceName) {
        return java.util.List.of();
    }

    /**
     * The names of the workflows the source holds, in document order, so that a caller can
     * compile each of them; empty when the plugin cannot tell (then compile with no name).
     *
     * @throws WorkflowException as {@code compile} would, for a source that cannot be read
     */
    default java.util.List<String> workflowNames(String source) {
        return java.util.List.of();
    }

    /** A key that changes whenever the compiled result would change. */
    default String getCacheKey(String source) {
        return source;
    }
}
