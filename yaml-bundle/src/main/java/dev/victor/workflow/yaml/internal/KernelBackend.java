package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.model.SourcePositions;


/** Compiles through the kernel facade. */
final class KernelBackend implements WorkflowBackend {

    @Override
    public CompiledGraph compile(Object tree, SourcePositions positions, String sourceName, String workflowName,
                                 boolean validate, Settings settings) {
        // The kernel facade (dev.victor.workflow.kernel.WorkflowKernel) is not on main yet.
        throw new UnsupportedOperationException("the workflow kernel is not available in this build yet");
    }
}
