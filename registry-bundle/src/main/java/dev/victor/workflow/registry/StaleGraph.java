package dev.victor.workflow.registry;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.GraphView;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunEvent;
import dev.victor.workflow.api.ResumeOptions;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.spi.Checkpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

/** The last good graph of a URI whose source could not be read: every result carries a warning. */
final class StaleGraph implements CompiledGraph {
    private final CompiledGraph delegate;
    private final String warning;

    StaleGraph(CompiledGraph delegate, String warning) {
        this.delegate = delegate;
        this.warning = warning;
    }

    /** The warning each result carries. */
    String warning() {
        return warning;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public List<Problem> warnings() {
        List<Problem> all = new ArrayList<>(delegate.warnings());
        all.add(Problem.warning(warning));
        return List.copyOf(all);
    }

    @Override
    public RunResult invoke(Map<String, Object> state, RunConfig config) {
        return delegate.invoke(state, config).withWarning(warning);
    }

    @Override
    public CompletionStage<RunResult> invokeAsync(Map<String, Object> state, RunConfig config) {
        return delegate.invokeAsync(state, config).thenApply(result -> result.withWarning(warning));
    }

    @Override
    public Stream<RunEvent> stream(Map<String, Object> state, RunConfig config) {
        return delegate.stream(state, config).map(event -> event instanceof RunEvent.RunFinished finished
                ? new RunEvent.RunFinished(finished.result().withWarning(warning)) : event);
    }

    @Override
    public RunResult resume(String threadId, Object response, RunConfig config) {
        return delegate.resume(threadId, response, config).withWarning(warning);
    }

    @Override
    public RunResult resume(String threadId, Object response, RunConfig config,
                            ResumeOptions options) {
        return delegate.resume(threadId, response, config, options).withWarning(warning);
    }

    @Override
    public List<Checkpoint> history(String threadId, RunConfig config) {
        return delegate.history(threadId, config);
    }

    @Override
    public RunResult fork(String threadId, int step, Map<String, Object> patch, RunConfig config) {
        return delegate.fork(threadId, step, patch, config).withWarning(warning);
    }

    @Override
    public String fingerprint() {
        return delegate.fingerprint();
    }

    @Override
    public GraphView getGraph() {
        return delegate.getGraph();
    }
}
