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

    /** The graph as it executes. */
    GraphView getGraph();
}
