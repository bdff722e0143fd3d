package dev.victor.workflow.registry.compose.internal;

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
import java.util.stream.Stream;

/** A compiled graph whose warnings name the {@code $ref} library they are in. */
public final class AttributedGraph implements CompiledGraph {
    private final CompiledGraph graph;
    private final List<Problem> warnings;

    public AttributedGraph(CompiledGraph graph, List<Problem> warnings) {
        this.graph = graph;
        this.warnings = List.copyOf(warnings);
    }

    @Override
    public String name() {
        return graph.name();
    }

    @Override
    public List<Problem> warnings() {
        return warnings;
    }

    @Override
    public RunResult invoke(Map<String, Object> state, RunConfig config) {
        return graph.invoke(state, config);
    }

    @Override
    public CompletionStage<RunResult> invokeAsync(Map<String, Object> state, RunConfig config) {
        return graph.invokeAsync(state, config);
    }

    @Override
    public Stream<RunEvent> stream(Map<String, Object> state, RunConfig config) {
        return graph.stream(state, config);
    }

    @Override
    public RunResult resume(String threadId, Object response, RunConfig config) {
        return graph.resume(threadId, response, config);
    }

    @Override
    public RunResult resume(String threadId, Object response, RunConfig config,
                            ResumeOptions options) {
        return graph.resume(threadId, response, config, options);
    }

    @Override
    public List<Checkpoint> history(String threadId, RunConfig config) {
        return graph.history(threadId, config);
    }

    @Override
    public RunResult fork(String threadId, int step, Map<String, Object> patch, RunConfig config) {
        return graph.fork(threadId, step, patch, config);
    }

    @Override
    public String fingerprint() {
        return graph.fingerprint();
    }

    @Override
    public GraphView getGraph() {
        return graph.getGraph();
    }

    @Override
    public String toString() {
        return graph.toString();
    }
}
