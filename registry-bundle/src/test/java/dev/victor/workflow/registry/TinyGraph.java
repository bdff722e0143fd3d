package dev.victor.workflow.registry;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.EdgeView;
import dev.victor.workflow.api.GraphView;
import dev.victor.workflow.api.NoSuchThreadException;
import dev.victor.workflow.api.NodeView;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunError;
import dev.victor.workflow.api.RunEvent;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.engine.render.StaticGraphView;
import dev.victor.workflow.spi.ComputeHandler;
import dev.victor.workflow.spi.NodeCall;
import dev.victor.workflow.spi.NodeOutput;
import dev.victor.workflow.spi.NodeServices;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A test graph: a chain of compute nodes, each calling the handler named like the node from the
 * run's node services. Written in test code until the engine's GraphBuilder is on main.
 */
public final class TinyGraph implements CompiledGraph {
    private final String name;
    private final List<String> nodes;
    private final String compiledBy;
    /** The config of the last run, to check what the registry passed. */
    public final AtomicReference<RunConfig> lastConfig = new AtomicReference<>();

    public TinyGraph(String name, List<String> nodes, String compiledBy) {
        this.name = name;
        this.nodes = List.copyOf(nodes);
        this.compiledBy = compiledBy;
    }

    public List<String> nodes() {
        return nodes;
    }

    /** Which plugin instance compiled it. */
    public String compiledBy() {
        return compiledBy;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Problem> warnings() {
        return List.of();
    }

    @Override
    public RunResult invoke(Map<String, Object> state, RunConfig config) {
        List<RunEvent> events = run(state, config);
        return ((RunEvent.RunFinished) events.get(events.size() - 1)).result();
    }

    @Override
    public CompletionStage<RunResult> invokeAsync(Map<String, Object> state, RunConfig config) {
        return CompletableFuture.completedFuture(invoke(state, config));
    }

    @Override
    public Stream<RunEvent> stream(Map<String, Object> state, RunConfig config) {
        return run(state, config).stream();
    }

    private List<RunEvent> run(Map<String, Object> input, RunConfig config) {
        lastConfig.set(config);
        String thread = config.threadId() != null ? config.threadId() : "t-" + System.nanoTime();
        NodeServices services = config.services() != null ? config.services() : NodeServices.none();
        Map<String, Object> state = new LinkedHashMap<>(input);
        List<RunEvent> events = new ArrayList<>();
        List<String> history = new ArrayList<>();
        events.add(new RunEvent.RunStarted(thread, name, nodes.get(0), false));
        int iteration = 0;
        for (String node : nodes) {
            iteration++;
            if (config.maxIterations() != null && iteration > config.maxIterations()) {
                RunResult result = new RunResult(RunStatus.LIMIT_EXCEEDED, thread, state,
                        new RunError(node, "more than " + config.maxIterations() + " iterations", "limit", null),
                        iteration - 1, Duration.ZERO, history, null, List.of());
                events.add(new RunEvent.RunFinished(result));
                return events;
            }
            events.add(new RunEvent.NodeStarted(node, "compute", iteration));
            Optional<ComputeHandler> handler = services.handler(node);
            if (handler.isEmpty()) {
                String message = "No compute handler '" + node + "' is installed";
                events.add(new RunEvent.NodeFailed(node, iteration, message, false));
                events.add(new RunEvent.RunFinished(new RunResult(RunStatus.FAILED, thread, state,
                        RunError.of(node, message), iteration, Duration.ZERO, history, null, List.of())));
                return events;
            }
            try {
                NodeOutput output = handler.get().handle(new NodeCall(name, node, thread, Map.of(), state, Map.of()));
                state.put(node, output.value());
                state.putAll(output.stateUpdates());
            } catch (Exception e) {
                events.add(new RunEvent.RunFinished(new RunResult(RunStatus.FAILED, thread, state,
                        RunError.of(node, e.getMessage()), iteration, Duration.ZERO, history, null, List.of())));
                return events;
            }
            history.add(node);
            events.add(new RunEvent.NodeCompleted(node, iteration, Duration.ZERO, Map.of(node, String.valueOf(state.get(node)))));
        }
        events.add(new RunEvent.RunFinished(new RunResult(RunStatus.COMPLETED, thread, state, null, iteration,
                Duration.ZERO, history, null, List.of())));
        return events;
    }

    @Override
    public RunResult resume(String threadId, Object response, RunConfig config) {
        throw new NoSuchThreadException(threadId, "No interrupted run " + threadId);
    }

    @Override
    public GraphView getGraph() {
        List<NodeView> views = new ArrayList<>();
        List<EdgeView> edges = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            views.add(new NodeView(nodes.get(i), nodes.get(i), "compute", Map.of()));
            edges.add(new EdgeView(nodes.get(i), i + 1 < nodes.size() ? nodes.get(i + 1) : GraphView.END, null,
                    EdgeView.Kind.NORMAL));
        }
        return new StaticGraphView(name, nodes.get(0), views, edges);
    }

    @Override
    public String toString() {
        return "TinyGraph " + name + nodes;
    }
}
