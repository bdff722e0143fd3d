package dev.victor.workflow.http.internal;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.GraphView;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunEvent;
import dev.victor.workflow.api.RunResult;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

/**
 * A graph compiled from fetched text: the format plugin saw only text, so its warnings name no
 * source; here they name the URL. Everything else is the format plugin's graph.
 */
final class SourcedGraph implements CompiledGraph {
    private final CompiledGraph delegate;
    private final List<Problem> warnings;

    SourcedGraph(CompiledGraph delegate, String url) {
        this.delegate = delegate;
        this.warnings = delegate.warnings().stream().map(p -> p.source() == null ? p.withSource(url) : p).toList();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public List<Problem> warnings() {
        return warnings;
    }

    @Override
    public RunResult invoke(Map<String, Object> state, RunConfig config) {
        return delegate.invoke(state, config);
    }

    @Override
    public CompletionStage<RunResult> invokeAsync(Map<String, Object> state, RunConfig config) {
        return delegate.invokeAsync(state, config);
    }

    @Override
    public Stream<RunEvent> stream(Map<String, Object> state, RunConfig config) {
        return delegate.stream(state, config);
    }

    @Override
    public RunResult resume(String threadId, Object response, RunConfig config) {
        return delegate.resume(threadId, response, config);
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
