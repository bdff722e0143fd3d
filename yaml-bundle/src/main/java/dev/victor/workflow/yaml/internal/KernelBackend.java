package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.kernel.KernelOptions;
import dev.victor.workflow.kernel.WorkflowKernel;
import dev.victor.workflow.model.ReaderOptions;
import dev.victor.workflow.format.SourcePositions;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads, validates and compiles through the kernel facade. One kernel per reader setting (a
 * plugin uses at most two: with and without {@code $env}), built on first use.
 */
final class KernelBackend implements WorkflowBackend {
    private final Map<Settings, WorkflowKernel> kernels = new ConcurrentHashMap<>();

    @Override
    public CompiledGraph compile(Object tree, SourcePositions positions, String sourceName, String workflowName,
                                 boolean validate, Settings settings) {
        return kernel(settings).compile(tree, positions, sourceName, workflowName, validate);
    }

    @Override
    public List<String> workflowNames(Object tree, SourcePositions positions, String sourceName, Settings settings) {
        return kernel(settings).read(tree, positions, sourceName, false).names();
    }

    private WorkflowKernel kernel(Settings settings) {
        return kernels.computeIfAbsent(settings, s -> new WorkflowKernel(KernelOptions.defaults()
                .withReader(new ReaderOptions(s.strict(), s.environment(), s.customNodeTypes()))));
    }
}
