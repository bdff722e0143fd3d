package dev.victor.workflow.engine.internal;

import dev.victor.workflow.api.RunEvent;

import java.util.Spliterator;
import java.util.function.Consumer;

/** Pulls a run's steps on the consumer's thread, one event at a time. */
final class RunSpliterator implements Spliterator<RunEvent> {
    private final Run run;

    RunSpliterator(Run run) {
        this.run = run;
    }

    @Override
    public boolean tryAdvance(Consumer<? super RunEvent> action) {
        RunEvent event;
        while ((event = run.pollEvent()) == null) {
            if (run.isDone()) {
                return false;
            }
            run.step();
        }
        action.accept(event);
        return true;
    }

    @Override
    public Spliterator<RunEvent> trySplit() {
        return null;
    }

    @Override
    public long estimateSize() {
        return Long.MAX_VALUE;
    }

    @Override
    public int characteristics() {
        return ORDERED | NONNULL;
    }
}
