package dev.victor.workflow.json.internal;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.model.ReaderOptions;
import dev.victor.workflow.model.WorkflowDocument;
import dev.victor.workflow.model.WorkflowReader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Victor's corpus as JSON: every workflow compiles through this plugin and the kernel, and each
 * file gets as many warnings, located in the JSON file, as the YAML original does (the YAML
 * plugin's corpus test lists them).
 */
class JsonCorpusTest {
    /** Warnings per file of the YAML corpus (yaml-bundle CorpusWarningsTest). */
    private static final Map<String, Integer> YAML_WARNINGS = Map.ofEntries(
            Map.entry("benchmark/agentic_bench.json", 7), Map.entry("benchmark/code_generation.json", 6),
            Map.entry("benchmark/swe_bench.json", 7), Map.entry("victor/feature_workflows.json", 2),
            Map.entry("victor_coding/bugfix.json", 3), Map.entry("victor_coding/feature.json", 2),
            Map.entry("victor_coding/multi_agent_consensus.json", 7), Map.entry("victor_coding/refactor.json", 8),
            Map.entry("victor_coding/tdd.json", 2), Map.entry("victor_coding/team_node_example.json", 5),
            Map.entry("victor_dataanalysis/automl_pipeline.json", 3),
            Map.entry("victor_dataanalysis/data_cleaning.json", 2), Map.entry("victor_dataanalysis/ml_pipeline.json", 3),
            Map.entry("victor_dataanalysis/statistical_analysis.json", 0),
            Map.entry("victor_devops/container_setup.json", 4), Map.entry("victor_rag/ingest.json", 9),
            Map.entry("victor_research/competitive_analysis.json", 0), Map.entry("victor_research/fact_check.json", 1),
            Map.entry("victor_research/literature_review.json", 0));

    static Stream<String> files() {
        return YAML_WARNINGS.keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void warningsMatchTheYamlOriginal(String file) throws IOException {
        Path path = corpus().resolve(file);
        JsonTreeReader.Parsed parsed = new JsonTreeReader(JsonLimits.defaults()).read(Files.readString(path), file);
        WorkflowDocument document = new WorkflowReader(ReaderOptions.defaults().withSystemEnvironment())
                .read(parsed.root(), parsed.positions(), file, true);
        assertThat(document.hasErrors()).as("%s: %s", file, document.problems()).isFalse();
        assertThat(document.problems()).hasSize(YAML_WARNINGS.get(file));
        assertThat(document.problems()).allSatisfy(problem -> {
            assertThat(problem.line()).isPositive();
            assertThat(problem.column()).isPositive();
        });
    }

    static Path corpus() {
        try {
            return Path.of(JsonCorpusTest.class.getResource("/conformance/victor-json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> workflows() throws IOException {
        Path root = corpus();
        List<Arguments> all = new ArrayList<>();
        JsonTreeReader reader = new JsonTreeReader(JsonLimits.defaults());
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                Map<Object, Object> tree = (Map<Object, Object>) reader.read(Files.readString(file), null).root();
                if (tree.get("workflows") instanceof Map<?, ?> workflows) {
                    for (Object name : workflows.keySet()) {
                        all.add(Arguments.of(root.relativize(file).toString(), name.toString()));
                    }
                }
            }
        }
        return all.stream();
    }

    @Test
    void thirtyNineWorkflows() throws IOException {
        assertThat(workflows().count()).isEqualTo(39);
    }

    @ParameterizedTest(name = "{0} › {1}")
    @MethodSource("workflows")
    void compiles(String file, String workflow) {
        Path path = corpus().resolve(file);
        CompiledGraph graph = JsonFiles.plugin().compile(path.toString(), workflow, true);
        assertThat(graph.name()).isEqualTo(workflow);
        for (Problem warning : graph.warnings()) {
            assertThat(warning.line()).as("located: " + warning).isPositive();
            assertThat(warning.source()).isEqualTo(path.toString());
        }
    }
}
