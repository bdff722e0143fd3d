package dev.victor.workflow.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    @Test
    void oneExpressionFromManyThreads() throws Exception {
        Expression e = Expression.parse("sum(x * k for x in range(n)) + len([y for y in range(k)])");
        TransformProgram p = TransformProgram.parse("out = []\nfor i in range(n):\n  out.append(i * k)\ntotal = sum(out)");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                final int k = t + 1;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        int n = i % 50;
                        long expected = (long) k * n * (n - 1) / 2;
                        Object v = e.evaluate(Map.of("n", n, "k", k));
                        Map<String, Object> out = p.apply(Map.of("n", n, "k", k));
                        if (!v.equals(expected + k) || !out.get("total").equals(expected)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
