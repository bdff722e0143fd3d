package dev.victor.workflow.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmarks' workloads do what they claim, on every engine (each state's setup checks its
 * results and throws otherwise). Runs each workload a few times, never JMH: quick.
 */
class WorkloadsTest {

    @Test
    void engineWorkloadsGiveTheSameResults() throws Exception {
        new EngineBench().setUp();
    }

    @Test
    void build50BuildsFiftyNodes() throws Exception {
        BuildBench bench = new BuildBench();
        assertThat(((dev.victor.workflow.api.CompiledGraph) bench.build50_victor()).getGraph().nodes())
                .hasSizeGreaterThanOrEqualTo(Workloads.BUILD_NODES);
        assertThat(bench.build50_langgraph4jDefault()).isNotNull();
        assertThat(bench.build50_plainJava()).isNotNull();
    }

    @Test
    void compileWorkloadsCompile() {
        new CompileBench().setUp();
    }

    @Test
    void compileShapesHaveTheirSize() {
        for (String shape : Report.SHAPES) {
            CompileShapesBench bench = new CompileShapesBench();
            bench.shape = shape;
            bench.nodes = 50;
            bench.setUp();
        }
    }

    @Test
    void registryHitsAndMisses() throws Exception {
        RegistryBench bench = new RegistryBench();
        bench.setUp();
        try {
            // the key of a local file is its stat fingerprint (size, modification time, file key): no read, no hash
            assertThat(bench.cacheKey_refactorFile()).contains("refactor.yaml").isEqualTo(bench.cacheKey_refactorFile());
            assertThat(bench.pluginCompile_refactorFile().name()).isEqualTo("refactor");
        } finally {
            bench.tearDown();
        }
    }

    @Test
    void stateSizesKeepEveryKey() throws Exception {
        for (int keys : new int[] {10, 1000}) {
            StateSizeBench bench = new StateSizeBench();
            bench.keys = keys;
            bench.setUp();
        }
    }

    @Test
    void concurrencyWorkloadsRun() {
        new ConcurrencyBench().setUp();
    }

    @Test
    void reportComputesRatiosFromOneRun() {
        Report report = new Report(List.of(
                new Report.Row("EngineBench.linear10_victor", Map.of(), 1, "avgt", 80, 1, "ns/op", 96),
                new Report.Row("EngineBench.linear10_langgraph4jDefault", Map.of(), 1, "avgt", 8000, 1, "ns/op", 1),
                new Report.Row("CompileBench.refactor_compile", Map.of(), 1, "avgt", 300, 1, "us/op", 1),
                new Report.Row("CompileBench.refactor_snakeyamlLoad", Map.of(), 1, "avgt", 200, 1, "us/op", 1)));
        String markdown = report.markdown();
        assertThat(markdown).contains("| 80.0 | 1.00× | – | 96.0 |")
                .contains("| 8,000 | 100× |")
                .contains("| engine ≤ 100 ns per step on linear10 | 80.0 ns | **met** |")
                .contains("refactor 1.50×")
                .contains("Every score's 99.9% confidence interval is within ±10%.");
    }

    @Test
    void reportSaysWhenErrorsAreUnknown() {
        Report report = new Report(List.of(
                new Report.Row("EngineBench.linear10_victor", Map.of(), 1, "avgt", 20, Double.NaN, "ns/op", 96),
                new Report.Row("EngineBench.linear10_plainJava", Map.of(), 1, "avgt", 10, 0.5, "ns/op", 10),
                new Report.Row("EngineBench.linear10_langgraph4jNoClone", Map.of(), 1, "avgt", 1200, 1, "ns/op", 1)));
        assertThat(report.markdown())
                .contains("Scores whose error is unknown (too few iterations for a confidence interval): "
                        + "`EngineBench.linear10_victor`.")
                .doesNotContain("Every score's")
                .contains("| LangGraph4j 1.8.17, no-clone path (the anchor) | 1,200 | 60.0× | 120× |")
                .contains("| engine within 2× the plain-Java floor | linear10 2.00×, cycle1000 – | **met** |");
    }

    @Test
    void reportRatesCompileShapesFromOneRun() {
        Report report = new Report(List.of(
                new Report.Row("CompileShapesBench.compile", Map.of("shape", "linear", "nodes", "5000"), 1, "avgt",
                        30_000, 1, "us/op", 2048),
                new Report.Row("CompileShapesBench.snakeyamlLoad", Map.of("shape", "linear", "nodes", "5000"), 1,
                        "avgt", 20_000, 1, "us/op", 1)));
        assertThat(report.markdown()).contains("| linear | 5000 | 30,000 | 20,000 | 1.50× | 2.00 |");
    }
}
