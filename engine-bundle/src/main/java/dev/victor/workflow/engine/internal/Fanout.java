package dev.victor.workflow.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs branches concurrently on an executor and waits for them: all of them, all unless one
 * fails, or the first that succeeds. Branches still running when the wait ends are cancelled
 * (interrupted). A branch that stops the run ({@link RunStop}) ends the wait at once.
 */
final class Fanout {
    enum Mode { ALL, ALL_FAIL_FAST, FIRST_SUCCESS }

    static final class Result<R> {
        final List<R> values;
        final Throwable[] errors;
        final boolean[] done;
        int winner = -1;
        boolean timedOut;
        RunStop stop;

        Result(int size) {
            values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(null);
            }
            errors = new Throwable[size];
            done = new boolean[size];
        }

        List<Integer> unfinished() {
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < done.length; i++) {
                if (!done[i]) {
                    open.add(i);
                }
            }
            return open;
        }
    }

    private Fanout() {
    }

    /**
     * @param deadline System.nanoTime() deadline for the wait, or 0 for none
     * @throws InterruptedException when the waiting thread is interrupted (the branches are cancelled)
     */
    static <R> Result<R> run(Executor executor, List<? extends Callable<R>> calls, Mode mode, long deadline)
            throws InterruptedException {
        int size = calls.size();
        Result<R> result = new Result<>(size);
        LinkedBlockingQueue<Integer> finished = new LinkedBlockingQueue<>();
        List<FutureTask<R>> tasks = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int position = i;
            tasks.add(new FutureTask<>(calls.get(i)) {
                @Override
                protected void done() {
                    finished.add(position);
                }
            });
        }
        try {
            for (FutureTask<R> task : tasks) {
                try {
                    executor.execute(task);
                } catch (RejectedExecutionException rejected) {
                    task.cancel(false);
                }
            }
            int open = size;
            while (open > 0) {
                Integer position;
                if (deadline == 0L) {
                    position = finished.take();
                } else {
                    long left = deadline - System.nanoTime();
                    position = left <= 0 ? finished.poll() : finished.poll(left, TimeUnit.NANOSECONDS);
                    if (position == null) {
                        result.timedOut = true;
                        break;
                    }
                }
                open--;
                result.done[position] = true;
                try {
                    result.values.set(position, tasks.get(position).get());
                    if (mode == Mode.FIRST_SUCCESS) {
                        result.winner = position;
                        break;
                    }
                } catch (ExecutionException failed) {
                    Throwable cause = failed.getCause();
                    result.errors[position] = cause;
                    if (cause instanceof RunStop stop) {
                        result.stop = stop;
                        break;
                    }
                    if (mode == Mode.ALL_FAIL_FAST) {
                        break;
                    }
                } catch (CancellationException cancelled) {
                    result.errors[position] = new RejectedExecutionException("the executor refused the branch");
                    if (mode == Mode.ALL_FAIL_FAST) {
                        break;
                    }
                }
            }
        } finally {
            for (FutureTask<R> task : tasks) {
                if (!task.isDone()) {
                    task.cancel(true);
                }
            }
        }
        return result;
    }
}
