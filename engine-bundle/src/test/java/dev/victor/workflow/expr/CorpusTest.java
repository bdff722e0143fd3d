package dev.victor.workflow.expr;

import static dev.victor.workflow.expr.Eval.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code condition:} of a condition node and every {@code transform:} of a transform node
 * in the Victor corpus (conformance/victor, copied here verbatim; a text used by several nodes
 * appears once, with all its places), each run against a state in which it means something.
 */
class CorpusTest {
    /** Stands for "an ISO-8601 UTC timestamp" in an expected transform result. */
    private static final Object TIMESTAMP = new Object();

    /** An expected value given as its Python str() (for tuples, which Java cannot write). */
    private record AsText(String text) {
    }

    // ---- conditions that are expressions ----

    static Stream<Arguments> conditionExpressions() {
        return Stream.of(
            condition("victor_coding/feature.yaml check_complexity", "estimated_changes > 5",
                state("estimated_changes", 8), true),
            condition("victor_coding/feature.yaml check_complexity", "estimated_changes > 5",
                state("estimated_changes", 5), false),
            condition("victor_coding/feature.yaml check_complexity", "estimated_changes > 5",
                state(), false),
            condition("victor_coding/feature.yaml check_retry", "retry_attempts < 3 and not tests_passed",
                state("retry_attempts", 1, "tests_passed", false), true),
            condition("victor_coding/feature.yaml check_retry", "retry_attempts < 3 and not tests_passed",
                state("retry_attempts", 3, "tests_passed", false), false),
            condition("victor_coding/feature.yaml check_retry", "retry_attempts < 3 and not tests_passed",
                state("retry_attempts", 0, "tests_passed", true), false),
            condition("victor_coding/tdd.yaml retry_implementation", "implementation_attempts < 3",
                state("implementation_attempts", 2), true),
            condition("victor_coding/tdd.yaml check_more_tests", "remaining_test_cases > 0",
                state("remaining_test_cases", 0), false),
            condition("victor_coding/tdd.yaml check_more_tests", "remaining_test_cases > 0",
                state("remaining_test_cases", 4L), true),
            condition("victor_coding/tdd.yaml check_coverage", "coverage >= min_coverage",
                state("coverage", 82.5, "min_coverage", 80), true),
            condition("victor_coding/tdd.yaml check_coverage", "coverage >= min_coverage",
                state("coverage", 79, "min_coverage", 80.0), false),
            condition("victor_coding/tdd.yaml check_coverage", "coverage >= min_coverage",
                state("coverage", 80, "min_coverage", 80.0), true),
            condition("victor_coding/tdd.yaml check_coverage", "coverage >= min_coverage",
                state("min_coverage", 80), false),
            condition("victor_dataanalysis/ml_pipeline.yaml check_data_quality", "validation_score >= 0.7",
                state("validation_score", 0.7), true),
            condition("victor_dataanalysis/ml_pipeline.yaml check_data_quality", "validation_score >= 0.7",
                state("validation_score", 0.69), false),
            condition("victor_dataanalysis/ml_pipeline.yaml select_model", "best_model_score >= 0.85",
                state("best_model_score", 0.9), true),
            condition("victor_dataanalysis/statistical_analysis.yaml assumption_check",
                "assumptions_report.violations_count <= 2",
                state("assumptions_report", Map.of("violations_count", 1, "tests", List.of("shapiro"))), true),
            condition("victor_dataanalysis/statistical_analysis.yaml assumption_check",
                "assumptions_report.violations_count <= 2",
                state("assumptions_report", Map.of("violations_count", 3)), false),
            condition("victor_dataanalysis/statistical_analysis.yaml assumption_check",
                "assumptions_report.violations_count <= 2",
                state(), false),
            condition("victor_devops/container_setup.yaml check_tests", "test_results.success",
                state("test_results", Map.of("success", true, "failed", 0)), true),
            condition("victor_devops/container_setup.yaml check_tests", "test_results.success",
                state("test_results", Map.of("success", false)), false),
            condition("victor_devops/container_setup.yaml check_tests", "test_results.success",
                state(), null),
            condition("victor_rag/ingest.yaml check_document_count", "document_count > 0",
                state("document_count", 12), true),
            condition("victor_rag/ingest.yaml check_validation", "validation_score >= 0.8",
                state("validation_score", 0.75), false),
            condition("victor_rag/ingest.yaml check_embeddings", "embedding_validation.passed",
                state("embedding_validation", Map.of("passed", true, "dimension", 768)), true),
            condition("victor_rag/ingest.yaml retry_embeddings", "embedding_retries < 3",
                state("embedding_retries", 1), true),
            condition("victor_rag/ingest.yaml check_verification",
                "verification.count_match and verification.sample_search_works",
                state("verification", Map.of("count_match", true, "sample_search_works", true)), true),
            condition("victor_rag/ingest.yaml check_verification",
                "verification.count_match and verification.sample_search_works",
                state("verification", Map.of("count_match", true, "sample_search_works", false)), false),
            condition("victor_rag/ingest.yaml check_verification",
                "verification.count_match and verification.sample_search_works",
                state("verification", Map.of("count_match", 0, "sample_search_works", true)), 0L),
            condition("victor_research/literature_review.yaml check_inclusion_rate", "included_count >= 10",
                state("included_count", 10), true));
    }

