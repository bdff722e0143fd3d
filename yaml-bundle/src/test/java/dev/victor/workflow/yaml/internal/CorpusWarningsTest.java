package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.Severity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warnings each corpus file gets, with their lines: the defects the corpus README names
 * (terminal nodes that fall through into the next node, conditions on a bare key whose branches
 * are labelled with values) plus unknown keys, {@code ${...}} texts and compute nodes that do
 * nothing. Unquoted {@code true:}/{@code false:} labels do not occur in this corpus; that warning
 * is tested in {@code KernelBadInputTest} on a small document.
 *
 * <p>Nodes whose names do not say "end" are caught when a condition chooses between them and the
 * node they fall into ({@code container_setup.block_push}, {@code document_ingest.no_documents},
 * {@code incremental_update.no_changes}: Victor's census, §6.4 item 7, counts them as meant to be
 * terminal).
 */
class CorpusWarningsTest {

    /** One expected warning. */
    record Expected(String workflow, String node, int line, String text) {
        boolean matches(Problem problem) {
            return problem.severity() == Severity.WARNING && workflow.equals(problem.workflow())
                    && (node == null ? problem.node() == null : node.equals(problem.node()))
                    && problem.line() == line && problem.message().contains(text);
        }

        @Override
        public String toString() {
            return workflow + (node == null ? "" : "/" + node) + " line " + line + ": ..." + text + "...";
        }
    }

    private static final Map<String, List<Expected>> EXPECTED = new LinkedHashMap<>();

    private static Expected w(String workflow, String node, int line, String text) {
        return new Expected(workflow, node, line, text);
    }

    private static void expect(String file, Expected... warnings) {
        EXPECTED.put(file, List.of(warnings));
    }

