package dev.victor.workflow.json.internal;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.format.SourcePositions;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** What turns a parsed tree into a compiled graph: the kernel (a seam for tests). */
interface WorkflowBackend {

    /** @throws dev.victor.workflow.api.InvalidWorkflowException carrying every problem */
    CompiledGraph compile(Object tree, SourcePositions positions, String sourceName, String workflowName,
                          boolean validate, Settings settings);

    /** Every workflow name the document declares, in document order. */
    List<String> workflowNames(Object tree, SourcePositions positions, String sourceName, Settings settings);

    /**
     * How the kernel's reader reads this source.
     *
     * @param strict          unknown keys are errors
     * @param environment     where {@code $env.NAME} values come from; {@code null}: not read
     * @param customNodeTypes node types that installed executors provide
     */
    record Settings(boolean strict, Function<String, String> environment, Set<String> customNodeTypes) {
        public Settings {
            customNodeTypes = Set.copyOf(customNodeTypes);
        }
    }
}