    private static Arguments condition(String where, String text, Map<String, Object> state, Object expected) {
        return Arguments.of(where, text, state, expected);
    }

    @ParameterizedTest(name = "{0}: {1} with {2}")
    @MethodSource("conditionExpressions")
    void conditionExpressionsEvaluate(String where, String text, Map<String, Object> state, Object expected) {
        Expression e = Expression.parse(text);
        assertThat(e.bareName()).isEmpty();
        assertThat(e.text()).isEqualTo(text);
        assertThat(e.evaluate(state)).as(where).isEqualTo(expected);
    }

    // ---- conditions that are one name: a registered condition function, or a state key ----

    /** Each bare-name condition of the corpus, with the nodes that use it. */
    private static final String[][] BARE_CONDITIONS = {
        {"test_execution_status", "benchmark/agentic_bench.yaml check_execution; benchmark/code_generation.yaml check_tests, check_integration; benchmark/swe_bench.yaml check_test_status, check_result"},
        {"should_continue_fixing", "benchmark/agentic_bench.yaml should_retry, should_continue; benchmark/code_generation.yaml should_retry; benchmark/swe_bench.yaml should_retry; victor_coding/bugfix.yaml should_retry; victor_coding/refactor.yaml should_retry"},
        {"code_complexity_check", "benchmark/agentic_bench.yaml check_complexity; benchmark/swe_bench.yaml check_complexity"},
        {"verification_status", "benchmark/agentic_bench.yaml check_verification, check_result"},
        {"escalation_decision", "benchmark/swe_bench.yaml handle_escalation"},
        {"solution_quality_check", "benchmark/swe_bench.yaml quality_check"},
        {"tests_passing", "victor_coding/bugfix.yaml check_tests; victor_coding/refactor.yaml check_baseline, check_tests, check_rename, check_extraction; victor_coding/tdd.yaml check_green, check_refactor, check_pass"},
        {"code_quality_check", "victor_coding/bugfix.yaml assess_quality; victor_coding/refactor.yaml assess_quality"},
        {"plan_approval", "victor_coding/feature.yaml handle_plan_review"},
        {"tests_passed", "victor_coding/feature.yaml check_tests"},
        {"has_critical_issues", "victor_coding/feature.yaml check_review"},
        {"fix_verified", "victor_coding/feature.yaml check_verification"},
        {"complexity_assessment", "victor_coding/refactor.yaml assess_complexity"},
        {"test_failed_as_expected", "victor_coding/tdd.yaml check_red"},
        {"escalation_choice", "victor_coding/tdd.yaml handle_escalation"},
        {"test_failed", "victor_coding/tdd.yaml check_test"},
        {"complexity_check", "victor_coding/team_node_example.yaml decide_approach"},
        {"task_type", "victor_dataanalysis/automl_pipeline.yaml route_task"},
        {"framework_choice", "victor_dataanalysis/automl_pipeline.yaml route_framework"},
        {"pycaret_success", "victor_dataanalysis/automl_pipeline.yaml check_pycaret"},
        {"try_alternative", "victor_dataanalysis/automl_pipeline.yaml route_alternative"},
        {"autosklearn_success", "victor_dataanalysis/automl_pipeline.yaml check_autosklearn"},
        {"quality_threshold", "victor_dataanalysis/data_cleaning.yaml check_quality"},
        {"should_retry_cleaning", "victor_dataanalysis/data_cleaning.yaml retry_check"},
        {"approval_choice", "victor_dataanalysis/ml_pipeline.yaml handle_approval"},
        {"container_build_status", "victor_devops/container_setup.yaml check_build"},
        {"security_scan_verdict", "victor_devops/container_setup.yaml check_security"},
        {"embedding_decision", "victor_rag/ingest.yaml handle_embedding_decision"},
        {"ingestion_decision", "victor_rag/ingest.yaml handle_ingestion_decision"},
        {"has_changes", "victor_rag/ingest.yaml check_changes"},
        {"source_credibility_check", "victor_research/fact_check.yaml check_evidence_quality"},
    };

