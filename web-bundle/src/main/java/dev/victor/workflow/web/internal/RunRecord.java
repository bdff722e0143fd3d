package dev.victor.workflow.web.internal;

import dev.victor.workflow.engine.DryRunServices;
import dev.victor.workflow.api.RunEvent;
import dev.victor.workflow.api.RunResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run the API started or resumed: its events as they come (kept for event streams that join
 * late, at most {@code maxEvents}; the finish event is always kept), what it has done so far and,
 * once it ended, its result. Event streams wait on it. Thread-safe.
 */
final class RunRecord {

    private final String threadId;
    private final DryRunServices dryRun;
    private final int maxEvents;
    private final List<RunEvent> events = new ArrayList<>();
    private final List<String> history = new ArrayList<>();
    private int iterations;
    private int dropped;
    private RunResult result;
    private Thread runner;

    RunRecord(String threadId, DryRunServices dryRun, int maxEvents) {
        this.threadId = threadId;
        this.dryRun = dryRun;
        this.maxEvents = maxEvents;
    }

    String threadId() {
        return threadId;
    }

    DryRunServices dryRun() {
        return dryRun;
    }

    /** The thread executing the run (interrupting it cancels the run), or {@code null} when it ended. */
    synchronized void runner(Thread thread) {
        runner = thread;
    }

    synchronized void add(RunEvent event) {
        if (event instanceof RunEvent.NodeCompleted completed) {
            history.add(completed.nodeId());
            iterations = Math.max(iterations, completed.iteration());
        }
        if (events.size() < maxEvents || event.isTerminal()) {
            events.add(event);
        } else {
            dropped++;
        }
        if (event instanceof RunEvent.RunFinished finished) {
            result = finished.result();
            runner = null;
        }
        notifyAll();
    }

    synchronized boolean finished() {
        return result != null;
    }

    synchronized RunResult result() {
        return result;
    }

    /** Events not kept because the run had more than {@code max.events.per.run}. */
    synchronized int dropped() {
        return dropped;
    }

    /** Asks the run to stop: its next step ends it as CANCELLED. False when it has ended already. */
    synchronized boolean cancel() {
        if (result != null) {
            return false;
        }
        if (runner != null) {
            runner.interrupt();
        }
        return true;
    }

    /** Waits until the run ends, at most {@code millis}; true when it has. */
    synchronized boolean awaitEnd(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (result == null) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** The event at {@code index}, waiting at most {@code millis} for it; {@code null} when none came. */
    synchronized RunEvent awaitEvent(int index, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (index >= events.size()) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
        return events.get(index);
    }

    synchronized int eventCount() {
        return events.size();
    }

    /** The run's document: its result once it ended, else what it has done so far. */
    synchronized Map<String, Object> document() {
        if (result != null) {
            return Documents.result(result, dryRun == null ? null : dryRun.placeholders());
        }
        return Documents.running(threadId, iterations, List.copyOf(history));
    }
}
