package dev.victor.workflow.expr;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Prints how long one evaluation takes, for a look at the numbers (no timing assertion: machines
 * differ). Also runnable on its own through {@link #main}.
 */
class EvaluationSpeedTest {

    @Test
    void printNanosecondsPerEvaluation() {
        main(new String[0]);
    }

    public static void main(String[] args) {
        Map<String, Object> state = new HashMap<>();
        state.put("i", 500);
        state.put("x", 41);
        state.put("retry_attempts", 1);
        state.put("tests_passed", false);
        Expression condition = Expression.parse("i < 1000");
        Expression compound = Expression.parse("retry_attempts < 3 and not tests_passed");
        TransformProgram increment = TransformProgram.parse("x = x + 1");
        String[] names = {"i < 1000", "retry_attempts < 3 and not tests_passed", "x = x + 1 (TransformProgram.apply)"};
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        int n = 300_000;
        Object sink = null;
        // interleaved rounds, best of each: robust against other work on the machine
        for (int round = 0; round < 12; round++) {
            long t0 = System.nanoTime();
            for (int k = 0; k < n; k++) {
                sink = condition.evaluate(state);
            }
            long t1 = System.nanoTime();
            for (int k = 0; k < n; k++) {
                sink = compound.evaluate(state);
            }
            long t2 = System.nanoTime();
            for (int k = 0; k < n; k++) {
                sink = increment.apply(state);
            }
            long t3 = System.nanoTime();
            best[0] = Math.min(best[0], (double) (t1 - t0) / n);
            best[1] = Math.min(best[1], (double) (t2 - t1) / n);
            best[2] = Math.min(best[2], (double) (t3 - t2) / n);
        }
        for (int k = 0; k < names.length; k++) {
            System.out.printf("%-45s %6.1f ns per evaluation%n", names[k], best[k]);
        }
        if (sink == null) {
            System.out.println();
        }
    }
}
