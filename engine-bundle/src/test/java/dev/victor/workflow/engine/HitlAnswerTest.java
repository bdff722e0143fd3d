package dev.victor.workflow.engine;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidResponseException;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.format.SourcePosition;
import dev.victor.workflow.model.HitlFallback;
import dev.victor.workflow.model.HitlNode;
import dev.victor.workflow.model.HitlType;
import dev.victor.workflow.spi.Checkpoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.victor.workflow.engine.Defs.agent;
import static dev.victor.workflow.engine.Defs.state;
import static dev.victor.workflow.engine.Defs.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A human's answer is checked before the run goes on; a refused answer leaves the thread waiting. */
class HitlAnswerTest {
    private final InMemoryCheckpointStore store = new InMemoryCheckpointStore();

    private CompiledGraph graph(HitlType type, List<Object> choices, HitlFallback fallback) {
        HitlNode ask = new HitlNode("ask", "ask", List.of("after"), false, type, "Decide about {topic}", choices,
                List.of(), null, Duration.ofMinutes(5), fallback, "answer", Map.of(), SourcePosition.UNKNOWN);
        return new DefinitionCompiler(EngineOptions.defaults().defaultStore(store))
                .compile(workflow("ask", ask, agent("after", "executor", "Go on", null)));
    }

    private void waiting(CompiledGraph graph, String thread) {
        assertThat(graph.invoke(state("topic", "pay Bob"), RunConfig.withThreadId(thread)).status())
                .isEqualTo(RunStatus.INTERRUPTED);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Everything an attack tried: none of it approves, none of it rejects, the thread waits. */
    private static List<Object> notYesOrNo() {
        return new ArrayList<>(Arrays.asList("{bad json", "", "   ", null, "no", "yes", "0", 0L, 1L, "true", "false",
                map(), map("approved", "false"), map("approved", null), map("approved", 1L),
                map("reason", "fine"), "rejected", List.of(true), 0.0));
    }

    @Test
    void anApprovalAcceptsOnlyABooleanOrAMapWithABooleanApproved() {
        for (HitlType type : List.of(HitlType.APPROVAL, HitlType.REVIEW, HitlType.CONFIRMATION)) {
            CompiledGraph graph = graph(type, List.of(), HitlFallback.ABORT);
            String thread = "yes-no-" + type;
            waiting(graph, thread);
            Checkpoint before = store.load(thread).orElseThrow();
            for (Object answer : notYesOrNo()) {
                assertThatThrownBy(() -> graph.resume(thread, answer))
                        .as("%s answered %s", type, answer)
                        .isInstanceOf(InvalidResponseException.class)
                        .hasMessageContaining("node 'ask'")
                        .hasMessageContaining("true or false")
                        .hasMessageContaining("still waits");
                assertThat(store.load(thread)).contains(before);
            }
            RunResult approved = graph.resume(thread, map("approved", true, "note", "ok"));
            assertThat(approved.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(approved.state()).containsEntry("note", "ok").containsKey("after");
        }
    }

    @Test
    void anApprovalThatListsChoicesAlsoTakesEachOfThemAndStillNothingElse() {
        // Victor's feature.yaml: an approval that asks Approve / Modify plan / Cancel and routes on it
        CompiledGraph graph = graph(HitlType.APPROVAL, List.of("Approve", "Modify plan", "Cancel"), HitlFallback.ABORT);
        for (Object choice : List.of("Approve", "Modify plan", "Cancel")) {
            String thread = "listed-" + choice;
            waiting(graph, thread);
            for (Object answer : notYesOrNo()) {
                assertThatThrownBy(() -> graph.resume(thread, answer)).as("answered %s", answer)
                        .isInstanceOf(InvalidResponseException.class)
                        .hasMessageContaining(answer instanceof Map<?, ?> ? "'approved' set to true or false"
                                : "one of the listed choices ['Approve', 'Modify plan', 'Cancel']");
            }
            assertThatThrownBy(() -> graph.resume(thread, "approve")).isInstanceOf(InvalidResponseException.class);
            RunResult result = graph.resume(thread, choice);
            assertThat(result.status()).as("%s", choice).isEqualTo(RunStatus.COMPLETED);
            assertThat(result.state()).containsEntry("answer", choice);
        }
    }

    @Test
    void aRefusedAnswerLeavesTheThreadResumableWithAGoodOne() {
        CompiledGraph graph = graph(HitlType.APPROVAL, List.of(), HitlFallback.ABORT);
        waiting(graph, "t-refused");
        assertThatThrownBy(() -> graph.resume("t-refused", "{bad json"))
                .isInstanceOf(InvalidResponseException.class)
                .satisfies(e -> {
                    InvalidResponseException refused = (InvalidResponseException) e;
                    assertThat(refused.threadId()).isEqualTo("t-refused");
                    assertThat(refused.nodeId()).isEqualTo("ask");
                });
        assertThat(store.load("t-refused")).isPresent();

        RunResult rejected = graph.resume("t-refused", false);
        assertThat(rejected.status()).isEqualTo(RunStatus.FAILED);
        assertThat(rejected.error().message()).contains("rejected by reviewer");
        assertThat(rejected.state()).doesNotContainKey("after");

        waiting(graph, "t-refused-2");
        assertThatThrownBy(() -> graph.resume("t-refused-2", map("approved", "false")))
                .isInstanceOf(InvalidResponseException.class).hasMessageContaining("'false'");
        RunResult approved = graph.resume("t-refused-2", true);
        assertThat(approved.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(approved.state()).containsEntry("answer", true);
    }

    @Test
    void aChoiceAcceptsOnlyAListedChoice() {
        CompiledGraph graph = graph(HitlType.CHOICE, List.of("Approve", "Reject", 3L), HitlFallback.ABORT);
        waiting(graph, "c1");
        for (Object answer : Arrays.asList("approve", "Maybe", "", null, true, 4L, map("choice", "Approve"),
                List.of("Approve"))) {
            assertThatThrownBy(() -> graph.resume("c1", answer))
                    .as("choice %s", answer)
                    .isInstanceOf(InvalidResponseException.class)
                    .hasMessageContaining("one of the listed choices ['Approve', 'Reject', 3]");
        }
        assertThat(graph.resume("c1", "Reject").state()).containsEntry("answer", "Reject");
        waiting(graph, "c2");
        assertThat(graph.resume("c2", 3.0).status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void aChoiceWithoutChoicesAcceptsNothing() {
        CompiledGraph graph = graph(HitlType.CHOICE, List.of(), HitlFallback.ABORT);
        waiting(graph, "c3");
        assertThatThrownBy(() -> graph.resume("c3", "anything"))
                .isInstanceOf(InvalidResponseException.class).hasMessageContaining("lists no choices");
    }

    @Test
    void anInputNeedsAnAnswerAndOneOfItsChoicesWhenItListsAny() {
        CompiledGraph free = graph(HitlType.INPUT, List.of(), HitlFallback.ABORT);
        waiting(free, "i1");
        Map<String, Object> nullValued = new HashMap<>();
        for (Object answer : Arrays.asList(null, "", "  \n")) {
            assertThatThrownBy(() -> free.resume("i1", answer))
                    .isInstanceOf(InvalidResponseException.class).hasMessageContaining("an answer is required");
        }
        assertThat(free.resume("i1", false).state()).containsEntry("answer", false).containsKey("after");
        waiting(free, "i2");
        assertThat(free.resume("i2", nullValued).status()).isEqualTo(RunStatus.COMPLETED);

        CompiledGraph listed = graph(HitlType.INPUT, List.of("red", "green"), HitlFallback.ABORT);
        waiting(listed, "i3");
        assertThatThrownBy(() -> listed.resume("i3", "blue"))
                .isInstanceOf(InvalidResponseException.class).hasMessageContaining("['red', 'green']");
        assertThat(listed.resume("i3", "green").state()).containsEntry("answer", "green");
    }
}
