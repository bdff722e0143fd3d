package dev.victor.workflow.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;

/**
 * Turns one JMH run's results into the Markdown tables of BENCHMARKS.md: every ratio is computed
 * from scores of the same run. Works from the in-memory results of {@link RunBenchmarks} or from
 * JMH's JSON output ({@code -rf json}).
 */
public final class Report {

    /** One benchmark's score: name is {@code Class.method}, params as JMH gives them. */
    public record Row(String name, Map<String, String> params, int threads, String mode, double score,
                      double error, String unit, double allocPerOp) {
    }

    private final List<Row> rows;

    public Report(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /** The rows of a JMH JSON result file. */
    public static Report fromJson(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<Row> rows = new ArrayList<>();
        for (JsonNode result : root) {
            String benchmark = result.path("benchmark").asText();
            Map<String, String> params = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = result.path("params").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> param = it.next();
                params.put(param.getKey(), param.getValue().asText());
            }
            JsonNode primary = result.path("primaryMetric");
            double alloc = Double.NaN;
            for (Iterator<Map.Entry<String, JsonNode>> it = result.path("secondaryMetrics").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> metric = it.next();
                if (metric.getKey().endsWith("gc.alloc.rate.norm")) {
                    alloc = metric.getValue().path("score").asDouble();
                }
            }
            rows.add(new Row(shortName(benchmark), params, result.path("threads").asInt(1),
                    result.path("mode").asText(), primary.path("score").asDouble(),
                    primary.path("scoreError").asDouble(Double.NaN), primary.path("scoreUnit").asText(), alloc));
        }
        return new Report(rows);
    }

