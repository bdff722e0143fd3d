package dev.victor.workflow.api;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

/**
 * An executable workflow. Immutable and safe to invoke from many threads at once; each run
 * works on its own copy of the state it is given.
 */
@ProviderType
public interface CompiledGraph {

    /** The workflow's name. */
    String name();

    /** Warnings found while compiling (the errors stopped the compile). */
    List<Problem> warnings();

    /** Runs to the end, an interrupt, a failure or a limit. Never throws for a node's failure. */
    default RunResult invoke(Map<String, Object> state) {
        return invoke(state, RunConfig.defaults());
    }

    RunResult invoke(Map<String, Object> state, RunConfig config);

    default CompletionStage<RunResult> invokeAsync(Map<String, Object> state) {
        return invokeAsync(state, RunConfig.defaults());
    }

    /** Runs on the config's executor. Cancelling the returned future cancels the run. */
    CompletionStage<RunResult> invokeAsync(Map<String, Object> state, RunConfig config);

    default Stream<RunEvent> stream(Map<String, Object> state) {
        return stream(state, RunConfig.defaults());
    }

    /**
     * A lazy stream of the run's events. Nothing runs until the stream is consumed; the last
     * event is always a {@link RunEvent.RunFinished}; closing the stream early cancels the run.
     */
    Stream<RunEvent> stream(Map<String, Object> state, RunConfig config);

    default RunResult resume(String threadId, Object response) {
        return resume(threadId, response, RunConfig.withThreadId(threadId));
    }

    /**
     * Continues an interrupted run from its human-in-the-loop node with the human's response
     * ({@link HitlSignal#EXPIRED} applies the node's fallback).
     *
     * @throws NoSuchThreadException when the store has no interrupted run for that thread
     * @throws InvalidResponseException when the node does not accept the response; the thread
     *     keeps waiting, its checkpoint untouched
     */
    RunResult resume(String threadId, Object response, RunConfig config);

    /**
     * Continues an interrupted run as {@link #resume(String, Object, RunConfig)} does, exactly once:
     * of several resumes of one pause (in this process or in others sharing the checkpoint store),
     * and of a resume racing the deadline's fallback, one continues and the others are refused.
     *
     * @throws AlreadyResumedException when the pause was answered already, or the thread waits at
     *     another pause than {@link ResumeOptions#pauseId()}; nothing changed
     * @throws DefinitionChangedException when the workflow changed since the run paused and
     *     {@link ResumeOptions#migrate()} is off, or the paused node is gone
     */
    default RunResult resume(String threadId, Object response, RunConfig config, ResumeOptions options) {
        if (options != null && !options.equals(ResumeOptions.none())) {
            throw new UnsupportedOperationException(name() + " does not support resume options");
        }
        return resume(threadId, response, config);
    }

    /**
     * The thread's history in the config's checkpoint store (else the graph's), oldest first: each
     * pause, each answer and the end of the run, with step, node, state, time and status.
     */
    default java.util.List<dev.victor.workflow.spi.Checkpoint> history(String threadId, RunConfig config) {
        throw new UnsupportedOperationException(name() + " keeps no history");
    }

    /**
     * Starts a new thread from a pause in a thread's history (time travel): the new thread waits at
     * the same node with that step's state, changed by {@code patch} (keys set, a {@code null} value
     * removes the key), and the original thread is left as it was.
     *
     * @param step a {@code waiting} or {@code resumed} step of the thread's history
     * @param config the new thread's id ({@link RunConfig#threadId()}, else a generated one) and store
     * @return the new thread's result: {@link RunStatus#INTERRUPTED} with its pause
     */
    default RunResult fork(String threadId, int step, Map<String, Object> patch, RunConfig config) {
        throw new UnsupportedOperationException(name() + " cannot fork threads");
    }

    /**
     * A fingerprint of the definition this graph was compiled from, recorded with every checkpoint
     * of its runs; {@code null} when unknown (then resumes are not checked against it).
     */
    default String fingerprint() {
        return null;
    }

    /** The graph as it executes. */
    GraphView getGraph();
}
