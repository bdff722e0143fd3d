package dev.victor.workflow.kernel;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.WorkflowCompilerPlugin;

import java.util.List;
import java.util.Objects;

/**
 * A plugin that hands every call to another one: the base of the thin front classes a plugin
 * bundle needs around its compiler (the Declarative Services component, the {@code ServiceLoader}
 * class with its no-argument and {@code Map} constructors).
 */
public abstract class ForwardingCompilerPlugin implements WorkflowCompilerPlugin {
    private final WorkflowCompilerPlugin delegate;

    protected ForwardingCompilerPlugin(WorkflowCompilerPlugin delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The plugin every call goes to. */
    protected final WorkflowCompilerPlugin delegate() {
        return delegate;
    }

    @Override
    public CompiledGraph compile(String source, String workflowName, boolean validate) {
        return delegate.compile(source, workflowName, validate);
    }

    @Override
    public CompiledGraph compileText(String text, String sourceName, String workflowName, boolean validate) {
        return delegate.compileText(text, sourceName, workflowName, validate);
    }

    @Override
    public List<String> workflowNames(String source) {
        return delegate.workflowNames(source);
    }

    @Override
    public List<String> workflowNamesInText(String text, String sourceName) {
        return delegate.workflowNamesInText(text, sourceName);
    }

    @Override
    public boolean validateSource(String source) {
        return delegate.validateSource(source);
    }

    @Override
    public String getCacheKey(String source) {
        return delegate.getCacheKey(source);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
