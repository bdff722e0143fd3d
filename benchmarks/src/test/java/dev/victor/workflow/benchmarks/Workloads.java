package dev.victor.workflow.benchmarks;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.GraphView;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.engine.GraphBuilder;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.yaml.internal.YamlFormat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The workloads every engine runs, built the same way for each: {@code linear} (START → n0 … n(n-1)
 * → END, each node sets {@code k = k + 1}) and {@code cycle} (a sets {@code i = i + 1}, b loops
 * back to a while {@code i < limit}).
 */
public final class Workloads {
    /** Steps of one {@code linear10} run. */
    public static final int LINEAR_STEPS = 10;
    /** The loop bound of {@code cycle1000}. */
    public static final int CYCLE_LIMIT = 1000;
    /** Steps of one {@code cycle1000} run: a and b, 1000 times each. */
    public static final int CYCLE_STEPS = 2 * CYCLE_LIMIT;
    /** Nodes of the {@code build50} graph. */
    public static final int BUILD_NODES = 50;
    /** An iteration budget that no workload reaches. */
    public static final int BUDGET = 10 * CYCLE_STEPS;

    private Workloads() {
    }

    // ---------------------------------------------------------------- inputs

    /** The input of a linear run: {@code k = 0} and {@code keys - 1} other keys (strings). */
    public static Map<String, Object> linearInput(int keys) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("k", 0);
        for (int i = 1; i < keys; i++) {
            input.put("key" + i, "value " + i);
        }
        return input;
    }

    public static Map<String, Object> cycleInput() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("i", 0);
        return input;
    }

    // ---------------------------------------------------------------- this project's engine

    /** {@code linear} built with the programmatic builder. */
    public static CompiledGraph victorLinear(int nodes) {
        GraphBuilder builder = GraphBuilder.named("linear" + nodes).maxIterations(BUDGET);
        for (int i = 0; i < nodes; i++) {
            builder.node("n" + i, state -> Map.of("k", (Integer) state.get("k") + 1));
        }
        for (int i = 0; i + 1 < nodes; i++) {
            builder.edge("n" + i, "n" + (i + 1));
        }
        builder.edge("n" + (nodes - 1), GraphView.END);
        return builder.entry("n0").build();
    }

    /** {@code cycle} built with the programmatic builder: b writes nothing and routes. */
    public static CompiledGraph victorCycle(int limit) {
        return GraphBuilder.named("cycle" + limit).maxIterations(BUDGET)
                .node("a", state -> Map.of("i", (Integer) state.get("i") + 1))
                .node("b", state -> null)
                .edge("a", "b")
                .conditionalEdges("b", state -> (Integer) state.get("i") < limit ? "loop" : "done",
                        Map.of("loop", "a", "done", GraphView.END))
                .entry("a")
                .build();
    }

    // ---------------------------------------------------------------- YAML

    /** {@code linear} in Victor's YAML: transform nodes. */
    public static String linearYaml(int nodes) {
        StringBuilder yaml = new StringBuilder("workflows:\n  linear").append(nodes).append(":\n")
                .append("    max_iterations: ").append(BUDGET).append("\n    nodes:\n");
        for (int i = 0; i < nodes; i++) {
            yaml.append("      - id: n").append(i).append('\n')
                    .append("        type: transform\n")
                    .append("        transform: k = k + 1\n")
                    .append("        next: [").append(i + 1 < nodes ? "n" + (i + 1) : "").append("]\n");
        }
        return yaml.toString();
    }

    /** {@code cycle} in Victor's YAML: a transform node and a condition node. */
    public static String cycleYaml(int limit) {
        return "workflows:\n"
                + "  cycle" + limit + ":\n"
                + "    max_iterations: " + BUDGET + "\n"
                + "    nodes:\n"
                + "      - id: a\n"
                + "        type: transform\n"
                + "        transform: i = i + 1\n"
                + "        next: [b]\n"
                + "      - id: b\n"
                + "        type: condition\n"
                + "        condition: \"i < " + limit + "\"\n"
                + "        branches: {\"true\": a, \"false\": end}\n";
    }

    /**
     * A branching workflow of {@code nodes} nodes: transforms and conditions in turn, each
     * condition going on to the next node or leaving early to a terminal node. One workflow, named
     * {@code branching}.
     */
    public static String branchingYaml(int nodes) {
        StringBuilder yaml = new StringBuilder("workflows:\n  branching:\n")
                .append("    max_iterations: ").append(4 * nodes).append("\n    nodes:\n");
        int body = nodes - 1;
        for (int i = 0; i < body; i++) {
            String next = i + 1 < body ? "s" + (i + 1) : "finish";
            yaml.append("      - id: s").append(i).append('\n');
            if (i % 2 == 0) {
                yaml.append("        type: transform\n")
                        .append("        transform: k = k + 1\n")
                        .append("        next: [").append(next).append("]\n");
            } else {
                yaml.append("        type: condition\n")
                        .append("        condition: \"k < ").append(nodes).append(" and not failed\"\n")
                        .append("        branches: {\"true\": ").append(next).append(", \"false\": finish}\n");
            }
        }
        yaml.append("      - id: finish\n")
                .append("        type: transform\n")
                .append("        transform: status = \"finished\"\n")
                .append("        next: []\n");
        return yaml.toString();
    }

    /** Compiles YAML text with the YAML plugin (default options, validation on). */
    public static CompiledGraph compileYaml(String text, String workflow) {
        return yamlPlugin().compile(text, workflow, true);
    }

    /** A registry with the YAML format (default limits) and its built-in source of local files. */
    public static DefaultWorkflowCompilerRegistry yamlRegistry() {
        DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.builder().build();
        registry.register(YamlFormat.NAME, new YamlFormat(), YamlFormat.MEDIA_TYPES, YamlFormat.EXTENSIONS);
        return registry;
    }

    /** The plugin the registry composes for {@code yaml://} (a path or YAML text), default options. */
    public static WorkflowCompilerPlugin yamlPlugin() {
        return yamlRegistry().create("yaml://", Map.of());
    }

    /**
     * A synthetic workflow of {@code nodes} nodes shaped like the corpus: agents with goals and
     * tools, compute nodes with inputs, conditions that leave early to a terminal node, and
     * transforms. One workflow, named {@code synthetic}.
     */
    public static String syntheticYaml(int nodes) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("workflows:\n")
                .append("  synthetic:\n")
                .append("    description: \"A generated workflow of ").append(nodes).append(" nodes\"\n")
                .append("    metadata: {version: \"1.0\", vertical: benchmarks}\n")
                .append("    max_iterations: ").append(4 * nodes).append('\n')
                .append("    nodes:\n");
        int body = nodes - 1;
        for (int i = 0; i < body; i++) {
            String id = "step_" + i;
            String next = i + 1 < body ? "step_" + (i + 1) : "finish";
            switch (i % 4) {
                case 0 -> yaml.append("      - id: ").append(id).append('\n')
                        .append("        type: agent\n")
                        .append("        name: \"Agent step ").append(i).append("\"\n")
                        .append("        role: researcher\n")
                        .append("        goal: |\n")
                        .append("          Study the result of the previous step ({result_").append(i).append("})\n")
                        .append("          and write down what to do next, with the risks you see.\n")
                        .append("        tool_budget: 10\n")
                        .append("        tools: [read, grep, code_search]\n")
                        .append("        llm_config:\n")
                        .append("          temperature: 0.2\n")
                        .append("        output: result_").append(i + 1).append('\n')
                        .append("        next: [").append(next).append("]\n");
                case 1 -> yaml.append("      - id: ").append(id).append('\n')
                        .append("        type: compute\n")
                        .append("        name: \"Compute step ").append(i).append("\"\n")
                        .append("        handler: test_runner\n")
                        .append("        inputs:\n")
                        .append("          test_command: $ctx.test_command\n")
                        .append("          timeout: 60\n")
                        .append("        output: result_").append(i + 1).append('\n')
                        .append("        constraints:\n")
                        .append("          llm_allowed: false\n")
                        .append("          timeout: 60\n")
                        .append("        next: [").append(next).append("]\n");
                case 2 -> yaml.append("      - id: ").append(id).append('\n')
                        .append("        type: condition\n")
                        .append("        name: \"Check step ").append(i).append("\"\n")
                        .append("        condition: \"attempts_").append(i).append(" < 3 and not failed\"\n")
                        .append("        branches:\n")
                        .append("          \"true\": ").append(next).append('\n')
                        .append("          \"false\": finish\n");
                default -> yaml.append("      - id: ").append(id).append('\n')
                        .append("        type: transform\n")
                        .append("        name: \"Transform step ").append(i).append("\"\n")
                        .append("        transform: |\n")
                        .append("          attempts_").append(i + 3).append(" = ctx.get(\"attempts_").append(i + 3)
                        .append("\", 0) + 1\n")
                        .append("          summary = \"step ").append(i).append(" done\"\n")
                        .append("        next: [").append(next).append("]\n");
            }
        }
        yaml.append("      - id: finish\n")
                .append("        type: transform\n")
                .append("        transform: status = \"finished\"\n")
                .append("        next: []\n");
        return yaml.toString();
    }

    /** A resource of this module as text. */
    public static String resource(String name) {
        try (InputStream in = Workloads.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The corpus's refactor.yaml: 38 nodes in four workflows. */
    public static String refactorYaml() {
        return resource("/workflows/refactor.yaml");
    }

    // ---------------------------------------------------------------- checks

    /** Fails unless the run completed with {@code key == expected}. */
    public static void check(RunResult result, String key, int expected) {
        if (result.status() != RunStatus.COMPLETED) {
            throw new IllegalStateException("unexpected run: " + result.status() + " " + result.error());
        }
        check(result.state(), key, expected);
    }

    /** Fails unless {@code state.get(key) == expected}. */
    public static void check(Map<String, ?> state, String key, int expected) {
        Object value = state.get(key);
        if (!(value instanceof Number number) || number.intValue() != expected) {
            throw new IllegalStateException("unexpected state: " + key + "=" + value);
        }
    }
}
