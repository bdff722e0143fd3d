package dev.victor.workflow.registry;

import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.registry.internal.UriRedaction;

/** A graph from {@code compileLazy} failed to compile on first use; the cause says why. */
public final class LazyCompileException extends WorkflowException {
    private static final long serialVersionUID = 1L;
    private final String uri;

    public LazyCompileException(String uri, String workflowName, WorkflowException cause) {
        super("The workflow " + (workflowName == null ? "" : "'" + workflowName + "' of ") + "'" + UriRedaction.text(uri)
              + "' (compiled lazily, on first use) failed to compile: " + cause.getMessage(),
                cause.problems(), cause);
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }
}
