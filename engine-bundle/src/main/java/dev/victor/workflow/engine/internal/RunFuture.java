package dev.victor.workflow.engine.internal;

import dev.victor.workflow.api.RunResult;

import java.util.concurrent.CompletableFuture;

/** The future of an asynchronous run; cancelling it cancels the run. */
final class RunFuture extends CompletableFuture<RunResult> {
    private final Run run;

    RunFuture(Run run) {
        this.run = run;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        run.cancel();
        return cancelled;
    }
}
