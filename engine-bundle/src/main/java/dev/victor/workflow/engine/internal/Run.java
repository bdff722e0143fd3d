package dev.victor.workflow.engine.internal;

import dev.victor.workflow.api.HitlSignal;
import dev.victor.workflow.api.Interrupt;
import dev.victor.workflow.api.NodeHistory;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunError;
import dev.victor.workflow.api.RunEvent;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.spi.Checkpoint;
import dev.victor.workflow.spi.CheckpointStatus;
import dev.victor.workflow.spi.CheckpointStore;
import dev.victor.workflow.spi.NodeServices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * One run of a compiled graph, as a step machine: each {@link #step()} runs at most one node
 * (a parallel node with its children). {@code invoke} steps to the end on the caller's thread; a
 * stream pulls steps as its consumer asks for events. Not thread-safe, except {@link #cancel()}.
 */
public final class Run {
    private enum Phase { NEW, RUNNING, DONE }


    final EngineGraph graph;
    final NodeServices services;
    final String threadId;
    private final boolean threadGiven;
    final Executor executor;
    final Clock clock;
    private final RunConfig config;
    /** The run's {@code max_iterations} and what it counts. */
    private final IterationBudget iterationBudget;
    final int maxRetries;
    /** The dry run's steering: condition node id to the branch it takes. */
    final Map<String, String> branches;
    /** How often each condition took a dry-run choice in this stretch of the run. */
    private Map<String, Integer> dryRunVisits;
    private final Duration timeout;
    /** Whether the run has a time budget; {@link #deadline} is its end in System.nanoTime(). */
    boolean timed;
    long deadline;

    private final LinkedHashMap<String, Object> state;
    /** What the state holds, refused past its size limit. */
    private final StateBudget budget = new StateBudget();
    private final Map<String, Object> view;
    private final NodeHistory.Recorder history;
    private int iterations;
    private int current;
    private List<String> warnings;
    /** Events not yet pulled; {@code null} when nobody listens (invoke). */
    private final ArrayDeque<RunEvent> events;
    private LinkedHashMap<String, Object> stepWrites;
    private int childIteration;
    /** A stream has handed out the NodeStarted of the current node, which has not run yet. */
    private boolean announced;
    /** The tokens agent runtimes reported, and a streamed run's live events. */
    final AgentReports reports;
    /** A streamed run's node running off the stream's thread, or {@code null}. */
    private LiveNode live;

    volatile boolean cancelled;
    private Thread runner;
    private long startNanos;
    private Phase phase = Phase.NEW;
    private RunResult result;

    private final boolean resumed;
    private boolean awaitingResponse;
    private Object response;
    private Interrupt pending;

    private final MainScope scope = new MainScope();

    /**
     * The environment of the run's conditions and transforms outside dry runs: the services'
     * functions, nobody listening to what is read (a dry run gives each evaluation a
     * {@link Functions} of its own instead, to learn what it read). Stateless, so parallel
     * children share it.
     */
    final dev.victor.workflow.expr.ExpressionEnvironment functions;
    /** The guard of an evaluation without a node timeout: the run's own time budget and cancellation. */
    final dev.victor.workflow.expr.EvaluationGuard stillRunning = this::checkStillRunning;

    private Run(EngineGraph graph, RunConfig config, LinkedHashMap<String, Object> state, String threadId,
                boolean streaming, boolean resumed) {
        this.graph = graph;
        this.config = config;
        this.services = config.services() != null ? config.services() : graph.options.services();
        NodeServices lookup = this.services;
        this.functions = lookup::function;
        this.threadGiven = threadId != null;
        this.threadId = threadId != null ? threadId : ThreadIds.next();
        this.executor = config.executor() != null ? config.executor() : graph.executor();
        this.clock = graph.options.clock();
        this.iterationBudget = new IterationBudget(graph, config);
        this.maxRetries = graph.maxRetries;
        this.branches = config.branches();
        this.timeout = config.timeout() != null ? config.timeout() : graph.timeout;
        this.state = state;
        for (Map.Entry<String, Object> entry : state.entrySet()) {
            budget.add(entry.getKey(), entry.getValue());
        }
        this.view = Collections.unmodifiableMap(state);
        this.history = new NodeHistory.Recorder();
        this.events = streaming ? new ArrayDeque<>() : null;
        this.reports = new AgentReports(streaming);
        this.resumed = resumed;
        this.current = graph.entry;
    }

    /** A new run from the caller's state (copied once, values frozen). */
    public static Run fresh(EngineGraph graph, Map<String, ?> input, RunConfig config, boolean streaming) {
        LinkedHashMap<String, Object> state = new LinkedHashMap<>(input == null ? 16 : Math.max(16, input.size() * 2));
        if (input != null) {
            for (Map.Entry<String, ?> entry : input.entrySet()) {
                state.put(entry.getKey(), Frozen.freeze(entry.getValue()));
            }
        }
        return new Run(graph, config, state, config.threadId(), streaming, false);
    }

    /** The continuation of an interrupted run at its human-in-the-loop node. */
    public static Run resumed(EngineGraph graph, Checkpoint checkpoint, int node, Object response, RunConfig config) {
        LinkedHashMap<String, Object> state = new LinkedHashMap<>(Math.max(16, checkpoint.state().size() * 2));
        for (Map.Entry<String, Object> entry : checkpoint.state().entrySet()) {
            state.put(entry.getKey(), Frozen.freeze(entry.getValue()));
        }
        RunConfig continued = config.origin() == null && checkpoint.origin() != null
                ? config.origin(checkpoint.origin()) : config;
        Run run = new Run(graph, continued, state, checkpoint.threadId(), false, true);
        run.iterations = checkpoint.iterations();
        run.history.addAll(checkpoint.history());
        run.current = node;
        run.awaitingResponse = true;
        run.response = response;
        run.pending = checkpoint.pending();
        return run;
    }

    /**
     * A new thread started at a checkpoint of another one (a fork): it runs from the checkpoint's
     * node with the given state, so at a human-in-the-loop node it pauses there again.
     */
    public static Run forked(EngineGraph graph, Checkpoint from, int node, Map<String, Object> state, RunConfig config) {
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>(Math.max(16, state.size() * 2));
        for (Map.Entry<String, Object> entry : state.entrySet()) {
            copy.put(entry.getKey(), Frozen.freeze(entry.getValue()));
        }
        RunConfig continued = config.origin() == null && from.origin() != null ? config.origin(from.origin()) : config;
        Run run = new Run(graph, continued, copy, config.threadId(), false, true);
        run.iterations = from.iterations();
        run.history.addAll(from.history());
        run.current = node;
        return run;
    }

    /** The number of earlier dry-run choices at this condition in this run (0 the first time). */
    int dryRunVisit(String nodeId) {
        if (dryRunVisits == null) {
            dryRunVisits = new java.util.HashMap<>();
        }
        return dryRunVisits.merge(nodeId, 1, Integer::sum) - 1;
    }

    /** Runs every remaining step on this thread. */
    public RunResult runToEnd() {
        while (step()) {
            // each step runs one node
        }
        return result;
    }

    /** Runs to the end on this thread, which {@link #cancel()} may interrupt. */
    public RunResult runToEndCancellable() {
        synchronized (this) {
            runner = Thread.currentThread();
        }
        try {
            return runToEnd();
        } finally {
            synchronized (this) {
                runner = null;
            }
            Thread.interrupted();
        }
    }

    /** Cancels the run from any thread: no further node starts, a running call is interrupted. */
    public void cancel() {
        cancelled = true;
        synchronized (this) {
            if (runner != null) {
                runner.interrupt();
            }
        }
    }

    /** A stream was closed: ends the run as cancelled unless it has ended already. */
    public void close() {
        if (phase != Phase.DONE) {
            cancelled = true;
            if (live != null) {
                live.cancelAndWait();
                live = null;
                reports.offload(false);
            }
            stopCancelled(null);
        }
    }

    public boolean isDone() {
        return phase == Phase.DONE;
    }

    /** The next event a stream should hand out, or {@code null} when none is waiting. */
    public RunEvent pollEvent() {
        return events.poll();
    }

    public RunResult result() {
        return result;
    }

    /**
     * Runs one step: starts the run, runs one node, or finishes.
     *
     * @return false when the run has ended
     */
    public boolean step() {
        if (phase != Phase.RUNNING) {
            if (phase == Phase.DONE) {
                return false;
            }
            start();
            if (events != null) {
                return true;
            }
        }
        if (live != null) {
            return awaitLive();
        }
        if (current == Node.END) {
            finish(RunStatus.COMPLETED, null, null);
            return false;
        }
        Node node = graph.nodes[current];
        if (cancelled || Thread.currentThread().isInterrupted()) {
            stopCancelled(node);
            return false;
        }
        if (timed && System.nanoTime() - deadline >= 0) {
            stopTimedOut(node, false);
            return false;
        }
        if (iterationBudget.exceededBy(iterations, node)) {
            stopLimit(node);
            return false;
        }
        if (node.hitl != null) {
            return hitl(node);
        }
        if (events != null && !announced) {
            // a stream hands out NodeStarted before the node runs: the next pull runs it
            events.add(new RunEvent.NodeStarted(node.id, node.type, iterations + 1));
            announced = true;
            return true;
        }
        return execute(node);
    }

    private void start() {
        phase = Phase.RUNNING;
        startNanos = System.nanoTime();
        if (timeout != null) {
            timed = true;
            deadline = startNanos + timeout.toNanos();
        }
        if (events != null) {
            events.add(new RunEvent.RunStarted(threadId, graph.name, current >= 0 ? graph.nodes[current].id : null,
                    resumed));
        }
    }

    private boolean execute(Node node) {
        int iteration = iterations + 1;
        long began = 0L;
        if (events != null) {
            began = System.nanoTime();
            announced = false;
            stepWrites = new LinkedHashMap<>();
            childIteration = iteration;
        }
        if (events != null && LiveNode.worthIt(node, graph.nodes, services)) {
            reports.offload(true);
            live = LiveNode.start(this, node, iteration, began, () -> runNode(node), reports.live());
            return awaitLive();
        }
        return settle(node, iteration, began, null);
    }

    /** Runs the node's body and route: the index of the next node. */
    private int runNode(Node node) throws Exception {
        if (node.body != null) {
            Exec.runBody(node, scope);
        }
        return node.route == null ? node.next : node.route.next(scope);
    }

    /** Hands out the next event of the live node, or settles the node once it has ended. */
    private boolean awaitLive() {
        RunEvent event;
        try {
            event = live.next();
        } catch (InterruptedException interrupted) {
            cancelled = true;
            live.cancelAndWait();
            Thread.currentThread().interrupt();
            event = null;
        }
        if (event != null) {
            events.add(event);
            return true;
        }
        LiveNode ended = live;
        live = null;
        reports.offload(false);
        return settle(ended.node, ended.iteration, ended.began, ended);
    }

    /** Runs the node here, or takes the outcome of the live node that ran it ({@code ended}), and records it. */
    private boolean settle(Node node, int iteration, long began, LiveNode ended) {
        int next;
        try {
            next = ended == null ? runNode(node) : ended.outcome();
        } catch (RunStop stop) {
            stopped(stop, node);
            return false;
        } catch (NodeFailure failure) {
            failed(node, iteration, failure);
            return false;
        } catch (Exception unexpected) {
            failed(node, iteration, Exec.wrap(node, unexpected));
            return false;
        } catch (VirtualMachineError error) {
            failed(node, iteration, Exec.outOfResources(node, error));
            return false;
        }
        completed(node, iteration, began, next);
        return true;
    }

    private void completed(Node node, int iteration, long began, int next) {
        iterations += iterationBudget.cost(node);
        history.add(node.id);
        if (events != null) {
            reports.drainTo(events);
            events.add(new RunEvent.NodeCompleted(node.id, iteration, Duration.ofNanos(System.nanoTime() - began),
                    stepWrites));
            stepWrites = null;
        }
        current = next;
    }

    // ---- human in the loop ----

    private boolean hitl(Node node) {
        HitlBody hitl = node.hitl;
        if (!awaitingResponse) {
            interruptAt(node, hitl.interrupt(view, clock));
            return false;
        }
        awaitingResponse = false;
        Object answer = response;
        Instant due = pending == null ? null : pending.deadline();
        boolean expired = answer == HitlSignal.EXPIRED || (due != null && clock.instant().isAfter(due));
        boolean write = true;
        if (expired) {
            switch (hitl.fallback) {
                case RETRY:
                    interruptAt(node, hitl.interrupt(view, clock));
                    return false;
                case CONTINUE:
                    answer = hitl.defaultValue;
                    break;
                case SKIP:
                    write = false;
                    break;
                case ABORT:
                default:
                    failed(node, iterations + 1, NodeFailure.permanent(node.describe() + ": no response before the deadline"
                            + (due != null ? " (" + due + ")" : ""), "expired"));
                    return false;
            }
        } else if (hitl.fallback == dev.victor.workflow.model.HitlFallback.ABORT && hitl.asksYesNo()
                && HitlBody.isRejection(answer)) {
            failed(node, iterations + 1, NodeFailure.permanent(node.describe() + " rejected by reviewer: "
                    + HitlBody.reason(answer), "rejected"));
            return false;
        }
        int iteration = iterations + 1;
        long began = 0L;
        if (events != null) {
            began = System.nanoTime();
            events.add(new RunEvent.NodeStarted(node.id, node.type, iteration));
            stepWrites = new LinkedHashMap<>();
        }
        if (write) {
            Object frozen = Frozen.freeze(answer);
            if (frozen instanceof Map<?, ?> entries) {
                for (Map.Entry<?, ?> entry : entries.entrySet()) {
                    scope.write(String.valueOf(entry.getKey()), entry.getValue());
                }
            }
            scope.write(HitlBody.RESPONSE_KEY, frozen);
            scope.write(hitl.output, frozen);
        }
        completed(node, iteration, began, node.next);
        return true;
    }

    private void interruptAt(Node node, Interrupt question) {
        Interrupt interrupt = question.withId(ThreadIds.next());
        Checkpoint checkpoint = new Checkpoint(threadId, graph.name, node.id, new LinkedHashMap<>(state), interrupt,
                iterations, history.history(), clock.instant(), config.origin(), 0, CheckpointStatus.WAITING,
                graph.fingerprint(), graph.compiler(), null);
        try {
            store().save(checkpoint);
        } catch (RuntimeException failed) {
            failed(node, iterations + 1, new NodeFailure(node.describe() + ": could not save the checkpoint of thread '"
                    + threadId + "': " + Exec.describe(failed), failed.getClass().getName(), failed, false));
            return;
        }
        if (events != null) {
            events.add(new RunEvent.Interrupted(interrupt));
        }
        finish(RunStatus.INTERRUPTED, null, interrupt);
    }

    CheckpointStore store() {
        return store(graph, config);
    }

    /** Where a run with this config keeps its checkpoints: the config's store, the services', the graph's. */
    static CheckpointStore store(EngineGraph graph, RunConfig config) {
        if (config.checkpointStore() != null) {
            return config.checkpointStore();
        }
        NodeServices services = config.services() != null ? config.services() : graph.options.services();
        return services.checkpointStore().orElseGet(graph::defaultStore);
    }

    // ---- endings ----

    private void failed(Node node, int iteration, NodeFailure failure) {
        // the node ran (and failed): it counts, as the iteration its events carry says
        iterations = Math.max(iterations, iteration);
        if (events != null) {
            reports.drainTo(events);
            events.add(new RunEvent.NodeFailed(node.id, iteration, failure.getMessage(), false));
        }
        finish(RunStatus.FAILED, new RunError(node.id, failure.getMessage(), failure.kind(), failure.getCause()), null);
    }

    private void stopped(RunStop stop, Node node) {
        if (stop.reason() == RunStop.Reason.TIMED_OUT) {
            stopTimedOut(node, true);
        } else {
            stopCancelled(node);
        }
    }

    private void stopTimedOut(Node node, boolean running) {
        String where = running ? "while node '" + node.id + "' was running" : "before node '" + node.id + "'";
        finish(RunStatus.TIMED_OUT, new RunError(node.id, "workflow '" + graph.name + "' timed out after "
                + Exec.human(timeout) + " " + where, "timeout", null), null);
    }

    private void stopCancelled(Node node) {
        String message = node == null ? "the run was cancelled" : "the run was cancelled at node '" + node.id + "'";
        finish(RunStatus.CANCELLED, new RunError(node == null ? null : node.id, message, "cancelled", null), null);
    }

    private void stopLimit(Node node) {
        finish(RunStatus.LIMIT_EXCEEDED, new RunError(node.id, iterationBudget.exceeded(iterations, node, history.history()),
                "limit", null), null);
    }

    private void finish(RunStatus status, RunError error, Interrupt interrupt) {
        Duration duration = phase == Phase.NEW ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - startNanos);
        phase = Phase.DONE;
        if (status != RunStatus.INTERRUPTED && threadGiven) {
            try {
                store().finish(new Checkpoint(threadId, graph.name, error == null ? null : error.nodeId(), state, null,
                        iterations, history.history(), clock.instant(), config.origin(), 0,
                        CheckpointStatus.of(status),
                        graph.fingerprint(), graph.compiler(), null));
            } catch (RuntimeException failed) {
                addWarning("could not record the end of thread '" + threadId + "': " + Exec.describe(failed));
            }
        }
        result = new RunResult(status, threadId, view, error, iterations, duration, history.history(), interrupt,
                warnings, reports.usage());
        if (events != null) {
            reports.drainTo(events);
            events.add(new RunEvent.RunFinished(result));
        }
    }

    /** Adds a warning to the run's result (a migration, a fork). */
    void warn(String message) {
        addWarning(message);
    }

    private void addWarning(String message) {
        if (warnings == null) {
            warnings = new ArrayList<>(2);
        }
        warnings.add(message);
    }

    /** Throws when the run must not go on (cancelled, interrupted or out of time). */
    void checkStillRunning() {
        if (cancelled || Thread.currentThread().isInterrupted()) {
            throw RunStop.cancelled();
        }
        if (timed && System.nanoTime() - deadline >= 0) {
            throw RunStop.timedOut();
        }
    }

    /** The run's own scope: reads and writes the run's state. */
    private final class MainScope extends Scope {
        MainScope() {
            super(Run.this);
        }

        @Override
        public Map<String, Object> view() {
            return view;
        }

        @Override
        Map<String, Object> snapshot() {
            return Collections.unmodifiableMap(new LinkedHashMap<>(state));
        }

        @Override
        public void write(String key, Object value) {
            Object frozen = Frozen.freeze(value);
            budget.put(state, key, frozen);
            if (stepWrites != null) {
                stepWrites.put(key, frozen);
            }
        }

        @Override
        public void warn(String nodeId, String message) {
            addWarning(message);
            if (events != null) {
                reports.emit(events, new RunEvent.RunWarning(nodeId, message));
            }
        }

        @Override
        void retrying(Node node, String message) {
            if (events != null) {
                reports.emit(events, new RunEvent.NodeFailed(node.id, iterations + 1, message, true));
            }
        }

        @Override
        void childrenCompleted(List<ChildOutcome> outcomes) {
            for (ChildOutcome outcome : outcomes) {
                childrenCompleted(outcome.nested());
                history.add(outcome.node().id);
                if (events != null) {
                    childIteration++;
                    reports.emit(events, new RunEvent.NodeCompleted(outcome.node().id, childIteration,
                            Duration.ofNanos(outcome.nanos()), outcome.writes()));
                }
            }
        }
    }
}
