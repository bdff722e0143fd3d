package dev.victor.workflow.engine.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor used when neither the run nor the engine options give one: daemon threads,
 * created on demand and dropped when idle. Unbounded on purpose: a parallel node waits for its
 * children, so a bounded pool could run out of threads with nested parallel nodes.
 */
final class SharedPool {
    private SharedPool() {
    }

    static Executor get() {
        return Holder.POOL;
    }

    private static final class Holder {
        static final ExecutorService POOL = create();

        private static ExecutorService create() {
            AtomicInteger count = new AtomicInteger();
            ThreadFactory factory = task -> {
                Thread thread = new Thread(task, "victor-workflow-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
            return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), factory);
        }
    }
}
