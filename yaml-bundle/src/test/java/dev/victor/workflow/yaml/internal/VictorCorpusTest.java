package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.Interrupt;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.spi.NodeOutput;
import dev.victor.workflow.spi.StaticNodeServices;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Victor's corpus (copied into the test resources with its README): every workflow of every file
 * compiles through this plugin and the kernel, its warnings are the ones expected (the real
 * defects the README lists, with line numbers), and it runs to a terminal status with placeholder
 * agents and stub handlers, tools and named conditions; runs that stop at a human-in-the-loop
 * node are resumed until they end. None ends FAILED because of the engine: the three runs that
 * fail, fail in a transform of their own that cannot evaluate on stub data (see {@link CorpusSeeds}).
 */
class VictorCorpusTest {
    static final String LIBRARY = "victor/hitl_gates.yaml";
    private static final Map<String, List<String>> REPORT = new ConcurrentHashMap<>();

    static Path corpus() {
        try {
            return Path.of(VictorCorpusTest.class.getResource("/conformance/victor").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> workflowFiles() throws IOException {
        Path root = corpus();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).map(p -> root.relativize(p).toString())
                    .filter(name -> !name.equals(LIBRARY)).sorted().toList();
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<Object, Object>> workflowsOf(String file) throws IOException {
        Object root = new YamlTreeReader(YamlLimits.defaults())
                .read(Files.readString(corpus().resolve(file)), file).root();
        Map<Object, Object> workflows = (Map<Object, Object>) ((Map<Object, Object>) root).get("workflows");
        Map<String, Map<Object, Object>> result = new LinkedHashMap<>();
        workflows.forEach((name, definition) -> result.put(String.valueOf(name), (Map<Object, Object>) definition));
        return result;
    }

    static Stream<Arguments> workflows() throws IOException {
        List<Arguments> all = new ArrayList<>();
        for (String file : workflowFiles()) {
            for (String name : workflowsOf(file).keySet()) {
                all.add(Arguments.of(file, name));
            }
        }
        return all.stream();
    }

    private final WorkflowCompilerPlugin plugin = YamlFiles.plugin();

    @Test
    void theCorpusHoldsNineteenFilesAndThirtyNineWorkflows() throws IOException {
        assertThat(workflowFiles()).hasSize(19);
        assertThat(workflows().count()).isEqualTo(39);
    }

    @ParameterizedTest(name = "{0} › {1}")
    @MethodSource("workflows")
    void everyWorkflowCompilesAndRunsToTheEnd(String file, String workflow) throws IOException {
        Path path = corpus().resolve(file);
        CompiledGraph graph = plugin.compile(path.toString(), workflow, true);
        assertThat(graph.name()).isEqualTo(workflow);
        for (Problem warning : graph.warnings()) {
            assertThat(warning.line()).as("every warning is located: " + warning).isPositive();
            assertThat(warning.source()).isEqualTo(path.toString());
        }

        CorpusScan scan = CorpusScan.of(workflow, workflowsOf(file).get(workflow));
        StaticNodeServices services = services(scan, file);
        RunConfig config = RunConfig.defaults().services(services);
        RunResult result = graph.invoke(CorpusSeeds.seed(file, workflow), config);
        List<String> resumes = new ArrayList<>();
        while (result.status() == RunStatus.INTERRUPTED && resumes.size() < 20) {
            Interrupt interrupt = result.interrupt();
            Object response = CorpusSeeds.response(scan, interrupt);
            resumes.add(interrupt.nodeId() + "=" + response);
            result = graph.resume(result.threadId(), response, RunConfig.withThreadId(result.threadId()).services(services));
        }
        REPORT.computeIfAbsent(file, f -> new ArrayList<>()).add(String.format("%s: %d warnings, %s after %d steps%s%s",
                workflow, graph.warnings().size(), result.status(), result.iterations(),
                resumes.isEmpty() ? "" : ", resumed " + resumes,
                result.error() == null ? "" : " (" + result.error().message() + ")"));
        assertThat(result.status()).as("%s › %s ended %s: %s", file, workflow, result.status(), result.error())
                .isEqualTo(CorpusSeeds.expectedStatus(file, workflow));
        CorpusSeeds.ExpectedFailure failure = CorpusSeeds.expectedFailure(file, workflow);
        if (failure != null) {
            // Not the engine: the workflow's own transform, evaluating on data it cannot handle.
            assertThat(result.error().nodeId()).isEqualTo(failure.node());
            assertThat(result.error().type()).isEqualTo("dev.victor.workflow.expr.ExpressionEvaluationException");
            assertThat(result.error().message()).startsWith("transform node '" + failure.node() + "' failed: ");
        }
    }

    /** Stubs for every handler, tool, named transform and registered condition the workflow names. */
    static StaticNodeServices services(CorpusScan scan, String file) {
        StaticNodeServices.Builder builder = StaticNodeServices.builder();
        for (String handler : scan.handlers) {
            builder.handler(handler, call -> NodeOutput.of(Map.of("handler", handler, "status", "ok")));
        }
        for (String tool : scan.tools) {
            builder.tool(tool, call -> Map.of("tool", tool, "status", "ok"));
        }
        for (String transform : scan.namedTransforms) {
            builder.transform(transform, state -> Map.of(transform + "_done", true));
        }
        for (String condition : scan.registeredConditions()) {
            String chosen = CorpusSeeds.label(file, scan.workflow, condition);
            String label = chosen != null ? chosen : scan.stubLabel(condition);
            builder.condition(condition, state -> label);
        }
        return builder.build();
    }

    @AfterAll
    static void writeReport() throws IOException {
        if (REPORT.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder("# Victor corpus: compile and run results\n\n");
        new TreeMap<>(REPORT).forEach((file, lines) -> {
            text.append("## ").append(file).append('\n');
            lines.forEach(line -> text.append("- ").append(line).append('\n'));
            text.append('\n');
        });
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("victor-corpus-report.md"), text);
        }
    }
}
