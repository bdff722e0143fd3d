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
    private static final Map<String, RunStatus> EXPECTED = new HashMap<>();

    static {
        // Filled in from the runs: "file › workflow" -> state.
    }

    static Map<String, Object> seed(String file, String workflow) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("task", "Corpus run of " + workflow);
        state.putAll(SEEDS.getOrDefault(file + " › " + workflow, Map.of()));
        return state;
    }

    static RunStatus expectedStatus(String file, String workflow) {
        return EXPECTED.getOrDefault(file + " › " + workflow, RunStatus.COMPLETED);
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
