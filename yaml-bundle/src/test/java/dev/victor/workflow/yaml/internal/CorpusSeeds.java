package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.api.Interrupt;
import dev.victor.workflow.api.RunStatus;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state each corpus run starts from, and the answers given at its human-in-the-loop nodes.
 * Seeds set what the workflow's caller would provide, and the counters and flags its loops test,
 * so that every loop is left; nothing here changes what the engine does.
 */
final class CorpusSeeds {
    private CorpusSeeds() {
    }

    private static final Map<String, Map<String, Object>> SEEDS = new HashMap<>();
    private static final Map<String, Map<String, String>> LABELS = new HashMap<>();
    private static final Map<String, ExpectedFailure> FAILURES = new HashMap<>();

    /**
     * A run that fails in the workflow's own expression, on the data that stub tools and
     * placeholder agents give it (not in the engine).
     *
     * @param node   the transform node
     * @param reason why the data cannot fit, for people
     */
    record ExpectedFailure(String node, String reason) {
    }

    static {
        // multi_function.done: `solution = fixed_code or (helper_code + main_code)` adds two agent
        // results (maps); a caller that already has the fixed code takes the first operand.
        SEEDS.put("benchmark/code_generation.yaml › multi_function", Map.of("fixed_code", "def solve(): return 42"));
        // tdd: `coverage >= min_coverage` leaves the add-coverage loop once coverage is enough.
        SEEDS.put("victor_coding/tdd.yaml › tdd", Map.of("coverage", 92, "min_coverage", 80));
        // feature_implementation: the review loop ends when the review finds no critical issue.
        LABELS.put("victor_coding/feature.yaml › feature_implementation", Map.of("has_critical_issues", "false"));

        // Transforms that cannot evaluate on the shapes nodes produce here (Victor made them no-ops):
        FAILURES.put("victor_dataanalysis/ml_pipeline.yaml › ml_pipeline", new ExpectedFailure("combine_features",
                "concat() of three compute results, which are maps of tool name to output, not lists"));
        FAILURES.put("victor_rag/ingest.yaml › document_ingest", new ExpectedFailure("aggregate_parsed",
                "merge() of four tool-result maps, then doc.content for each key of the merged map"));
        FAILURES.put("victor_research/literature_review.yaml › literature_review", new ExpectedFailure(
                "deduplicate_results", "deduplicate() needs a list of papers; placeholder agents return maps"));
    }

    /** The label a registered condition's stub returns, when the scan's choice would loop. */
    static String label(String file, String workflow, String condition) {
        return LABELS.getOrDefault(file + " › " + workflow, Map.of()).get(condition);
    }

    static ExpectedFailure expectedFailure(String file, String workflow) {
        return FAILURES.get(file + " › " + workflow);
    }

    static Map<String, Object> seed(String file, String workflow) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("task", "Corpus run of " + workflow);
        state.putAll(SEEDS.getOrDefault(file + " › " + workflow, Map.of()));
        return state;
    }

    static RunStatus expectedStatus(String file, String workflow) {
        return FAILURES.containsKey(file + " › " + workflow) ? RunStatus.FAILED : RunStatus.COMPLETED;
    }

    /**
     * Approve, or give the first choice. When the node after the HITL node is a condition that
     * reads a state key by name, the answer is a map that sets that key: to the first choice when it
     * is one of the condition's labels, to {@code true} for a true/false condition, else to the
     * label that leads forward.
     */
    static Object response(CorpusScan scan, Interrupt interrupt) {
        CorpusScan.Hitl hitl = scan.hitls.get(interrupt.nodeId());
        Object first = interrupt.choices().isEmpty() ? null : interrupt.choices().get(0);
        if (hitl != null && !hitl.next().isEmpty()) {
            CorpusScan.Condition condition = scan.conditions.get(hitl.next().get(0));
            if (condition != null && condition.bareName()
                    && !scan.registeredConditions().contains(condition.text().strip())) {
                String key = condition.text().strip();
                Object value;
                if (first != null && condition.branches().containsKey(String.valueOf(first))) {
                    value = first;
                } else if (condition.branches().containsKey("true")) {
                    value = true;
                } else {
                    value = scan.forwardLabel(condition);
                }
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put(key, value);
                answer.put("approved", true);
                return answer;
            }
        }
        return first != null ? first : Boolean.TRUE;
    }
}
