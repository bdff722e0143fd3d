package dev.victor.workflow.engine;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's own threads, for the parallel branches, timed calls and asynchronous runs of the
 * graphs compiled with one {@link EngineOptions}: daemon threads, started on first use, ended
 * after {@value #IDLE_SECONDS} s idle, so a pool that is not used holds no thread. Unbounded on
 * purpose: a parallel node waits for its children, so a bounded pool could run out of threads
 * with nested parallel nodes. {@link #close()} shuts it down (the OSGi kernel component does
 * that when it deactivates); a run started after that is refused.
 */
public final class WorkflowThreads implements Executor, AutoCloseable {
    /** How long an idle thread lives. */
    public static final int IDLE_SECONDS = 30;

    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();
    private ExecutorService pool;
    private boolean closed;

    public WorkflowThreads() {
        this("victor-workflow");
    }

    /** @param prefix the start of the threads' names */
    public WorkflowThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void execute(Runnable task) {
        pool().execute(task);
    }

    private synchronized ExecutorService pool() {
        if (closed) {
            throw new RejectedExecutionException("The workflow engine's threads (" + prefix + ") are shut down");
        }
        if (pool == null) {
            pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(),
                    task -> {
                        Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
        }
        return pool;
    }

    /** Interrupts the running tasks and refuses new ones. */
    @Override
    public synchronized void close() {
        closed = true;
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "WorkflowThreads[" + prefix + (closed ? ", closed" : "") + "]";
    }
}
