package dev.victor.workflow.registry;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.GraphView;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunEvent;
import dev.victor.workflow.api.ResumeOptions;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.spi.Checkpoint;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

/**
 * A graph that compiles through the registry when first used, and on each later use takes the
 * registry's cached graph (so a replaced plugin or a changed source is picked up). A compile
 * failure is thrown at the use as a {@link LazyCompileException}; it is not remembered.
 */
final class LazyGraph implements CompiledGraph {
    private final DefaultWorkflowCompilerRegistry registry;
    private final String uri;
    private final String workflowName;

    LazyGraph(DefaultWorkflowCompilerRegistry registry, String uri, String workflowName) {
        this.registry = registry;
        this.uri = uri;
        this.workflowName = workflowName;
    }

    private CompiledGraph graph() {
        try {
            return registry.compile(uri, workflowName);
        } catch (LazyCompileException e) {
            throw e;
        } catch (WorkflowException e) {
            throw new LazyCompileException(uri, workflowName, e);
        }
    }

    @Override
    public String name() {
        return workflowName != null ? workflowName : graph().name();
    }

    @Override
    public List<Problem> warnings() {
        return graph().warnings();
    }

    @Override
    public RunResult invoke(Map<String, Object> state, RunConfig config) {
        return graph().invoke(state, config);
    }

    @Override
    public CompletionStage<RunResult> invokeAsync(Map<String, Object> state, RunConfig config) {
        CompiledGraph graph;
        try {
            graph = graph();
        } catch (LazyCompileException e) {
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
        return graph.invokeAsync(state, config);
    }

    @Override
    public Stream<RunEvent> stream(Map<String, Object> state, RunConfig config) {
        return graph().stream(state, config);
    }

    @Override
    public RunResult resume(String threadId, Object response, RunConfig config) {
        return graph().resume(threadId, response, config);
    }

    @Override
    public RunResult resume(String threadId, Object response, RunConfig config,
                            ResumeOptions options) {
        return graph().resume(threadId, response, config, options);
    }

    @Override
    public List<Checkpoint> history(String threadId, RunConfig config) {
        return graph().history(threadId, config);
    }

    @Override
    public RunResult fork(String threadId, int step, Map<String, Object> patch, RunConfig config) {
        return graph().fork(threadId, step, patch, config);
    }

    @Override
    public String fingerprint() {
        return graph().fingerprint();
    }

    @Override
    public GraphView getGraph() {
        return graph().getGraph();
    }

    @Override
    public String toString() {
        return "lazy " + uri + (workflowName == null ? "" : " #" + workflowName);
    }
}