    static {
        expect("benchmark/agentic_bench.yaml",
                w("live_code_bench", "check_execution", 141, "is a bare name and its branches are labelled with values"),
                w("live_code_bench", "should_retry", 173, "is a bare name and its branches are labelled with values"),
                w("big_code_bench", "check_complexity", 276, "is a bare name and its branches are labelled with values"),
                w("big_code_bench", "check_verification", 357, "is a bare name and its branches are labelled with values"),
                w("big_code_bench", "should_continue", 381, "is a bare name and its branches are labelled with values"),
                w("aider_polyglot", "check_result", 510, "is a bare name and its branches are labelled with values"),
                w("aider_polyglot", "should_retry", 534, "is a bare name and its branches are labelled with values"));
        expect("benchmark/code_generation.yaml",
                w("code_generation", "check_tests", 100, "is a bare name and its branches are labelled with values"),
                w("code_generation", "should_retry", 132, "is a bare name and its branches are labelled with values"),
                w("code_generation", "complete_success", 173, "falls through into"),
                w("multi_function", "integrate_test", 252, "'${helper_code}' is not environment interpolation"),
                w("multi_function", "integrate_test", 252, "'${main_code}' is not environment interpolation"),
                w("multi_function", "check_integration", 264, "is a bare name and its branches are labelled with values"));
        expect("benchmark/swe_bench.yaml",
                w("swe_bench", "check_complexity", 84, "is a bare name and its branches are labelled with values"),
                w("swe_bench", "check_test_status", 155, "is a bare name and its branches are labelled with values"),
                w("swe_bench", "should_retry", 187, "is a bare name and its branches are labelled with values"),
                w("swe_bench", "handle_escalation", 260, "is a bare name and its branches are labelled with values"),
                w("swe_bench", "quality_check", 272, "is a bare name and its branches are labelled with values"),
                w("swe_bench", "complete", 304, "falls through into"),
                w("swe_bench_lite", "check_result", 375, "is a bare name and its branches are labelled with values"));
        expect("victor/feature_workflows.yaml",
                w("python_feature", "create_feature_files", 34, "unknown key 'instructions'"),
                w("python_feature_with_git", "create_feature_files", 61, "unknown key 'instructions'"));
        expect("victor_coding/bugfix.yaml",
                w("bug_fix", "check_tests", 144, "is a bare name and its branches are labelled with values"),
                w("bug_fix", "should_retry", 170, "is a bare name and its branches are labelled with values"),
                w("bug_fix", "assess_quality", 221, "is a bare name and its branches are labelled with values"));
        expect("victor_coding/feature.yaml",
                w("feature_implementation", "handle_plan_review", 116, "is a bare name and its branches are labelled with values"),
                w("feature_implementation", "complete", 339, "falls through into"));
        expect("victor_coding/multi_agent_consensus.yaml",
                w("multi_agent_consensus_planning", "architect_analysis", 39, "unknown key 'disable_embeddings'"),
                w("multi_agent_consensus_planning", "practical_analysis", 69, "unknown key 'disable_embeddings'"),
                w("multi_agent_consensus_planning", "code_specialist_analysis", 102, "unknown key 'disable_embeddings'"),
                w("multi_agent_consensus_planning", "consensus_formation", 138, "unknown key 'disable_embeddings'"),
                w("multi_agent_consensus_planning", "final_review", 204, "unknown key 'disable_embeddings'"),
                w("multi_agent_consensus_planning", null, 233, "unknown key 'max_timeout_seconds'"),
                w("multi_agent_consensus_planning", null, 237, "unknown workflow key 'error_handling'"));
        expect("victor_coding/refactor.yaml",
                w("refactor", "check_baseline", 75, "is a bare name and its branches are labelled with values"),
                w("refactor", "assess_complexity", 125, "is a bare name and its branches are labelled with values"),
                w("refactor", "check_tests", 243, "is a bare name and its branches are labelled with values"),
                w("refactor", "should_retry", 271, "is a bare name and its branches are labelled with values"),
                w("refactor", "assess_quality", 319, "is a bare name and its branches are labelled with values"),
                w("rename", "check_rename", 420, "is a bare name and its branches are labelled with values"),
                w("extract", "check_extraction", 517, "is a bare name and its branches are labelled with values"),
                w("optimize", "check_tests", 631, "is a bare name and its branches are labelled with values"));
        expect("victor_coding/tdd.yaml",
                w("tdd", "handle_escalation", 207, "is a bare name and its branches are labelled with values"),
                w("tdd", "complete", 358, "falls through into"));
        expect("victor_coding/team_node_example.yaml",
                w("team_node_demo", "decide_approach", 32, "is a bare name and its branches are labelled with values"),
                w("team_node_demo", "small_team", 66, "unknown key 'merge_mode'"),
                w("team_node_demo", "large_team", 127, "unknown key 'merge_mode'"),
                w("team_node_demo", null, 227, "unknown key 'max_timeout_seconds'"),
                w("team_node_demo", null, 231, "unknown workflow key 'error_handling'"));
        expect("victor_dataanalysis/automl_pipeline.yaml",
                w("automl", "route_task", 70, "is a bare name and its branches are labelled with values"),
                w("automl", "route_framework", 145, "is a bare name and its branches are labelled with values"),
                w("automl", "complete", 455, "falls through into"));
        expect("victor_dataanalysis/data_cleaning.yaml",
                w("data_cleaning", "check_quality", 172, "is a bare name and its branches are labelled with values"),
                w("data_cleaning", "retry_check", 332, "is a bare name and its branches are labelled with values"));
        expect("victor_dataanalysis/ml_pipeline.yaml",
                w("ml_pipeline", "handle_approval", 461, "is a bare name and its branches are labelled with values"),
                w("ml_pipeline", "abort_pipeline", 467, "falls through into"),
                w("ml_pipeline", "end_with_recommendations", 474, "falls through into"));
        expect("victor_dataanalysis/statistical_analysis.yaml");
        expect("victor_devops/container_setup.yaml",
                w("container_setup", "check_build", 209, "is a bare name and its branches are labelled with values"),
                w("container_setup", "check_security", 290, "is a bare name and its branches are labelled with values"),
                w("container_setup", "block_push", 322, "chooses between 'block_push' and 'test_container'"),
                w("container_quick", "quick_test", 494, "'${image_tag}' is not environment interpolation"));
        expect("victor_rag/ingest.yaml",
                w("document_ingest", "no_documents", 206, "chooses between 'no_documents' and 'parallel_parse'"),
                w("document_ingest", "extract_topics", 422, "has neither 'handler' nor 'tools'"),
                w("document_ingest", "extract_dates", 442, "has neither 'handler' nor 'tools'"),
                w("document_ingest", "verify_embeddings", 514, "has neither 'handler' nor 'tools'"),
                w("document_ingest", "handle_embedding_decision", 572, "is a bare name and its branches are labelled with values"),
                w("document_ingest", "verify_ingestion", 617, "has neither 'handler' nor 'tools'"),
                w("document_ingest", "handle_ingestion_decision", 668, "is a bare name and its branches are labelled with values"),
                w("document_ingest", "complete", 735, "falls through into"),
                w("incremental_update", "no_changes", 783, "chooses between 'no_changes' and 'process_changes'"));
        expect("victor_research/competitive_analysis.yaml");
        expect("victor_research/fact_check.yaml",
                w("fact_check", "check_evidence_quality", 221, "is a bare name and its branches are labelled with values"));
        expect("victor_research/literature_review.yaml");
    }

    static List<String> files() throws IOException {
        return VictorCorpusTest.workflowFiles();
    }

    /** Every warning of every workflow of the file, as compiling each through the plugin reports them. */
    static List<Problem> warnings(String file) throws IOException {
        Path path = VictorCorpusTest.corpus().resolve(file);
        WorkflowCompilerPlugin plugin = YamlFiles.plugin();
        Set<Problem> warnings = new LinkedHashSet<>();
        List<String> names = plugin.workflowNames(path.toString());
        assertThat(names).containsExactlyElementsOf(VictorCorpusTest.workflowsOf(file).keySet());
        for (String workflow : names) {
            warnings.addAll(plugin.compile(path.toString(), workflow, true).warnings());
        }
        return new ArrayList<>(warnings);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void eachFileGetsItsWarnings(String file) throws IOException {
        List<Expected> expected = EXPECTED.get(file);
        assertThat(expected).as("a table entry for " + file).isNotNull();
        List<Problem> actual = warnings(file);
        List<Expected> missing = new ArrayList<>();
        for (Expected warning : expected) {
            if (actual.stream().noneMatch(warning::matches)) {
                missing.add(warning);
            }
        }
        assertThat(missing).as("warnings not reported in %s; reported: %s", file, actual).isEmpty();
        assertThat(actual).as("every warning of %s is expected", file).hasSameSizeAs(expected);
        assertThat(actual).allSatisfy(problem -> {
            assertThat(problem.line()).isPositive();
            assertThat(problem.column()).isPositive();
        });
    }
}
