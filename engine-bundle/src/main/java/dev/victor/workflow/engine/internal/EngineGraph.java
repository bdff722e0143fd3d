package dev.victor.workflow.engine.internal;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.GraphView;
import dev.victor.workflow.api.HitlSignal;
import dev.victor.workflow.api.NoSuchThreadException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunEvent;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.engine.EngineOptions;
import dev.victor.workflow.engine.InMemoryCheckpointStore;
import dev.victor.workflow.spi.Checkpoint;
import dev.victor.workflow.spi.CheckpointStore;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The compiled graph: immutable, shared by every run. Each run gets its own {@link Run}.
 */
public final class EngineGraph implements CompiledGraph {
    final String name;
    private final List<Problem> warnings;
    private final java.util.Set<String> resuming = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final Node[] nodes;
    final int entry;
    private final Map<String, Integer> index;
    final Integer maxIterations;
    final Duration timeout;
    final int maxRetries;
    final EngineOptions options;
    private final CheckpointStore defaultStore;
    private final GraphView view;

    EngineGraph(String name, List<Problem> warnings, Node[] nodes, int entry, Map<String, Integer> index,
                Integer maxIterations, Duration timeout, int maxRetries, EngineOptions options, GraphView view) {
        this.name = name;
        this.warnings = List.copyOf(warnings);
        this.nodes = nodes;
        this.entry = entry;
        this.index = Map.copyOf(index);
        this.maxIterations = maxIterations;
        this.timeout = timeout;
        this.maxRetries = maxRetries;
        this.options = options;
        this.defaultStore = options.defaultStore() != null ? options.defaultStore() : new InMemoryCheckpointStore();
        this.view = view;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Problem> warnings() {
        return warnings;
    }

    Executor executor() {
        return options.executor();
    }

    CheckpointStore defaultStore() {
        return defaultStore;
    }

    private static RunConfig orDefaults(RunConfig config) {
        return config == null ? RunConfig.defaults() : config;
    }

    @Override
    public RunResult invoke(Map<String, Object> state, RunConfig config) {
        return Run.fresh(this, state, orDefaults(config), false).runToEnd();
    }

    @Override
    public CompletionStage<RunResult> invokeAsync(Map<String, Object> state, RunConfig config) {
        Run run = Run.fresh(this, state, orDefaults(config), false);
        RunFuture future = new RunFuture(run);
        try {
            run.executor.execute(() -> {
                try {
                    future.complete(run.runToEndCancellable());
                } catch (Throwable unexpected) {
                    future.completeExceptionally(unexpected);
                }
            });
        } catch (RejectedExecutionException rejected) {
            future.completeExceptionally(rejected);
        }
        return future;
    }

    @Override
    public Stream<RunEvent> stream(Map<String, Object> state, RunConfig config) {
        Run run = Run.fresh(this, state, orDefaults(config), true);
        return StreamSupport.stream(new RunSpliterator(run), false).onClose(run::close);
    }

    /**
     * Resumes the thread. The checkpoint stays in the store while the resumed run goes on: the
     * run's end deletes it and a new interrupt replaces it, so a process that dies in between
     * leaves the thread resumable (the answer is lost, the run is not). Two resumes of one thread
     * through this graph at once are refused.
     */
    @Override
    public RunResult resume(String threadId, Object response, RunConfig config) {
        Objects.requireNonNull(threadId, "threadId");
        if (!resuming.add(threadId)) {
            throw new NoSuchThreadException(threadId, "thread '" + threadId + "' is being resumed already");
        }
        try {
            return prepareResume(threadId, response, config).runToEnd();
        } finally {
            resuming.remove(threadId);
        }
    }

    private Run prepareResume(String threadId, Object response, RunConfig config) {
        Objects.requireNonNull(threadId, "threadId");
        RunConfig resumeConfig = orDefaults(config).threadId(threadId);
        CheckpointStore store = Run.store(this, resumeConfig);
        Checkpoint checkpoint = store.load(threadId).orElseThrow(() -> new NoSuchThreadException(threadId,
                "no interrupted run of workflow '" + name + "' for thread '" + threadId + "'"));
        if (checkpoint.pending() == null) {
            throw new NoSuchThreadException(threadId, "thread '" + threadId + "' is not waiting for a response");
        }
        if (checkpoint.workflow() != null && !checkpoint.workflow().equals(name)) {
            throw new NoSuchThreadException(threadId, "thread '" + threadId + "' is a run of workflow '"
                    + checkpoint.workflow() + "', not of '" + name + "'");
        }
        Integer node = checkpoint.nextNode() == null ? null : index.get(checkpoint.nextNode());
        if (node == null || nodes[node].hitl == null) {
            throw new NoSuchThreadException(threadId, "thread '" + threadId + "' waits at node '"
                    + checkpoint.nextNode() + "', which is not a human-in-the-loop node of workflow '" + name + "'");
        }
        if (response != HitlSignal.EXPIRED && !expired(checkpoint)) {
            nodes[node].hitl.checkAnswer(threadId, response);
        }
        return Run.resumed(this, checkpoint, node, response, resumeConfig);
    }

    /** Past its deadline the node's fallback applies, whatever the answer. */
    private boolean expired(Checkpoint checkpoint) {
        Instant due = checkpoint.pending().deadline();
        return due != null && options.clock().instant().isAfter(due);
    }

    @Override
    public GraphView getGraph() {
        return view;
    }

    @Override
    public String toString() {
        return "CompiledGraph[" + name + ", " + nodes.length + " nodes]";
    }
}
