package dev.victor.workflow.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * The floor: the smallest graph interpreter that runs the same workloads. Nodes are lambdas that
 * change one {@code HashMap} in place, successors are array indices or a lambda; no copies of
 * values, no checks, no history, no limits. A run copies the caller's input once (as every
 * engine must, to leave the caller's map alone).
 */
final class PlainJavaWorkloads {
    static final int END = -1;

    /** A graph: node bodies and, per node, a function of the state giving the next index. */
    record Graph(Consumer<Map<String, Object>>[] nodes, ToIntFunction<Map<String, Object>>[] next) {
        Map<String, Object> invoke(Map<String, Object> input) {
            HashMap<String, Object> state = new HashMap<>(input);
            int current = 0;
            while (current != END) {
                nodes[current].accept(state);
                current = next[current].applyAsInt(state);
            }
            return state;
        }
    }

    private PlainJavaWorkloads() {
    }

    @SuppressWarnings("unchecked")
    static Graph linear(int count) {
        Consumer<Map<String, Object>>[] nodes = new Consumer[count];
        ToIntFunction<Map<String, Object>>[] next = new ToIntFunction[count];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < count; i++) {
            index.put("n" + i, i);
        }
        for (int i = 0; i < count; i++) {
            nodes[i] = state -> state.put("k", (Integer) state.get("k") + 1);
            int successor = i + 1 < count ? index.get("n" + (i + 1)) : END;
            next[i] = state -> successor;
        }
        return new Graph(nodes, next);
    }

    @SuppressWarnings("unchecked")
    static Graph cycle(int limit) {
        Consumer<Map<String, Object>>[] nodes = new Consumer[] {
            (Consumer<Map<String, Object>>) state -> state.put("i", (Integer) state.get("i") + 1),
            (Consumer<Map<String, Object>>) state -> { }
        };
        ToIntFunction<Map<String, Object>>[] next = new ToIntFunction[] {
            (ToIntFunction<Map<String, Object>>) state -> 1,
            (ToIntFunction<Map<String, Object>>) state -> (Integer) state.get("i") < limit ? 0 : END
        };
        return new Graph(nodes, next);
    }
}
