package dev.victor.workflow.engine;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.GraphView;
import dev.victor.workflow.api.RunResult;

import java.util.Map;

/**
 * Prints what one node step costs: a 10-node linear graph (each node sets k = k + 1) and a
 * 2-node cycle run for 1000 node executions. A plain main, not a test: run it with
 * {@code java -cp target/classes:target/test-classes dev.victor.workflow.engine.EngineSpeedCheck}.
 */
public final class EngineSpeedCheck {
    private EngineSpeedCheck() {
    }

    private static Map<String, ?> increment(Map<String, Object> state) {
        return Map.of("k", (Integer) state.get("k") + 1);
    }

    public static void main(String[] args) {
        GraphBuilder linearBuilder = GraphBuilder.named("linear10");
        for (int i = 0; i < 10; i++) {
            linearBuilder.node("n" + i, EngineSpeedCheck::increment);
            if (i > 0) {
                linearBuilder.edge("n" + (i - 1), "n" + i);
            }
        }
        CompiledGraph linear = linearBuilder.entry("n0").build();

        CompiledGraph cycle = GraphBuilder.named("cycle")
                .node("a", EngineSpeedCheck::increment)
                .node("b", state -> null)
                .edge("a", "b")
                .conditionalEdges("b", state -> (Integer) state.get("k") < 500 ? "again" : "done",
                        Map.of("again", "a", "done", GraphView.END))
                .entry("a")
                .maxIterations(2000)
                .build();

        Map<String, Object> start = Map.of("k", 0);
        check(linear.invoke(start), 10, 10);
        check(cycle.invoke(start), 1000, 500);

        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        double[] linearNs = new double[rounds];
        double[] cycleNs = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            linearNs[round] = measure(linear, start, 200_000, 10) / (200_000.0 * 10);
            cycleNs[round] = measure(cycle, start, 2_000, 1000) / (2_000.0 * 1000);
            System.out.printf("round %2d: linear10 %6.1f ns/step, cycle(1000 steps) %6.1f ns/step%n", round,
                    linearNs[round], cycleNs[round]);
        }
        // the first third of the rounds is warm-up
        int from = rounds / 3;
        System.out.printf("linear10: best %.1f ns/step, median %.1f ns/step (each step includes 1/10 of a run's"
                + " set-up: state copy, thread id, result)%n", best(linearNs, from), median(linearNs, from));
        System.out.printf("cycle:    best %.1f ns/step, median %.1f ns/step%n", best(cycleNs, from),
                median(cycleNs, from));
    }

    private static double best(double[] values, int from) {
        double best = Double.MAX_VALUE;
        for (int i = from; i < values.length; i++) {
            best = Math.min(best, values[i]);
        }
        return best;
    }

    private static double median(double[] values, int from) {
        double[] tail = java.util.Arrays.copyOfRange(values, from, values.length);
        java.util.Arrays.sort(tail);
        return tail[tail.length / 2];
    }

    private static long measure(CompiledGraph graph, Map<String, Object> start, int runs, int steps) {
        long sink = 0;
        long began = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            RunResult result = graph.invoke(start);
            sink += result.iterations();
        }
        long elapsed = System.nanoTime() - began;
        if (sink != (long) runs * steps) {
            throw new IllegalStateException("unexpected iterations " + sink);
        }
        return elapsed;
    }

    private static void check(RunResult result, int iterations, int k) {
        if (!result.isCompleted() || result.iterations() != iterations || !result.state().get("k").equals(k)) {
            throw new IllegalStateException("unexpected result " + result);
        }
    }
}
