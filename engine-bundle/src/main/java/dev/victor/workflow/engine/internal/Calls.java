package dev.victor.workflow.engine.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls out of the engine (handlers, tools, the agent runtime, custom executors, builder
 * functions) under the run's remaining time budget and the node's own timeout. Without either
 * the call runs on the caller's thread; with one it runs on the run's executor while the
 * caller waits at most that long, and is cancelled (interrupted) when it overruns.
 */
final class Calls {
    private Calls() {
    }

    /** The deadline (System.nanoTime) for a node timeout, or 0 for none. */
    static long nodeDeadline(Duration timeout) {
        return timeout == null ? 0L : System.nanoTime() + timeout.toNanos();
    }

    /**
     * @param nodeDeadline the node's deadline from {@link #nodeDeadline}, or 0
     * @param timeout      the node's timeout, for the message
     * @param what         names the call in the message, such as {@code compute node 'x'}
     */
    static <T> T call(Scope scope, long nodeDeadline, Duration timeout, String what, Callable<T> body) throws Exception {
        Run run = scope.run;
        if (!run.timed && nodeDeadline == 0L) {
            return body.call();
        }
        boolean nodeLimit = nodeDeadline != 0L && (!run.timed || nodeDeadline - run.deadline < 0);
        long limit = nodeLimit ? nodeDeadline : run.deadline;
        long remaining = limit - System.nanoTime();
        if (remaining <= 0) {
            throw overrun(nodeLimit, timeout, what);
        }
        FutureTask<T> task = new FutureTask<>(body);
        run.executor.execute(task);
        try {
            return task.get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            task.cancel(true);
            throw overrun(nodeLimit, timeout, what);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw failed;
        } catch (InterruptedException interrupted) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw RunStop.cancelled();
        } catch (CancellationException cancelled) {
            throw RunStop.cancelled();
        }
    }

    private static Exception overrun(boolean nodeLimit, Duration timeout, String what) {
        if (nodeLimit) {
            return new NodeFailure(what + " timed out after " + Exec.human(timeout), "timeout", null, true);
        }
        return RunStop.timedOut();
    }
}
