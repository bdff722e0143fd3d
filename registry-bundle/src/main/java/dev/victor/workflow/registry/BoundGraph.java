package dev.victor.workflow.registry;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.GraphView;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunEvent;
import dev.victor.workflow.api.ResumeOptions;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.spi.Checkpoint;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A compiled graph as the registry hands it out: each run gets the registry's node services,
 * checkpoint store and default iteration limit where its caller set none.
 */
final class BoundGraph implements CompiledGraph {
    private final CompiledGraph delegate;
    private final UnaryOperator<RunConfig> defaults;

    BoundGraph(CompiledGraph delegate, UnaryOperator<RunConfig> defaults) {
        this.delegate = delegate;
        this.defaults = defaults;
    }

    CompiledGraph delegate() {
        return delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public List<Problem> warnings() {
        return delegate.warnings();
    }

    @Override
    public RunResult invoke(Map<String, Object> state, RunConfig config) {
        return delegate.invoke(state, defaults.apply(config));
    }

    @Override
    public CompletionStage<RunResult> invokeAsync(Map<String, Object> state, RunConfig config) {
        return delegate.invokeAsync(state, defaults.apply(config));
    }

    @Override
    public Stream<RunEvent> stream(Map<String, Object> state, RunConfig config) {
        return delegate.stream(state, defaults.apply(config));
    }

    @Override
    public RunResult resume(String threadId, Object response, RunConfig config) {
        return delegate.resume(threadId, response, defaults.apply(config));
    }

    @Override
    public RunResult resume(String threadId, Object response, RunConfig config,
                            ResumeOptions options) {
        return delegate.resume(threadId, response, defaults.apply(config), options);
    }

    @Override
    public List<Checkpoint> history(String threadId, RunConfig config) {
        return delegate.history(threadId, defaults.apply(config));
    }

    @Override
    public RunResult fork(String threadId, int step, Map<String, Object> patch, RunConfig config) {
        return delegate.fork(threadId, step, patch, defaults.apply(config));
    }

    @Override
    public String fingerprint() {
        return delegate.fingerprint();
    }

    @Override
    public GraphView getGraph() {
        return delegate.getGraph();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