    /** {@code EngineBench.linear10_victor} from the fully qualified name. */
    static String shortName(String benchmark) {
        String[] parts = benchmark.split("\\.");
        return parts.length < 2 ? benchmark : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    // ---------------------------------------------------------------- lookups

    private Row row(String name, String keys) {
        return rowWith(name, keys == null ? Map.of() : Map.of("keys", keys));
    }

    /** The row of that name whose parameters include {@code params}. */
    private Row rowWith(String name, Map<String, String> params) {
        for (Row row : rows) {
            if (row.name().equals(name) && row.params().entrySet().containsAll(params.entrySet())) {
                return row;
            }
        }
        return null;
    }

    /** The score in nanoseconds per operation (AverageTime rows), NaN when absent. */
    private double ns(String name) {
        return ns(name, (String) null);
    }

    private double ns(String name, String keys) {
        return ns(row(name, keys));
    }

    private double ns(String name, Map<String, String> params) {
        return ns(rowWith(name, params));
    }

    private static double ns(Row row) {
        if (row == null) {
            return Double.NaN;
        }
        return switch (row.unit()) {
            case "ns/op" -> row.score();
            case "us/op" -> row.score() * 1e3;
            case "ms/op" -> row.score() * 1e6;
            case "s/op" -> row.score() * 1e9;
            default -> Double.NaN;
        };
    }

    private double alloc(String name) {
        Row row = row(name, null);
        return row == null ? Double.NaN : row.allocPerOp();
    }

    /** Operations per millisecond (Throughput rows). */
    private double perMs(String name) {
        Row row = row(name, null);
        if (row == null) {
            return Double.NaN;
        }
        return switch (row.unit()) {
            case "ops/ms" -> row.score();
            case "ops/us" -> row.score() * 1e3;
            case "ops/s" -> row.score() / 1e3;
            default -> Double.NaN;
        };
    }

    // ---------------------------------------------------------------- formatting

    static String num(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        double abs = Math.abs(value);
        if (abs >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String ratio(double value) {
        return Double.isNaN(value) ? "–" : num(value) + "×";
    }

    private static String verdict(double value, DoubleUnaryOperator pass) {
        if (Double.isNaN(value)) {
            return "not measured";
        }
        return pass.applyAsDouble(value) > 0 ? "**met**" : "**missed**";
    }

    // ---------------------------------------------------------------- the tables

    /** Every table for which this run has results. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        steps(out);
        build(out);
        compile(out);
        compileShapes(out);
        wholeFile(out);
        registry(out);
        stateSize(out);
        concurrency(out);
        targets(out);
        noisy(out);
        return out.toString();
    }

    private static final String[][] ENGINES = {
        {"victor", "this project, `GraphBuilder`"},
        {"victorYaml", "this project, YAML (transform + condition nodes)"},
        {"langgraph4jDefault", "LangGraph4j 1.8.17, default serializer"},
        {"langgraph4jShallow", "LangGraph4j 1.8.17, shallow-copy serializer"},
        {"langgraph4jNoClone", "LangGraph4j 1.8.17, no-clone path (the anchor)"},
        {"plainJava", "plain Java (the floor)"},
    };

    private void steps(StringBuilder out) {
        if (Double.isNaN(ns("EngineBench.linear10_victor")) && Double.isNaN(ns("EngineBench.cycle1000_victor"))) {
            return;
        }
        out.append("### Step cost (1, 2): ns per node step\n\n")
                .append("| engine | linear10 ns/step | ÷ victor | ÷ floor | B/step "
                        + "| cycle1000 ns/step | ÷ victor | ÷ floor | B/step |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        double linear = ns("EngineBench.linear10_victor");
        double cycle = ns("EngineBench.cycle1000_victor");
        double linearFloor = ns("EngineBench.linear10_plainJava");
        double cycleFloor = ns("EngineBench.cycle1000_plainJava");
        for (String[] engine : ENGINES) {
            String l = "EngineBench.linear10_" + engine[0];
            String c = "EngineBench.cycle1000_" + engine[0];
            out.append("| ").append(engine[1])
                    .append(" | ").append(num(ns(l))).append(" | ").append(ratio(ns(l) / linear))
                    .append(" | ").append(ratio(ns(l) / linearFloor)).append(" | ").append(num(alloc(l)))
                    .append(" | ").append(num(ns(c))).append(" | ").append(ratio(ns(c) / cycle))
                    .append(" | ").append(ratio(ns(c) / cycleFloor)).append(" | ").append(num(alloc(c)))
                    .append(" |\n");
        }
        out.append('\n');
    }

    private void build(StringBuilder out) {
        double victor = ns("BuildBench.build50_victor");
        if (Double.isNaN(victor)) {
            return;
        }
        out.append("### build50 (1): define and compile a 50-node linear graph\n\n")
                .append("| engine | µs per graph | ÷ victor | KB per graph |\n|---|---:|---:|---:|\n");
        for (String[] engine : ENGINES) {
            String name = "BuildBench.build50_" + engine[0];
            if (row(name, null) != null) {
                out.append("| ").append(engine[1]).append(" | ").append(num(ns(name) / 1e3))
                        .append(" | ").append(ratio(ns(name) / victor))
                        .append(" | ").append(num(alloc(name) / 1024)).append(" |\n");
            }
        }
        out.append('\n');
    }

    private void compile(StringBuilder out) {
        if (Double.isNaN(ns("CompileBench.refactor_compile")) && Double.isNaN(ns("CompileBench.synthetic500_compile"))) {
            return;
        }
        out.append("### Compile (3): full compile against SnakeYAML's bare load of the same text\n\n")
                .append("| source | full compile µs | SnakeYAML load µs | compile ÷ load | SnakeYAML compose µs | compile ÷ compose |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        for (String[] source : new String[][] {
            {"refactor", "refactor.yaml (38 nodes, 4 workflows; graph of `refactor`)"},
            {"synthetic500", "synthetic, 500 nodes"}}) {
            double compile = ns("CompileBench." + source[0] + "_compile");
            double load = ns("CompileBench." + source[0] + "_snakeyamlLoad");
            double compose = ns("CompileBench." + source[0] + "_snakeyamlCompose");
            out.append("| ").append(source[1]).append(" | ").append(num(compile / 1e3))
                    .append(" | ").append(num(load / 1e3)).append(" | ").append(ratio(compile / load))
                    .append(" | ").append(num(compose / 1e3)).append(" | ").append(ratio(compile / compose))
                    .append(" |\n");
        }
        out.append('\n');
    }

    static final String[] SHAPES = {"linear", "branching", "mixed"};
    static final String[] SIZES = {"50", "500", "5000"};

    private double shapeRatio(String shape, String nodes) {
        Map<String, String> params = Map.of("shape", shape, "nodes", nodes);
        return ns("CompileShapesBench.compile", params) / ns("CompileShapesBench.snakeyamlLoad", params);
    }

    private void compileShapes(StringBuilder out) {
        if (rowWith("CompileShapesBench.compile", Map.of()) == null) {
            return;
        }
        out.append("### Compile by size and shape (3): full compile ÷ SnakeYAML's bare load\n\n")
                .append("| shape | nodes | full compile µs | SnakeYAML load µs | compile ÷ load | KB per compile |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        for (String shape : SHAPES) {
            for (String nodes : SIZES) {
                Map<String, String> params = Map.of("shape", shape, "nodes", nodes);
                Row compile = rowWith("CompileShapesBench.compile", params);
                out.append("| ").append(shape).append(" | ").append(nodes)
                        .append(" | ").append(num(ns(compile) / 1e3))
                        .append(" | ").append(num(ns("CompileShapesBench.snakeyamlLoad", params) / 1e3))
                        .append(" | ").append(ratio(shapeRatio(shape, nodes)))
                        .append(" | ").append(num(compile == null ? Double.NaN : compile.allocPerOp() / 1024))
                        .append(" |\n");
            }
        }
        out.append('\n');
    }

    static final String[] FILES = {"refactor", "agentic_bench", "ingest"};

    private double kb(Row row) {
        return row == null ? Double.NaN : row.allocPerOp() / 1024;
    }

    private void wholeFile(StringBuilder out) {
        if (rowWith("WholeFileBench.compileEveryWorkflow", Map.of()) == null) {
            return;
        }
        out.append("### A whole file (3): every workflow of a real file, cold, ÷ SnakeYAML's bare load of the file\n\n")
                .append("| file | every workflow µs (KB) | ÷ load | one parse per workflow µs (KB) | ÷ load ")
                .append("| SnakeYAML read + load µs (KB) |\n|---|---:|---:|---:|---:|---:|\n");
        for (String file : FILES) {
            Map<String, String> params = Map.of("file", file);
            Row once = rowWith("WholeFileBench.compileEveryWorkflow", params);
            Row each = rowWith("WholeFileBench.compileEveryWorkflowColdEach", params);
            Row load = rowWith("WholeFileBench.snakeyamlLoad", params);
            out.append("| ").append(file).append(".yaml | ").append(num(ns(once) / 1e3)).append(" (")
                    .append(num(kb(once))).append(") | ").append(ratio(ns(once) / ns(load)))
                    .append(" | ").append(num(ns(each) / 1e3)).append(" (").append(num(kb(each))).append(") | ")
                    .append(ratio(ns(each) / ns(load))).append(" | ").append(num(ns(load) / 1e3))
                    .append(" (").append(num(kb(load))).append(") |\n");
        }
        out.append('\n');
    }

    private void registry(StringBuilder out) {
        double miss = ns("RegistryBench.miss_refactorFile");
        if (Double.isNaN(miss) && Double.isNaN(ns("RegistryBench.hit_refactorFile"))) {
            return;
        }
        double key = ns("RegistryBench.cacheKey_refactorFile");
        out.append("### Registry (4): `compile(uri)`\n\n")
                .append("| what | µs | ÷ miss | note |\n|---|---:|---:|---|\n");
        String[][] lines = {
            {"hit_refactorFile", "hit, `yaml://…/refactor.yaml` (20 KB)", "of which the plugin's cache key: "
                    + num(key / 1e3) + " µs"},
            {"hit_smallFile", "hit, `yaml://…/linear10.yaml` (1 KB)", "of which the plugin's cache key: "
                    + num(ns("RegistryBench.cacheKey_smallFile") / 1e3) + " µs"},
            {"hit_registryOnly", "hit, plugin whose cache key is the source string", "the registry's own cost"},
            {"cacheKey_refactorFile", "the YAML plugin's `getCacheKey` of refactor.yaml", "file checks, one `stat`"},
            {"cacheKey_smallFile", "the YAML plugin's `getCacheKey` of linear10.yaml", "file checks, one `stat`"},
            {"fileStat_smallFile", "one `stat` of linear10.yaml (`Files.readAttributes`)", "the floor of a key that sees changes"},
            {"fileRead_smallFile", "one read of linear10.yaml (`Files.readAllBytes`)", ""},
            {"miss_refactorFile", "miss (cache cleared), refactor.yaml", ""},
            {"pluginCompile_refactorFile", "the plugin's own compile of the file, no registry", ""},
        };
        for (String[] line : lines) {
            double value = ns("RegistryBench." + line[0]);
            out.append("| ").append(line[1]).append(" | ").append(num(value / 1e3)).append(" | ")
                    .append(ratio(value / miss)).append(" | ").append(line[2]).append(" |\n");
        }
        out.append('\n');
    }

    private void stateSize(StringBuilder out) {
        if (Double.isNaN(ns("StateSizeBench.linear10_victor", "10"))) {
            return;
        }
        out.append("### State size (5): linear10 with 10, 100 and 1,000 keys\n\n")
                .append("ns/step is a run of linear10 divided by its 10 steps (the input copy included); ")
                .append("marginal ns/step is (T(linear10) − T(linear1)) / 9, the cost of one more step ")
                .append("without the run's fixed costs. × is the growth against 10 keys.\n\n")
                .append("| engine | keys | ns/step | × | marginal ns/step | × |\n|---|---:|---:|---:|---:|---:|\n");
        for (String[] engine : ENGINES) {
            if (row("StateSizeBench.linear10_" + engine[0], "10") == null) {
                continue;
            }
            double base = Double.NaN;
            double baseMarginal = Double.NaN;
            for (String keys : new String[] {"10", "100", "1000"}) {
                double perStep = ns("StateSizeBench.linear10_" + engine[0], keys);
                double marginal = marginal(engine[0], keys);
                if (keys.equals("10")) {
                    base = perStep;
                    baseMarginal = marginal;
                }
                out.append("| ").append(engine[1]).append(" | ").append(keys).append(" | ").append(num(perStep))
                        .append(" | ").append(ratio(perStep / base)).append(" | ").append(num(marginal))
                        .append(" | ").append(ratio(marginal / baseMarginal)).append(" |\n");
            }
        }
        out.append('\n');
    }

    private double marginal(String engine, String keys) {
        double ten = ns("StateSizeBench.linear10_" + engine, keys) * 10;
        double one = ns("StateSizeBench.linear1_" + engine, keys);
        return (ten - one) / 9;
    }

    private void concurrency(StringBuilder out) {
        if (Double.isNaN(perMs("ConcurrencyBench.linear10_victor_1thread"))) {
            return;
        }
        out.append("### Concurrency (6): one compiled linear10 graph, runs per ms (all threads)\n\n")
                .append("| engine | 1 thread | 2 threads | 2 threads ÷ 1 |\n|---|---:|---:|---:|\n");
        for (String[] engine : ENGINES) {
            double one = perMs("ConcurrencyBench.linear10_" + engine[0] + "_1thread");
            double two = perMs("ConcurrencyBench.linear10_" + engine[0] + "_2threads");
            if (!Double.isNaN(one)) {
                out.append("| ").append(engine[1]).append(" | ").append(num(one)).append(" | ").append(num(two))
                        .append(" | ").append(ratio(two / one)).append(" |\n");
            }
        }
        out.append('\n');
    }

    private void targets(StringBuilder out) {
        double step = ns("EngineBench.linear10_victor");
        double lg = ns("EngineBench.linear10_langgraph4jDefault") / step;
        double linearFloor = step / ns("EngineBench.linear10_plainJava");
        double cycleFloor = ns("EngineBench.cycle1000_victor") / ns("EngineBench.cycle1000_plainJava");
        double yamlLinearFloor = ns("EngineBench.linear10_victorYaml") / ns("EngineBench.linear10_plainJava");
        double yamlCycleFloor = ns("EngineBench.cycle1000_victorYaml") / ns("EngineBench.cycle1000_plainJava");
        double anchorLinear = ns("EngineBench.linear10_langgraph4jNoClone") / step;
        double anchorCycle = ns("EngineBench.cycle1000_langgraph4jNoClone") / ns("EngineBench.cycle1000_victor");
        double worstShape = Double.NaN;
        StringBuilder shapes = new StringBuilder();
        for (String shape : SHAPES) {
            shapes.append(shapes.length() == 0 ? "" : "; ").append(shape);
            for (String nodes : SIZES) {
                double value = shapeRatio(shape, nodes);
                worstShape = worst(worstShape, value);
                shapes.append(' ').append(ratio(value));
            }
        }
        double refactor = ns("CompileBench.refactor_compile") / ns("CompileBench.refactor_snakeyamlLoad");
        double synthetic = ns("CompileBench.synthetic500_compile") / ns("CompileBench.synthetic500_snakeyamlLoad");
        double hitFile = ns("RegistryBench.hit_refactorFile");
        double hitSmall = ns("RegistryBench.hit_smallFile");
        double hitOnly = ns("RegistryBench.hit_registryOnly");
        double growth = ns("StateSizeBench.linear10_victor", "1000") / ns("StateSizeBench.linear10_victor", "10");
        double marginalGrowth = marginal("victor", "1000") / marginal("victor", "10");
        double scaling = perMs("ConcurrencyBench.linear10_victor_2threads")
                / perMs("ConcurrencyBench.linear10_victor_1thread");
        double floorScaling = perMs("ConcurrencyBench.linear10_plainJava_2threads")
                / perMs("ConcurrencyBench.linear10_plainJava_1thread");
        out.append("### Targets\n\n| target | measured | |\n|---|---|---|\n")
                .append("| engine ≤ 100 ns per step on linear10 | ").append(num(step)).append(" ns | ")
                .append(verdict(step, v -> v <= 100 ? 1 : 0)).append(" |\n")
                .append("| engine ≥ 60× faster than LangGraph4j's defaults (linear10) | ").append(ratio(lg))
                .append(" | ").append(verdict(lg, v -> v >= 60 ? 1 : 0)).append(" |\n")
                .append("| engine within 2× the plain-Java floor | linear10 ").append(ratio(linearFloor))
                .append(", cycle1000 ").append(ratio(cycleFloor)).append(" | ")
                .append(verdict(worst(linearFloor, cycleFloor), v -> v <= 2 ? 1 : 0)).append(" |\n")
                .append("| YAML steps within 3× the floor | linear10 ").append(ratio(yamlLinearFloor))
                .append(", cycle1000 ").append(ratio(yamlCycleFloor)).append(" | ")
                .append(verdict(worst(yamlLinearFloor, yamlCycleFloor), v -> v <= 3 ? 1 : 0)).append(" |\n")
                .append("| engine ≥ 50× faster than LangGraph4j's no-clone path | linear10 ")
                .append(ratio(anchorLinear)).append(", cycle1000 ").append(ratio(anchorCycle)).append(" | ")
                .append(verdict(Double.isNaN(anchorLinear) || Double.isNaN(anchorCycle) ? Double.NaN
                        : Math.min(anchorLinear, anchorCycle), v -> v >= 50 ? 1 : 0)).append(" |\n")
                .append("| compile ≤ 1.5× the bare load at 50, 500, 5,000 nodes | ").append(shapes)
                .append(" | ").append(verdict(worstShape, v -> v <= 1.5 ? 1 : 0)).append(" |\n")
                .append("| full compile ≤ 1.5× the bare YAML load | refactor ").append(ratio(refactor))
                .append(", synthetic500 ").append(ratio(synthetic)).append(" | ")
                .append(verdict(worst(refactor, synthetic), v -> v <= 1.5 ? 1 : 0)).append(" |\n")
                .append("| cache hit ≤ 5 µs through the file source | refactor.yaml ").append(num(hitFile / 1e3)).append(" µs, 1 KB file ")
                .append(num(hitSmall / 1e3)).append(" µs, registry alone ").append(num(hitOnly / 1e3))
                .append(" µs | ").append(verdict(worst(hitFile, hitSmall), v -> v <= 5000 ? 1 : 0))
                .append(" (registry alone: ").append(verdict(hitOnly, v -> v <= 2000 ? 1 : 0)).append(") |\n")
                .append("| step cost flat across state sizes (1,000 keys ÷ 10 keys, within 1.2×) | per step ")
                .append(ratio(growth)).append(", marginal ").append(ratio(marginalGrowth)).append(" | ")
                .append(verdict(growth, v -> v <= 1.2 ? 1 : 0)).append(" (marginal: ")
                .append(verdict(marginalGrowth, v -> v <= 1.2 ? 1 : 0)).append(") |\n")
                .append("| 2 threads ≥ 1.8× one | ").append(ratio(scaling)).append(" (plain Java on this machine: ")
                .append(ratio(floorScaling)).append(") | ").append(verdict(scaling, v -> v >= 1.8 ? 1 : 0))
                .append(" |\n\n");
    }

    /** The larger of the measured values (NaN only when neither was measured). */
    private static double worst(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }

    private void noisy(StringBuilder out) {
        List<String> noisy = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Row row : rows) {
            String label = "`" + row.name() + (row.params().isEmpty() ? "" : " " + row.params()) + "`";
            if (Double.isNaN(row.error())) {
                unknown.add(label);
            } else if (row.error() > 0.1 * row.score()) {
                noisy.add(label + " ±" + Math.round(100 * row.error() / row.score()) + "%");
            }
        }
        if (!unknown.isEmpty()) {
            out.append("Scores whose error is unknown (too few iterations for a confidence interval): ")
                    .append(String.join(", ", unknown)).append(".\n\n");
        }
        if (!noisy.isEmpty()) {
            out.append("Scores whose 99.9% confidence interval is wider than ±10%: ")
                    .append(String.join(", ", noisy)).append(".\n\n");
        } else if (unknown.isEmpty()) {
            out.append("Every score's 99.9% confidence interval is within ±10%.\n\n");
        } else {
            out.append("Every other score's 99.9% confidence interval is within ±10%.\n\n");
        }
    }

    /** Rows from JMH's in-memory results. */
    public static Report fromResults(Collection<org.openjdk.jmh.results.RunResult> results) {
        List<Row> rows = new ArrayList<>();
        for (org.openjdk.jmh.results.RunResult result : results) {
            var params = result.getParams();
            Map<String, String> values = new TreeMap<>();
            for (String key : params.getParamsKeys()) {
                values.put(key, params.getParam(key));
            }
            double alloc = Double.NaN;
            for (var secondary : result.getSecondaryResults().entrySet()) {
                if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
                    alloc = secondary.getValue().getScore();
                }
            }
            var primary = result.getPrimaryResult();
            rows.add(new Row(shortName(params.getBenchmark()), values, params.getThreads(),
                    params.getMode().shortLabel(), primary.getScore(), primary.getScoreError(),
                    primary.getScoreUnit(), alloc));
        }
        return new Report(rows);
    }
}
