package dev.victor.workflow.web.internal;

import dev.victor.workflow.api.WorkflowCompilerRegistry;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.spi.CheckpointStore;
import dev.victor.workflow.spi.NodeServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The API's routes without HTTP, on a real registry with the yaml plugin and the web's own checkpoint store. */
@SuppressWarnings("unchecked")
class ApiTest {

    @TempDir
    Path flows;

    private Runs runs;
    private Api api;
    private final Json json = new Json();
    private final MemoryCheckpointStore store = new MemoryCheckpointStore();

    @BeforeEach
    void setUp() throws IOException {
        Path examples = Path.of("../distribution/src/main/dist/examples");
        for (String name : List.of("approval.yaml", "linear.yaml")) {
            Files.copy(examples.resolve(name), flows.resolve(name));
        }
        Files.writeString(flows.resolve("ask-then-price.yaml"), """
                workflows:
                  ask:
                    nodes:
                      - id: ask
                        type: hitl
                        hitl_type: approval
                        prompt: "Price it?"
                        next: price
                      - id: price
                        type: compute
                        handler: pricing.quote
                        output: quote
                        next: end
                """);
        Files.writeString(flows.resolve("broken.yaml"), "workflows:\n  broken:\n    nodes:\n      - id: a\n        type: nonsense\n");
        WorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.builder()
                .discover(ApiTest.class.getClassLoader()).build();
        Settings settings = new Settings("", "", "", Set.of("yaml", "db"), Set.of("yaml"), List.of(flows.toRealPath()),
                flows.toRealPath(), 10_000, 0, 4, 4, 10, 100, 10, 30);
        runs = new Runs(settings, Throwable::printStackTrace);
        api = new Api(registry, new Api.Environment() {
            public CheckpointStore store() {
                return store;
            }

            public boolean durableStore() {
                return false;
            }

            public NodeServices installed() {
                return NodeServices.none();
            }

            public List<Map<String, Object>> plugins() {
                return List.of();
            }
        }, settings, runs, json, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        runs.close();
    }

    private static byte[] body(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, Object> doc(Api.Reply reply) {
        return json.readObject(body(reply.body()));
    }

    @Test
    void aRunWaitsForAPersonIsListedInTheInboxAndIsResumedToTheEnd() {
        Api.Reply started = api.startRun(body("{\"uri\": \"approval.yaml\", \"state\": {\"payee\": \"Bob\", \"amount\": 40}}"), Map.of());

        assertThat(started.status()).isEqualTo(200);
        Map<String, Object> run = doc(started);
        assertThat(run).containsEntry("status", "INTERRUPTED").containsKeys("threadId", "state", "error", "iterations",
                "history", "interrupt", "warnings");
        String thread = (String) run.get("threadId");
        assertThat(started.headers()).containsEntry("Location", "/api/runs/" + thread);
        assertThat((Map<String, Object>) run.get("interrupt")).containsEntry("node", "approve").containsEntry("prompt", "Pay 40 EUR to Bob?");

        List<?> inbox = (List<?>) doc(api.threads(Map.of())).get("threads");
        assertThat(inbox).hasSize(1);
        assertThat((Map<String, Object>) inbox.get(0)).containsEntry("threadId", thread).containsEntry("node", "approve")
                .containsEntry("type", "approval").containsEntry("workflow", "approval")
                .containsEntry("uri", flows.resolve("approval.yaml").toAbsolutePath().toString());

        Map<String, Object> resumed = doc(api.resume(thread, body("{\"response\": true}")));
        assertThat(resumed).containsEntry("status", "COMPLETED");
        assertThat((Map<String, Object>) resumed.get("state")).containsEntry("receipt", "paid 40 EUR to Bob");
        assertThat((List<?>) doc(api.threads(Map.of("status", "interrupted"))).get("threads")).isEmpty();
        assertThat(doc(api.run(thread))).containsEntry("status", "COMPLETED");
        assertThatThrownBy(() -> api.resume(thread, body("{\"response\": true}")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void anAnswerNamesItsPauseAndALateOneIsAConflictThatChangesNothing() {
        Map<String, Object> run = doc(api.startRun(body("{\"uri\": \"approval.yaml\", \"state\": {\"payee\": \"Bob\", \"amount\": 40}}"), Map.of()));
        String thread = (String) run.get("threadId");
        String pause = (String) ((Map<String, Object>) run.get("interrupt")).get("pause");
        assertThat(pause).isNotBlank();
        List<?> inbox = (List<?>) doc(api.threads(Map.of())).get("threads");
        assertThat((Map<String, Object>) inbox.get(0)).containsEntry("pause", pause);

        assertThatThrownBy(() -> api.resume(thread, body("{\"response\": true, \"pause\": \"another\"}")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessageContaining("no longer waits at pause 'another'").hasMessageContaining("nothing was changed");
        assertThat(status(() -> api.resume(thread, body("{\"response\": true, \"pause\": 7}")))).isEqualTo(400);
        assertThat((List<?>) doc(api.threads(Map.of())).get("threads")).hasSize(1);

        Map<String, Object> resumed = doc(api.resume(thread, body("{\"response\": true, \"pause\": \"" + pause + "\"}")));
        assertThat(resumed).containsEntry("status", "COMPLETED");
    }

    @Test
    void aWaitingRunCanBeCancelledAndThenNoLongerResumed() {
        String thread = (String) doc(api.startRun(body("{\"uri\": \"approval.yaml\"}"), Map.of())).get("threadId");

        Map<String, Object> cancelled = doc(api.cancel(thread));

        assertThat(cancelled).containsEntry("status", "CANCELLED");
        assertThat(store.load(thread)).isEmpty();
        assertThatThrownBy(() -> api.resume(thread, body("{\"response\": true}"))).hasMessageContaining("No interrupted run");
        assertThatThrownBy(() -> api.cancel(thread)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void aRunStartedWithoutWaitingIsFollowedByItsRecord() throws InterruptedException {
        Api.Reply started = api.startRun(body("{\"uri\": \"linear.yaml\", \"state\": {\"name\": \"Ada\"}}"), Map.of("wait", "false"));

        assertThat(started.status()).isEqualTo(202);
        RunRecord record = api.eventsOf((String) doc(started).get("threadId"));
        assertThat(record.awaitEnd(30_000)).isTrue();
        assertThat(record.result().state()).containsEntry("greeting", "Hello, Ada!");
        assertThat(record.awaitEvent(0, 0)).isNotNull();
        assertThat(record.awaitEvent(record.eventCount() - 1, 0).isTerminal()).isTrue();
    }

    @Test
    void aStateKeepsItsNumbersExactly() {
        Map<String, Object> run = doc(api.startRun(body("{\"uri\": \"linear.yaml\", \"state\": {\"name\": \"Ada\","
                + " \"big\": 99999999999999999999, \"small\": 7, \"f\": 0.1}}"), Map.of()));
        assertThat((Map<String, Object>) run.get("state")).containsEntry("big", new java.math.BigInteger("99999999999999999999"))
                .containsEntry("small", 7L).containsEntry("f", 0.1);
    }

    @Test
    void badRequestsAreRefusedWithTheirReason() {
        assertThat(status(() -> api.startRun(body("{\"uri\": \"linear.yaml\", \"stat\": {}}"), Map.of()))).isEqualTo(400);
        assertThat(status(() -> api.startRun(body("{\"uri\": \"linear.yaml\", \"state\": [1]}"), Map.of()))).isEqualTo(400);
        assertThat(status(() -> api.startRun(body("{\"uri\": \"linear.yaml\", \"dryRun\": \"yes\"}"), Map.of()))).isEqualTo(400);
        assertThat(status(() -> api.startRun(body("{\"uri\": 3}"), Map.of()))).isEqualTo(400);
        assertThat(status(() -> api.startRun(body("[]"), Map.of()))).isEqualTo(400);
        assertThat(status(() -> api.startRun(body("{\"uri\": \"linear.yaml\"} x"), Map.of()))).isEqualTo(400);
        assertThat(status(() -> api.startRun(body("{\"uri\": \"a\", \"uri\": \"b\"}"), Map.of()))).isEqualTo(400);
        assertThat(status(() -> api.startRun(body("{\"uri\": \"linear.yaml\"}"), Map.of("wait", "maybe")))).isEqualTo(400);
        assertThat(status(() -> api.startRun(body("{\"uri\": \"missing.yaml\"}"), Map.of()))).isEqualTo(404);
        assertThat(status(() -> api.startRun(body("{\"uri\": \"/etc/passwd\"}"), Map.of()))).isEqualTo(403);
        assertThat(status(() -> api.startRun(body("{\"uri\": \"broken.yaml\"}"), Map.of()))).isEqualTo(422);
        assertThat(status(() -> api.startRun(body("{".repeat(100) + "}".repeat(100)), Map.of()))).isEqualTo(400);
        assertThat(status(() -> api.startRun(body("{\"uri\": \"linear.yaml\", \"state\": {\"a\": " + "[".repeat(70) + "]".repeat(70) + "}}"), Map.of())))
                .as("nested deeper than Json.MAX_DEPTH").isEqualTo(400);
        assertThat(status(() -> api.startRun(body("{\"uri\": \"linear.yaml\", \"state\": {\"a\": 1e999999}}"), Map.of())))
                .as("a number too large for a float is refused, not made infinite").isEqualTo(400);
        assertThat(status(() -> api.startRun(body("{\"uri\": \"linear.yaml\", \"state\": {\"a\": NaN}}"), Map.of())))
                .isEqualTo(400);
        assertThat(status(() -> api.startRun("{\"uri\": \"linear.yaml\", \"state\": {\"a\": \"\u00ff\"}}".getBytes(
                StandardCharsets.ISO_8859_1), Map.of()))).as("not UTF-8").isEqualTo(400);
        assertThat(status(() -> api.run("no such thread"))).isEqualTo(400);
        assertThat(status(() -> api.run("nothing-here"))).isEqualTo(404);
        assertThat(status(() -> api.graph(Map.of("uri", "linear.yaml", "format", "png")))).isEqualTo(400);
        assertThat(status(() -> api.threads(Map.of("status", "running")))).isEqualTo(400);
        assertThat(status(() -> api.resume("t-1", body("{}")))).isEqualTo(400);
    }

    @Test
    void validateReportsProblemsWithTheirLineAndTheGraphComesInThreeFormats() {
        Map<String, Object> broken = doc(api.validate(body("{\"uri\": \"broken.yaml\"}")));
        assertThat(broken).containsEntry("valid", false);
        assertThat((List<?>) broken.get("problems")).isNotEmpty();
        assertThat((Map<String, Object>) ((List<?>) broken.get("problems")).get(0)).containsEntry("severity", "error").containsKey("line");
        assertThat(doc(api.validate(body("{\"uri\": \"linear.yaml\"}")))).containsEntry("valid", true);

        assertThat(api.graph(Map.of("uri", "approval.yaml")).body()).startsWith("flowchart TD");
        assertThat(api.graph(Map.of("uri", "approval.yaml", "format", "dot")).body()).startsWith("digraph");
        assertThat(doc(api.graph(Map.of("uri", "approval.yaml", "format", "json")))).containsEntry("entry", "prepare");
    }

    @Test
    void healthNamesAHandlerThatAWaitingRunWillNeedAndIsNotInstalled() {
        Api.Reply healthy = api.health();
        assertThat(healthy.status()).isEqualTo(200);
        assertThat(doc(healthy)).containsEntry("status", "UP");

        api.startRun(body("{\"uri\": \"ask-then-price.yaml\"}"), Map.of());
        Api.Reply sick = api.health();

        assertThat(sick.status()).isEqualTo(503);
        assertThat(doc(sick)).containsEntry("status", "DOWN");
        assertThat(sick.body()).contains("needs handler 'pricing.quote' at node 'price', which is not installed");
    }

    private static int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (ApiException e) {
            return e.status();
        }
    }
}
