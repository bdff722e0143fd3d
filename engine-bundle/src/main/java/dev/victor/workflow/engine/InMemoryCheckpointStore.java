package dev.victor.workflow.engine;

import dev.victor.workflow.engine.internal.Frozen;
import dev.victor.workflow.spi.Checkpoint;
import dev.victor.workflow.spi.CheckpointStatus;
import dev.victor.workflow.spi.CheckpointStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checkpoints in memory: each thread's current checkpoint (its pending or claimed pause) and its
 * whole history. Thread-safe; a claim is atomic (one per pause wins). It keeps its own deep,
 * read-only copy of each checkpoint's state, so neither the run that saved it nor a caller that
 * loads it can change what is stored. Checkpoints are lost with the object.
 */
public final class InMemoryCheckpointStore implements CheckpointStore {
    /** A thread: its current checkpoint ({@code null} once finished) and its history, oldest first. */
    private record Kept(Checkpoint current, List<Checkpoint> history) {
        int nextStep() {
            return history.isEmpty() ? 1 : history.get(history.size() - 1).step() + 1;
        }

        Kept append(Checkpoint newCurrent, Checkpoint entry) {
            List<Checkpoint> longer = new ArrayList<>(history.size() + 1);
            longer.addAll(history);
            longer.add(entry);
            return new Kept(newCurrent, List.copyOf(longer));
        }
    }

    private static final Kept NONE = new Kept(null, List.of());

    private final ConcurrentHashMap<String, Kept> threads = new ConcurrentHashMap<>();

    @Override
    public void save(Checkpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Checkpoint copy = frozen(checkpoint);
        threads.compute(checkpoint.threadId(), (id, thread) -> {
            Kept known = thread == null ? NONE : thread;
            Checkpoint numbered = copy.withStep(known.nextStep());
            return known.append(numbered, numbered);
        });
    }

    @Override
    public Optional<Checkpoint> load(String threadId) {
        Kept thread = threads.get(threadId);
        return thread == null ? Optional.empty() : Optional.ofNullable(thread.current());
    }

    /** Forgets the thread: its current checkpoint and its history. */
    @Override
    public boolean delete(String threadId) {
        Kept removed = threads.remove(threadId);
        return removed != null && removed.current() != null;
    }

    @Override
    public boolean claim(String threadId, String pauseId, Object response, Instant at) {
        boolean[] won = new boolean[1];
        Object answer = Frozen.freeze(response);
        threads.computeIfPresent(threadId, (id, thread) -> {
            Checkpoint current = thread.current();
            if (current == null || current.status() != CheckpointStatus.WAITING
                    || !Objects.equals(current.pauseId(), pauseId)) {
                return thread;
            }
            won[0] = true;
            Checkpoint answered = current.answered(answer, at).withStep(thread.nextStep());
            return thread.append(answered, answered);
        });
        return won[0];
    }

    @Override
    public boolean finish(Checkpoint last) {
        Objects.requireNonNull(last, "last");
        Kept thread = threads.get(last.threadId());
        if (thread == null || thread.current() == null) {
            return false;
        }
        Checkpoint copy = frozen(last);
        boolean[] had = new boolean[1];
        threads.computeIfPresent(last.threadId(), (id, known) -> {
            if (known.current() == null) {
                return known;
            }
            had[0] = true;
            return known.append(null, copy.withStep(known.nextStep()));
        });
        return had[0];
    }

    @Override
    public List<Checkpoint> history(String threadId) {
        Kept thread = threads.get(threadId);
        return thread == null ? List.of() : thread.history();
    }

    @Override
    public int prune(Instant finishedBefore) {
        int[] removed = new int[1];
        for (String threadId : threads.keySet()) {
            threads.computeIfPresent(threadId, (id, thread) -> {
                List<Checkpoint> history = thread.history();
                if (thread.current() != null || history.isEmpty()
                        || !history.get(history.size() - 1).savedAt().isBefore(finishedBefore)) {
                    return thread;
                }
                removed[0] += history.size();
                return null;
            });
        }
        return removed[0];
    }

    /** The threads that have a current checkpoint now (waiting, or being resumed). */
    public Set<String> threadIds() {
        Set<String> ids = new java.util.HashSet<>();
        threads.forEach((id, thread) -> {
            if (thread.current() != null) {
                ids.add(id);
            }
        });
        return Set.copyOf(ids);
    }

    /** How many threads have a current checkpoint. */
    public int size() {
        return threadIds().size();
    }

    private static Checkpoint frozen(Checkpoint checkpoint) {
        LinkedHashMap<String, Object> state = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : checkpoint.state().entrySet()) {
            state.put(entry.getKey(), Frozen.freeze(entry.getValue()));
        }
        Instant savedAt = checkpoint.savedAt() != null ? checkpoint.savedAt() : Instant.now();
        return new Checkpoint(checkpoint.threadId(), checkpoint.workflow(), checkpoint.nextNode(), state,
                checkpoint.pending(), checkpoint.iterations(), checkpoint.history(), savedAt, checkpoint.origin(),
                checkpoint.step(), checkpoint.status(), checkpoint.fingerprint(), checkpoint.compiler(),
                Frozen.freeze(checkpoint.response()));
    }
}
