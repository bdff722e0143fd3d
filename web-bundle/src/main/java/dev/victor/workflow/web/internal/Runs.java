package dev.victor.workflow.web.internal;

import dev.victor.workflow.engine.DryRunServices;
import dev.victor.workflow.api.RunError;
import dev.victor.workflow.api.RunEvent;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The runs the API started or resumed: at most {@code max.running.runs} executing at once (each
 * on a thread of its own), the last {@code remembered.runs} finished ones kept for look-ups.
 * Thread-safe.
 */
final class Runs implements AutoCloseable {

    private final Settings settings;
    private final Semaphore running;
    private final ExecutorService executor;
    private final Consumer<Throwable> log;
    private final Map<String, RunRecord> records = new LinkedHashMap<>();

    Runs(Settings settings, Consumer<Throwable> log) {
        this.settings = settings;
        this.running = new Semaphore(settings.maxRunningRuns());
        this.log = log;
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "victor-web-run-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The events of a run, started on a thread of its own; the stream is created there. */
    interface EventSource {
        Stream<RunEvent> open();
    }

    /** A run's result, computed on the caller's thread (a resume). */
    interface ResultSource {
        RunResult run();
    }

    /**
     * Starts a run whose events come from {@code source}.
     *
     * @throws ApiException 429 when {@code max.running.runs} are executing
     */
    RunRecord start(String threadId, DryRunServices dryRun, EventSource source) {
        acquire();
        RunRecord record;
        try {
            record = remember(threadId, dryRun);
        } catch (RuntimeException e) {
            running.release();
            throw e;
        }
        try {
            executor.execute(() -> {
                record.runner(Thread.currentThread());
                try (Stream<RunEvent> events = source.open()) {
                    for (Iterator<RunEvent> it = events.iterator(); it.hasNext(); ) {
                        record.add(it.next());
                    }
                } catch (RuntimeException | Error e) {
                    log.accept(e);
                    record.add(new RunEvent.RunFinished(failure(threadId, e)));
                } finally {
                    if (!record.finished()) {
                        record.add(new RunEvent.RunFinished(failure(threadId, new IllegalStateException(
                                "the run's events ended without a finish event"))));
                    }
                    Thread.interrupted();
                    running.release();
                }
            });
        } catch (RejectedExecutionException e) {
            running.release();
            throw new ApiException(503, "Service unavailable", "The web API is stopping");
        }
        return record;
    }

    /**
     * Resumes a run on the caller's thread and returns its record once it ended; the work's own
     * exceptions (no such thread, a compile failure) reach the caller.
     */
    RunRecord resume(String threadId, ResultSource source) {
        acquire();
        try {
            RunRecord record = remember(threadId, null);
            record.runner(Thread.currentThread());
            RunResult result;
            try {
                result = source.run();
            } catch (RuntimeException e) {
                forget(threadId, record);
                throw e;
            } finally {
                record.runner(null);
                Thread.interrupted();
            }
            record.add(new RunEvent.RunFinished(result));
            return record;
        } finally {
            running.release();
        }
    }

    /** Remembers a run that ended without executing here (a waiting run cancelled). */
    RunRecord ended(String threadId, RunResult result) {
        RunRecord record;
        synchronized (records) {
            record = remember(threadId, null);
        }
        record.add(new RunEvent.RunFinished(result));
        return record;
    }

    Optional<RunRecord> get(String threadId) {
        synchronized (records) {
            return Optional.ofNullable(records.get(threadId));
        }
    }

    private void acquire() {
        if (!running.tryAcquire()) {
            throw ApiException.tooMany(settings.maxRunningRuns() + " runs are executing already (max.running.runs)");
        }
    }

    private RunRecord remember(String threadId, DryRunServices dryRun) {
        synchronized (records) {
            RunRecord before = records.get(threadId);
            if (before != null && !before.finished()) {
                throw ApiException.conflict("Thread " + threadId + " is running now");
            }
            RunRecord record = new RunRecord(threadId, dryRun, settings.maxEventsPerRun());
            records.remove(threadId);
            records.put(threadId, record);
            if (records.size() > settings.rememberedRuns()) {
                List<String> old = new ArrayList<>();
                int excess = records.size() - settings.rememberedRuns();
                for (Map.Entry<String, RunRecord> entry : records.entrySet()) {
                    if (old.size() >= excess) {
                        break;
                    }
                    if (entry.getValue().finished()) {
                        old.add(entry.getKey());
                    }
                }
                old.forEach(records::remove);
            }
            return record;
        }
    }

    private void forget(String threadId, RunRecord record) {
        synchronized (records) {
            records.remove(threadId, record);
        }
    }

    private static RunResult failure(String threadId, Throwable e) {
        String message = "the run stopped on an internal error: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse(""));
        return new RunResult(RunStatus.FAILED, threadId, Map.of(), new RunError(null, message, "internal", null),
                0, Duration.ZERO, List.of(), null, List.of());
    }

    /** Cancels every run still executing. */
    @Override
    public void close() {
        synchronized (records) {
            records.values().forEach(RunRecord::cancel);
        }
        executor.shutdownNow();
    }
}