    @Test
    void bareNameConditionsReadTheirKey() {
        for (String[] c : BARE_CONDITIONS) {
            Expression e = Expression.parse(c[0]);
            assertThat(e.bareName()).as(c[1]).contains(c[0]);
            assertThat(e.evaluate(state(c[0], true))).as(c[1]).isEqualTo(true);
            assertThat(e.evaluate(state(c[0], "Approve"))).as(c[1]).isEqualTo("Approve");
            assertThat(e.evaluate(state())).as(c[1]).isNull();
            assertThat(PyValues.str(e.evaluate(state(c[0], false)))).isEqualTo("False");
        }
    }

    @Test
    void bareNameTransformsAreRegisteredFunctionsNotPrograms() {
        // benchmark/code_generation.yaml analyze_and_fix, benchmark/swe_bench.yaml analyze_failures, format_output
        for (String name : List.of("extract_error_patterns", "format_solution_output")) {
            assertThatThrownBy(() -> TransformProgram.parse(name)).isInstanceOf(ExpressionSyntaxException.class)
                    .hasMessageContaining("a statement must assign");
            assertThat(Expression.parse(name).bareName()).contains(name);
        }
    }

    // ---- transforms ----

    static Stream<Arguments> transforms() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(transform("benchmark/agentic_bench.yaml increment_iteration",
            "fix_iterations = ctx.get(\"fix_iterations\", 0) + 1\n",
            state("fix_iterations", 2), result("fix_iterations", 3L)));
        cases.add(transform("benchmark/agentic_bench.yaml increment_iteration (first time)",
            "fix_iterations = ctx.get(\"fix_iterations\", 0) + 1\n",
            state(), result("fix_iterations", 1L)));
        cases.add(transform("benchmark/agentic_bench.yaml submit_solution",
            "status = \"completed\"\nsubmitted_code = ctx.get(\"solution_code\", \"\")\n",
            state("solution_code", "def f(): pass"), result("status", "completed", "submitted_code", "def f(): pass")));
        cases.add(transform("benchmark/agentic_bench.yaml format_output",
            "status = \"completed\"\nsolution_code = ctx.get(\"implementation_result\", \"\")\n",
            state(), result("status", "completed", "solution_code", "")));
        cases.add(transform("benchmark/agentic_bench.yaml complete",
            "status = \"completed\"\nsolution_code = ctx.get(\"changed_code\", \"\")\n",
            state("changed_code", "x = 1"), result("status", "completed", "solution_code", "x = 1")));
        cases.add(transform("benchmark/code_generation.yaml update_iteration",
            "fix_iterations = (fix_iterations or 0) + 1\ngenerated_code = refined_code\n",
            state("refined_code", "v2"), result("fix_iterations", 1L, "generated_code", "v2")));
        cases.add(transform("benchmark/code_generation.yaml update_iteration (again)",
            "fix_iterations = (fix_iterations or 0) + 1\ngenerated_code = refined_code\n",
            state("fix_iterations", 1, "refined_code", "v3"), result("fix_iterations", 2L, "generated_code", "v3")));
        cases.add(transform("benchmark/code_generation.yaml complete_success",
            "status = \"completed\"\nsuccess = true\nsolution = generated_code\n",
            state("generated_code", "code"), result("status", "completed", "success", true, "solution", "code")));
        cases.add(transform("benchmark/code_generation.yaml complete_partial",
            "status = \"completed\"\nsuccess = false\nsolution = generated_code\nnotes = \"Submitted with failing tests\"\n",
            state("generated_code", "code"),
            result("status", "completed", "success", false, "solution", "code", "notes", "Submitted with failing tests")));
        cases.add(transform("benchmark/code_generation.yaml done (fixed code)",
            "status = \"completed\"\nsolution = fixed_code or (helper_code + main_code)\n",
            state("fixed_code", "fixed", "helper_code", 1, "main_code", "never evaluated"),
            result("status", "completed", "solution", "fixed")));
        cases.add(transform("benchmark/code_generation.yaml done (helper + main)",
            "status = \"completed\"\nsolution = fixed_code or (helper_code + main_code)\n",
            state("fixed_code", "", "helper_code", "def h(): ...\n", "main_code", "h()\n"),
            result("status", "completed", "solution", "def h(): ...\nh()\n")));
        cases.add(transform("benchmark/code_generation.yaml done; benchmark/swe_bench.yaml done; victor_coding/tdd.yaml complete",
            "status = \"completed\"\n",
            state(), result("status", "completed")));
        cases.add(transform("benchmark/swe_bench.yaml increment_iteration (progress)",
            "fix_iterations = (fix_iterations or 0) + 1\nprogress_made = (pass_rate > previous_pass_rate) if previous_pass_rate else true\nprevious_pass_rate = pass_rate\n",
            state("fix_iterations", 2, "pass_rate", 0.8, "previous_pass_rate", 0.6),
            result("fix_iterations", 3L, "progress_made", true, "previous_pass_rate", 0.8)));
        cases.add(transform("benchmark/swe_bench.yaml increment_iteration (no progress)",
            "fix_iterations = (fix_iterations or 0) + 1\nprogress_made = (pass_rate > previous_pass_rate) if previous_pass_rate else true\nprevious_pass_rate = pass_rate\n",
            state("pass_rate", 0.5, "previous_pass_rate", 0.6),
            result("fix_iterations", 1L, "progress_made", false, "previous_pass_rate", 0.5)));
        cases.add(transform("benchmark/swe_bench.yaml increment_iteration (first time)",
            "fix_iterations = (fix_iterations or 0) + 1\nprogress_made = (pass_rate > previous_pass_rate) if previous_pass_rate else true\nprevious_pass_rate = pass_rate\n",
            state("pass_rate", 0.5),
            result("fix_iterations", 1L, "progress_made", true, "previous_pass_rate", 0.5)));
        cases.add(transform("benchmark/swe_bench.yaml complete; victor_coding/feature.yaml complete",
            "status = \"completed\"\ncompletion_time = current_timestamp()\n",
            state(), result("status", "completed", "completion_time", TIMESTAMP)));
        cases.add(transform("benchmark/swe_bench.yaml complete_failed",
            "status = \"failed\"\ncompletion_time = current_timestamp()\n",
            state(), result("status", "failed", "completion_time", TIMESTAMP)));
        cases.add(transform("victor_coding/bugfix.yaml complete",
            "status = \"completed\"\nsuccess = true\n",
            state(), result("status", "completed", "success", true)));
        cases.add(transform("victor_coding/bugfix.yaml done",
            "status = \"completed\"\nsuccess = test_results.get(\"failed\", 0) == 0\n",
            state("test_results", Map.of("passed", 12, "failed", 0)), result("status", "completed", "success", true)));
        cases.add(transform("victor_coding/bugfix.yaml done (failures)",
            "status = \"completed\"\nsuccess = test_results.get(\"failed\", 0) == 0\n",
            state("test_results", Map.of("passed", 10, "failed", 2)), result("status", "completed", "success", false)));
        cases.add(transform("victor_coding/bugfix.yaml complete (investigation)",
            "status = \"completed\"\ninvestigation_complete = true\n",
            state(), result("status", "completed", "investigation_complete", true)));
        cases.add(transform("victor_coding/feature.yaml abort; victor_coding/tdd.yaml abort; victor_rag/ingest.yaml abort",
            "status = \"aborted\"\n",
            state(), result("status", "aborted")));
        cases.add(transform("victor_coding/feature.yaml complete (fix)",
            "status = \"fixed\"\nresolution_time = current_timestamp()\n",
            state(), result("status", "fixed", "resolution_time", TIMESTAMP)));
        cases.add(transform("victor_coding/refactor.yaml finalize",
            "status = \"completed\"\nsuccess = True\nfiles_changed = ctx.get(\"refactor_result\", {}).get(\"files\", [])\n",
            state("refactor_result", Map.of("files", List.of("a.py", "b.py"))),
            result("status", "completed", "success", true, "files_changed", List.of("a.py", "b.py"))));
        cases.add(transform("victor_coding/refactor.yaml finalize (no result)",
            "status = \"completed\"\nsuccess = True\nfiles_changed = ctx.get(\"refactor_result\", {}).get(\"files\", [])\n",
            state(), result("status", "completed", "success", true, "files_changed", List.of())));
        cases.add(transform("victor_coding/refactor.yaml complete (rename, extraction)",
            "status = \"completed\"\nsuccess = True\n",
            state(), result("status", "completed", "success", true)));
        cases.add(transform("victor_coding/refactor.yaml complete (optimization)",
            "status = \"completed\"\nsuccess = True\noptimizations_applied = ctx.get(\"optimization_plan\", {}).get(\"optimizations\", [])\n",
            state("optimization_plan", Map.of("optimizations", List.of("cache"))),
            result("status", "completed", "success", true, "optimizations_applied", List.of("cache"))));
        cases.add(transform("victor_coding/tdd.yaml start_tdd_cycle (first)",
            "tdd_iteration = tdd_iteration + 1 if tdd_iteration else 1\ncurrent_phase = \"red\"\n",
            state(), result("tdd_iteration", 1L, "current_phase", "red")));
        cases.add(transform("victor_coding/tdd.yaml start_tdd_cycle (next)",
            "tdd_iteration = tdd_iteration + 1 if tdd_iteration else 1\ncurrent_phase = \"red\"\n",
            state("tdd_iteration", 2), result("tdd_iteration", 3L, "current_phase", "red")));
        cases.add(transform("victor_coding/tdd.yaml next_test_case",
            "current_test_case = test_cases[tdd_iteration]\nimplementation_attempts = 0\n",
            state("test_cases", List.of("test_add", "test_sub", "test_mul"), "tdd_iteration", 1),
            result("current_test_case", "test_sub", "implementation_attempts", 0L)));
        cases.add(transform("victor_coding/tdd.yaml complete",
            "status = \"completed\"\ntests_written = tdd_iteration\nfinal_coverage = coverage\n",
            state("tdd_iteration", 4, "coverage", 91.5),
            result("status", "completed", "tests_written", 4L, "final_coverage", 91.5)));
        cases.add(transform("victor_dataanalysis/automl_pipeline.yaml complete",
            "status = \"completed\"\nbest_model = selected_model\nreport = automl_report\n",
            state("selected_model", Map.of("name", "xgboost"), "automl_report", "report.md"),
            result("status", "completed", "best_model", Map.of("name", "xgboost"), "report", "report.md")));
        cases.add(transform("victor_dataanalysis/automl_pipeline.yaml complete_failed",
            "status = \"failed\"\nerror = failure_reason\n",
            state("failure_reason", "no framework"), result("status", "failed", "error", "no framework")));
        cases.add(transform("victor_dataanalysis/data_cleaning.yaml init",
            "iteration = 0\nmax_iterations = 3\nvalidation_passed = false\n",
            state(), result("iteration", 0L, "max_iterations", 3L, "validation_passed", false)));
        cases.add(transform("victor_dataanalysis/data_cleaning.yaml update_iteration",
            "iteration = iteration + 1\nvalidation_passed = validation_result.passed\n",
            state("iteration", 0, "validation_result", Map.of("passed", true, "issues", List.of())),
            result("iteration", 1L, "validation_passed", true)));
        cases.add(transform("victor_dataanalysis/data_cleaning.yaml complete",
            "workflow_status = \"completed\"\noutput_files = [cleaned_data_path, documentation_path]\n",
            state("cleaned_data_path", "clean.csv", "documentation_path", "README.md"),
            result("workflow_status", "completed", "output_files", List.of("clean.csv", "README.md"))));
        cases.add(transform("victor_dataanalysis/ml_pipeline.yaml combine_features",
            """
            feature_matrix = concat(
              numeric_transformed,
              categorical_transformed,
              text_transformed
            )
            """,
            state("numeric_transformed", List.of("age", "income"), "categorical_transformed", List.of("city_paris"),
                "text_transformed", null),
            result("feature_matrix", List.of("age", "income", "city_paris"))));
        cases.add(transform("victor_dataanalysis/ml_pipeline.yaml abort_pipeline",
            "pipeline_status = \"aborted\"\nabort_reason = \"User decision due to low model performance\"\n",
            state(), result("pipeline_status", "aborted", "abort_reason", "User decision due to low model performance")));
        cases.add(transform("victor_dataanalysis/ml_pipeline.yaml complete",
            "pipeline_status = \"completed\"\ncompletion_time = current_timestamp()\n",
            state(), result("pipeline_status", "completed", "completion_time", TIMESTAMP)));
        cases.add(transform("victor_dataanalysis/statistical_analysis.yaml complete",
            """
            workflow_status = "completed"
            outputs = {
              "report": report_path,
              "results": test_results,
              "interpretation": interpretation
            }
            """,
            state("report_path", "out/report.md", "test_results", Map.of("p", 0.03), "interpretation", "significant"),
            result("workflow_status", "completed", "outputs",
                result("report", "out/report.md", "results", Map.of("p", 0.03), "interpretation", "significant"))));
        cases.add(transform("victor_devops/container_setup.yaml block_push",
            "push_blocked = true\nblock_reason = \"Critical security vulnerabilities\"\n",
            state(), result("push_blocked", true, "block_reason", "Critical security vulnerabilities")));
        cases.add(transform("victor_devops/container_setup.yaml complete",
            """
            workflow_status = "completed"
            outputs = {
              "dockerfile": dockerfile_path,
              "compose": compose_path,
              "image": image_tag,
              "pushed": push_result.success
            }
            """,
            state("dockerfile_path", "Dockerfile", "compose_path", "compose.yaml", "image_tag", "app:1.0",
                "push_result", Map.of("success", true)),
            result("workflow_status", "completed", "outputs",
                result("dockerfile", "Dockerfile", "compose", "compose.yaml", "image", "app:1.0", "pushed", true))));
        cases.add(transform("victor_rag/ingest.yaml no_documents",
            "status = \"skipped\"\nreason = \"No documents matched criteria\"\n",
            state(), result("status", "skipped", "reason", "No documents matched criteria")));
        cases.add(transform("victor_rag/ingest.yaml aggregate_parsed",
            "all_documents = merge(pdf_content, docx_content, md_content, code_content)\ntotal_chars = sum(len(doc.content) for doc in all_documents)\n",
            state("pdf_content", List.of(Map.of("content", "abcd")), "docx_content", List.of(),
                "md_content", List.of(Map.of("content", "# T"), Map.of("content", "x")), "code_content", null),
            result("all_documents", List.of(Map.of("content", "abcd"), Map.of("content", "# T"), Map.of("content", "x")),
                "total_chars", 8L)));
        cases.add(transform("victor_rag/ingest.yaml combine_metadata",
            """
            chunk_metadata = []
            for chunk in chunks:
              metadata = {
                "entities": entities.get(chunk.id, []),
                "topics": topics.get(chunk.id, []),
                "temporal_refs": temporal_refs.get(chunk.id, []),
                "source_file": chunk.source,
                "position": chunk.position,
              }
              chunk_metadata.append((chunk, metadata))
            """,
            state("chunks", List.of(result("id", "c1", "source", "a.md", "position", 0),
                    result("id", "c2", "source", "b.md", "position", 1)),
                "entities", Map.of("c1", List.of("Paris")), "topics", Map.of("c2", List.of("travel")),
                "temporal_refs", Map.of()),
            result("chunk_metadata", new AsText("[({'id': 'c1', 'source': 'a.md', 'position': 0}, "
                    + "{'entities': ['Paris'], 'topics': [], 'temporal_refs': [], 'source_file': 'a.md', 'position': 0}), "
                    + "({'id': 'c2', 'source': 'b.md', 'position': 1}, "
                    + "{'entities': [], 'topics': ['travel'], 'temporal_refs': [], 'source_file': 'b.md', 'position': 1})]"),
                "metadata", result("entities", List.of(), "topics", List.of("travel"), "temporal_refs", List.of(),
                    "source_file", "b.md", "position", 1))));
        cases.add(transform("victor_rag/ingest.yaml complete (ingestion)",
            "status = \"completed\"\ndocuments_ingested = document_count\nchunks_created = chunk_count\ncompletion_time = current_timestamp()\n",
            state("document_count", 3, "chunk_count", 42),
            result("status", "completed", "documents_ingested", 3L, "chunks_created", 42L, "completion_time", TIMESTAMP)));
        cases.add(transform("victor_rag/ingest.yaml no_changes",
            "status = \"up_to_date\"\n",
            state(), result("status", "up_to_date")));
        cases.add(transform("victor_rag/ingest.yaml complete (incremental)",
            "status = \"completed\"\nadded_count = len(added)\nupdated_count = len(updated)\nremoved_count = len(removed)\n",
            state("added", List.of("a", "b"), "updated", List.of(), "removed", List.of("c")),
            result("status", "completed", "added_count", 2L, "updated_count", 0L, "removed_count", 1L)));
        cases.add(transform("victor_research/competitive_analysis.yaml aggregate_research",
            """
            competitor_profiles = merge(
              product_analysis,
              pricing_analysis,
              positioning_analysis
            )
            """,
            state("product_analysis", Map.of("acme", Map.of("product", "rockets")),
                "pricing_analysis", Map.of("acme", Map.of("price", 10), "globex", Map.of("price", 12)),
                "positioning_analysis", null),
            result("competitor_profiles", result("acme", result("product", "rockets", "price", 10),
                "globex", Map.of("price", 12)))));
        cases.add(transform("victor_research/competitive_analysis.yaml complete; victor_research/fact_check.yaml complete",
            "workflow_status = \"completed\"\noutput_files = [report]\n",
            state("report", "report.md"), result("workflow_status", "completed", "output_files", List.of("report.md"))));
        Map<String, Object> e1 = Map.of("claim", "a", "supports", true);
        Map<String, Object> e2 = Map.of("claim", "b", "refutes", true);
        Map<String, Object> e3 = Map.of("claim", "c", "supports", false, "refutes", false);
        cases.add(transform("victor_research/fact_check.yaml aggregate_evidence",
            "all_evidence = merge(primary_evidence, fact_check_results, news_evidence)\nsupporting_evidence = filter(all_evidence, supports=true)\nrefuting_evidence = filter(all_evidence, refutes=true)\n",
            state("primary_evidence", List.of(e1), "fact_check_results", List.of(e2), "news_evidence", List.of(e3)),
            result("all_evidence", List.of(e1, e2, e3), "supporting_evidence", List.of(e1),
                "refuting_evidence", List.of(e2))));
        Map<String, Object> p1 = Map.of("title", "Attention", "year", 2017);
        Map<String, Object> p2 = Map.of("title", "Attention", "year", 2018);
        Map<String, Object> p3 = Map.of("title", "BERT", "year", 2018);
        cases.add(transform("victor_research/literature_review.yaml deduplicate_results",
            "all_papers = merge(general_papers, preprint_papers, grey_lit)\nunique_papers = deduplicate(all_papers, by=\"title\")\npaper_count = len(unique_papers)\n",
            state("general_papers", List.of(p1), "preprint_papers", List.of(p2, p3), "grey_lit", null),
            result("all_papers", List.of(p1, p2, p3), "unique_papers", List.of(p1, p3), "paper_count", 2L)));
        cases.add(transform("victor_research/literature_review.yaml complete",
            "workflow_status = \"completed\"\noutput_files = [literature_review, bibliography]\n",
            state("literature_review", "review.md", "bibliography", "refs.bib"),
            result("workflow_status", "completed", "output_files", List.of("review.md", "refs.bib"))));
        return cases.stream();
    }

    private static Arguments transform(String where, String text, Map<String, Object> state, Map<String, Object> expected) {
        return Arguments.of(where, text, state, expected);
    }

    private static Map<String, Object> result(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void transformsRun(String where, String text, Map<String, Object> state, Map<String, Object> expected) {
        Map<String, Object> before = new LinkedHashMap<>(state);
        TransformProgram program = TransformProgram.parse(text);
        assertThat(program.text()).isEqualTo(text);
        assertThat(program.targets()).as(where).containsExactlyElementsOf(expected.keySet());
        Map<String, Object> out = program.apply(state);
        assertThat(out.keySet()).as(where).containsExactlyElementsOf(expected.keySet());
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            Object actual = out.get(e.getKey());
            if (e.getValue() instanceof AsText t) {
                assertThat(PyValues.str(actual)).as(where + ": " + e.getKey()).isEqualTo(t.text());
            } else if (e.getValue() == TIMESTAMP) {
                assertThat((String) actual).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
            } else {
                assertThat(PyValues.equal(actual, e.getValue())).as(where + ": " + e.getKey() + " = "
                        + PyValues.str(actual) + ", expected " + PyValues.str(e.getValue())).isTrue();
            }
        }
        assertThat(state).as("the state is not changed").isEqualTo(before);
    }

    @Test
    void everyCorpusTextIsCovered() {
        long expressions = conditionExpressions().map(a -> a.get()[1]).distinct().count();
        long programs = transforms().map(a -> a.get()[1]).distinct().count();
        // 15 distinct expression conditions and 31 bare-name conditions (67 condition nodes);
        // 45 distinct transform programs and 2 registered-function names (55 transform nodes)
        assertThat(expressions).isEqualTo(15);
        assertThat(BARE_CONDITIONS.length).isEqualTo(31);
        assertThat(programs).isEqualTo(45);
        assertThat(Arrays.stream(BARE_CONDITIONS).map(c -> c[0]).distinct().count()).isEqualTo(31);
    }
}
