package dev.victor.workflow.db;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.db.internal.JsonValues;
import dev.victor.workflow.engine.InMemoryCheckpointStore;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.spi.CheckpointStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real YAML format and engine, a workflow read from the database, paused for a person with
 * its checkpoint in the database, and resumed by a new registry and store (as after a restart).
 */
class EndToEndTest {

    @TempDir
    Path directory;

    static String workflowText() {
        try (InputStream in = EndToEndTest.class.getResourceAsStream("/workflows/approval.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> input() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("version", 7);
        state.put("bonus", 10);
        return state;
    }

    static Map<String, Object> response() {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("approved", true);
        response.put("reviewer", "ana");
        return response;
    }

    static DefaultWorkflowCompilerRegistry registry() {
        return Registries.userRegistry();
    }

    /** The final state of a run that is paused and resumed in one process, with in-memory checkpoints. */
    static Map<String, Object> withoutRestart(CompiledGraph graph) {
        CheckpointStore memory = new InMemoryCheckpointStore();
        RunConfig config = RunConfig.withThreadId("baseline").checkpointStore(memory);
        RunResult paused = graph.invoke(input(), config);
        assertThat(paused.status()).isEqualTo(RunStatus.INTERRUPTED);
        RunResult done = graph.resume("baseline", response(), config);
        assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo(RunStatus.COMPLETED);
        return done.state();
    }

    /** The state as a JSON document reads back (maps, lists, Long, Double, String, Boolean, null). */
    static Object asJson(Map<String, Object> state) {
        return JsonValues.read(JsonValues.write(state, "state"));
    }

    @Test
    void pausedInOneRuntimeResumedInAnother() {
        DataSourceSettings settings = TestDatabases.h2File("default", directory);
        Map<String, Object> expected;
        String threadId;
        try (WorkflowDatabase db = WorkflowDatabase.builder().dataSource(settings).build()) {
            DefaultWorkflowCompilerRegistry registry = registry();
            db.registerWith(registry::register);
            db.put("approval", "yaml", workflowText());
            CompiledGraph graph = registry.compile("db://approval");
            expected = withoutRestart(graph);
            assertThat(expected).containsEntry("status", "published by ana").containsEntry("score", 19.0);

            RunResult paused = graph.invoke(input(), RunConfig.defaults().checkpointStore(db.checkpointStore()));
            assertThat(paused.status()).isEqualTo(RunStatus.INTERRUPTED);
            assertThat(paused.interrupt().prompt()).isEqualTo("Ship Release 7 with 3 items?");
            threadId = paused.threadId();
            assertThat(db.checkpointStore().load(threadId)).isPresent();
        }

        try (WorkflowDatabase db = WorkflowDatabase.builder().dataSource(settings).build()) {
            DefaultWorkflowCompilerRegistry registry = registry();
            db.registerWith(registry::register);
            CheckpointStore store = db.checkpointStore();
            RunResult done = registry.compile("db://approval").resume(threadId, response(),
                    RunConfig.withThreadId(threadId).checkpointStore(store));
            assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo(RunStatus.COMPLETED);
            // Integers come back as Long (the caller's Integer 7 is read back as 7L), the type the
            // expression language computes with; compared as JSON documents the states are equal.
            assertThat(asJson(done.state())).isEqualTo(asJson(expected));
            assertThat(done.state()).containsEntry("version", 7L).containsEntry("total", 9.0);
            assertThat(done.nodeHistory()).containsExactly("draft", "approve", "apply", "route", "publish");
            assertThat(store.load(threadId)).as("a finished run leaves no checkpoint").isEmpty();
        }
    }
}
