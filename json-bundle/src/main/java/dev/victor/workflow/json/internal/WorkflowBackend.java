package dev.victor.workflow.json.internal;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.model.SourcePositions;

import java.util.function.Function;

/** What turns a parsed tree into a compiled graph: the kernel (a seam for tests). */
interface WorkflowBackend {

    /**
     * @param environment where {@code $env.NAME} values come from; {@code null}: not read
     * @throws dev.victor.workflow.api.InvalidWorkflowException carrying every problem
     */
    CompiledGraph compile(Object tree, SourcePositions positions, String sourceName, String workflowName,
                          boolean validate, boolean strict, Function<String, String> environment);
}
