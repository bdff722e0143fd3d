package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.Interrupt;
import dev.victor.workflow.api.IterationCounting;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.engine.DryRunServices;
import dev.victor.workflow.engine.InMemoryCheckpointStore;
import dev.victor.workflow.spi.NodeServices;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Victor's corpus as a user meets it with nothing installed: every workflow dry-runs from an
 * empty state, with placeholders for every handler, tool, agent, named transform and condition,
 * its human pauses resumed with approval (the first choice, else {@code true}), to an end of
 * its graph within the default iteration limit. No condition is left without a branch and nothing fails in the engine or the
 * evaluator.
 */
class DryRunCorpusTest {
    /**
     * Two workflows whose unsteered dry run walks each of their loops once (a placeholder-driven
     * condition takes its first branch, then the next on its next visit) and so needs more than
     * the default 25 node executions (38 and 36): they are steered past their outer loops.
     */
    private static final Map<String, Map<String, String>> STEERED = Map.of(
            "tdd", Map.of("check_more_tests", "false"),
            "document_ingest", Map.of("check_embeddings", "true", "check_verification", "true"));

    /**
     * Written for Victor's count, where a parallel node and its children are one step: the straight
     * path of document_ingest is 27 node executions (its two parallel nodes run seven children),
     * 20 steps. They run as their authors meant with {@code iteration_counting: steps}.
     */
    private static final Set<String> VICTOR_COUNTING = Set.of("document_ingest");

    private final WorkflowCompilerPlugin plugin = YamlFiles.plugin();

    static Stream<org.junit.jupiter.params.provider.Arguments> workflows() throws IOException {
        return VictorCorpusTest.workflows();
    }

    @ParameterizedTest(name = "{0} › {1}")
    @MethodSource("workflows")
    void everyWorkflowDryRunsToAnEndOfItsGraph(String file, String workflow) {
        CompiledGraph graph = plugin.compile(VictorCorpusTest.corpus().resolve(file).toString(), workflow, true);
        InMemoryCheckpointStore store = new InMemoryCheckpointStore();
        DryRunServices services = new DryRunServices(NodeServices.none());
        RunConfig config = RunConfig.defaults().services(services).checkpointStore(store)
                .branches(STEERED.getOrDefault(workflow, Map.of()))
                .iterationCounting(VICTOR_COUNTING.contains(workflow) ? IterationCounting.STEPS : null);
        RunResult result = graph.invoke(Map.of(), config);
        List<String> path = new ArrayList<>(result.nodeHistory());
        int resumes = 0;
        while (result.status() == RunStatus.INTERRUPTED && resumes++ < 20) {
            Interrupt interrupt = result.interrupt();
            Object approval = interrupt.choices().isEmpty() ? Boolean.TRUE : interrupt.choices().get(0);
            result = graph.resume(result.threadId(), approval, config.threadId(result.threadId()));
            path.addAll(result.nodeHistory());
        }
        assertThat(result.status()).as("%s › %s: %s after %s", file, workflow, result.error(), path)
                .isEqualTo(RunStatus.COMPLETED);
    }
}
