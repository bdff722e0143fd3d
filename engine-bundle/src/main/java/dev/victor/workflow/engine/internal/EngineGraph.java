package dev.victor.workflow.engine.internal;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.GraphView;
import dev.victor.workflow.api.HitlSignal;
import dev.victor.workflow.api.IterationCounting;
import dev.victor.workflow.api.NoSuchThreadException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunEvent;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.ResumeOptions;
import dev.victor.workflow.api.WorkflowException;
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
    final Node[] nodes;
    final int entry;
    private final Map<String, Integer> index;
    final Integer maxIterations;
    final IterationCounting iterationCounting;
    final Duration timeout;
    final int maxRetries;
    final EngineOptions options;
    private final CheckpointStore defaultStore;
    private final GraphView view;
    private final String fingerprint;

    EngineGraph(String name, List<Problem> warnings, Node[] nodes, int entry, Map<String, Integer> index,
                Integer maxIterations, IterationCounting iterationCounting, Duration timeout, int maxRetries,
                EngineOptions options, GraphView view,
                String fingerprint) {
        this.name = name;
        this.warnings = List.copyOf(warnings);
        this.nodes = nodes;
        this.entry = entry;
        this.index = Map.copyOf(index);
        this.maxIterations = maxIterations;
        this.iterationCounting = iterationCounting;
        this.timeout = timeout;
        this.maxRetries = maxRetries;
        this.options = options;
        this.defaultStore = options.defaultStore() != null ? options.defaultStore() : new InMemoryCheckpointStore();
        this.view = view;
        this.fingerprint = fingerprint;
    }

    /** Whether a node of this graph runs children (its weight counts them). */
    boolean hasParallelNodes() {
        for (Node node : nodes) {
            if (node.weight > 1) {
                return true;
            }
        }
        return false;
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

    @Override
    public RunResult resume(String threadId, Object response, RunConfig config) {
        return resume(threadId, response, config, ResumeOptions.none());
    }

    /**
     * Resumes the thread, exactly once: the store's {@link CheckpointStore#claim} of the pending
     * pause decides which of several resumes (in any process sharing the store) continues. The
     * claim records the answer, so a process that dies while the resumed run goes on loses nothing
     * and runs nothing twice; the run's end, or its next pause, replaces the claimed checkpoint.
     */
    @Override
    public RunResult resume(String threadId, Object response, RunConfig config, ResumeOptions options) {
        Objects.requireNonNull(threadId, "threadId");
        ResumeOptions checks = options == null ? ResumeOptions.none() : options;
        RunConfig resumeConfig = orDefaults(config).threadId(threadId);
        CheckpointStore store = Run.store(this, resumeConfig);
        Checkpoint checkpoint = store.load(threadId).orElseThrow(() -> ResumeChecks.noPause(threadId, name,
                checks.pauseId(), store.history(threadId)));
        ResumeChecks.pending(checkpoint, checks.pauseId());
        if (checkpoint.workflow() != null && !checkpoint.workflow().equals(name)) {
            throw new NoSuchThreadException(threadId, "thread '" + threadId + "' is a run of workflow '"
                    + checkpoint.workflow() + "', not of '" + name + "'");
        }
        String migration = ResumeChecks.definition(checkpoint, name, fingerprint, checks.migrate(),
                checkpoint.nextNode() != null && index.containsKey(checkpoint.nextNode()));
        Integer node = checkpoint.nextNode() == null ? null : index.get(checkpoint.nextNode());
        if (node == null || nodes[node].hitl == null) {
            throw new NoSuchThreadException(threadId, "thread '" + threadId + "' waits at node '"
                    + checkpoint.nextNode() + "', which is not a human-in-the-loop node of workflow '" + name + "'");
        }
        if (response != HitlSignal.EXPIRED && !expired(checkpoint)) {
            nodes[node].hitl.checkAnswer(threadId, response);
        }
        Object recorded = response == HitlSignal.EXPIRED ? "(expired: the deadline's fallback)" : response;
        if (!store.claim(threadId, checkpoint.pauseId(), recorded, this.options.clock().instant())) {
            throw ResumeChecks.lost(checkpoint);
        }
        Run run = Run.resumed(this, checkpoint, node, response, resumeConfig);
        if (migration != null) {
            run.warn(migration);
        }
        return run.runToEnd();
    }

    @Override
    public List<Checkpoint> history(String threadId, RunConfig config) {
        Objects.requireNonNull(threadId, "threadId");
        return Run.store(this, orDefaults(config)).history(threadId);
    }

    @Override
    public RunResult fork(String threadId, int step, Map<String, Object> patch, RunConfig config) {
        Objects.requireNonNull(threadId, "threadId");
        RunConfig forkConfig = orDefaults(config);
        CheckpointStore store = Run.store(this, forkConfig);
        Checkpoint from = store.checkpoint(threadId, step).orElseThrow(() -> new NoSuchThreadException(threadId,
                "thread '" + threadId + "' has no step " + step + ResumeChecks.steps(store.history(threadId))));
        Integer node = ResumeChecks.forkable(from, name, index);
        String newThread = forkConfig.threadId() != null ? forkConfig.threadId() : ThreadIds.next();
        if (newThread.equals(threadId) || store.load(newThread).isPresent() || !store.history(newThread).isEmpty()) {
            throw new WorkflowException("Cannot fork thread '" + threadId + "' into '" + newThread
                    + "': that thread has a checkpoint of its own; name a new thread");
        }
        java.util.LinkedHashMap<String, Object> state = new java.util.LinkedHashMap<>(from.state());
        if (patch != null) {
            for (Map.Entry<String, Object> entry : patch.entrySet()) {
                if (entry.getValue() == null) {
                    state.remove(entry.getKey());
                } else {
                    state.put(entry.getKey(), entry.getValue());
                }
            }
        }
        Run run = Run.forked(this, from, node, state, forkConfig.threadId(newThread));
        run.warn("forked from step " + step + " of thread '" + threadId + "'"
                + (patch == null || patch.isEmpty() ? "" : ", state changed at " + String.join(", ", patch.keySet())));
        String changed = ResumeChecks.changedSince(from, fingerprint);
        if (changed != null) {
            run.warn(changed);
        }
        return run.runToEnd();
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    /** The name and version of the compiler, recorded with every checkpoint. */
    String compiler() {
        return EngineVersion.NAME;
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
