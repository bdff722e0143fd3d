package dev.victor.workflow.registry.internal.whiteboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Services of one kind by key (a {@code name} or {@code type}): for each key the highest
 * {@code service.ranking} wins, ties go to the lowest {@code service.id}. Thread-safe; lookups
 * read an immutable snapshot.
 */
final class RankedServices<T> {

    private record Ranked<T>(T service, long id, int ranking) {
    }

    private static final Comparator<Ranked<?>> ORDER =
            Comparator.comparingInt((Ranked<?> r) -> r.ranking()).reversed().thenComparingLong(Ranked::id);

    private final Map<String, List<Ranked<T>>> all = new HashMap<>();
    private volatile Map<String, T> winners = Map.of();

    synchronized void add(String key, T service, long id, int ranking) {
        remove(id);
        List<Ranked<T>> list = all.computeIfAbsent(key, k -> new ArrayList<>());
        list.add(new Ranked<>(service, id, ranking));
        list.sort(ORDER);
        publish();
    }

    synchronized void remove(long id) {
        all.values().forEach(list -> list.removeIf(ranked -> ranked.id() == id));
        all.values().removeIf(List::isEmpty);
        publish();
    }

    private void publish() {
        Map<String, T> next = new HashMap<>();
        all.forEach((key, list) -> next.put(key, list.get(0).service()));
        winners = Map.copyOf(next);
    }

    Optional<T> get(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(winners.get(key));
    }

    /** The keys that have a service now. */
    java.util.Set<String> keys() {
        return winners.keySet();
    }
}
