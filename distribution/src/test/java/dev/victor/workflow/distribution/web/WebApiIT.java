package dev.victor.workflow.distribution.web;

import dev.victor.workflow.distribution.web.WebShell.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web API of the assembled distribution, through a real HTTP client: every endpoint, the
 * event stream until its finish event, a run waiting for a person answered through the API,
 * authentication switched on and off by editing etc/, and the requests it must refuse.
 */
@SuppressWarnings("unchecked")
class WebApiIT {

    @TempDir
    static Path directory;

    private static WebShell shell;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        shell = WebShell.start(Path.of(System.getProperty("victor.dist", "target/victor")).toAbsolutePath(), directory);
    }

    @AfterAll
    static void stop() throws IOException, InterruptedException {
        if (shell != null) {
            shell.close();
        }
    }

    private static final String PROBLEM = "application/problem+json";

    private static void assertProblem(Response response, int status, String detail) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith(PROBLEM);
        Map<String, Object> problem = response.json();
        assertThat(problem).containsEntry("status", status).containsKeys("type", "title", "detail", "instance");
        assertThat((String) problem.get("detail")).contains(detail);
        assertThat(response.body()).doesNotContain("\tat ", "Exception:");
    }

    @Test
    void healthSchemesOpenApiAndThePage() {
        Response health = shell.get("api/health");
        assertThat(health.json()).containsEntry("status", "UP");
        assertThat((List<Map<String, Object>>) health.json().get("checks")).extracting(check -> check.get("name"))
                .containsExactly("registry", "checkpoints", "waiting-runs");

        Map<String, Object> schemes = shell.get("api/schemes").json();
        assertThat((List<String>) schemes.get("schemes")).contains("yaml", "json", "db", "http");
        assertThat((List<String>) schemes.get("allowed")).contains("yaml", "db").doesNotContain("http");
        assertThat((List<Map<String, Object>>) schemes.get("plugins")).anySatisfy(plugin ->
                assertThat((String) plugin.get("bundle")).startsWith("dev.victor.workflow.yaml-bundle"));

        Map<String, Object> openapi = shell.get("api/openapi.json").json();
        assertThat(openapi).containsEntry("openapi", "3.0.3");
        assertThat((Map<String, Object>) openapi.get("paths")).containsKeys("/api/runs", "/api/runs/{threadId}/events",
                "/api/threads", "/api/threads/{threadId}/resume", "/api/health");

        Response page = shell.get("");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(page.body()).contains("<title>Victor workflows</title>", "app.js");
        assertThat(shell.get("app.js").header("Content-Type")).startsWith("text/javascript");
        assertProblem(shell.get("nothing/here"), 404, "Nothing is served at /nothing/here");
    }

    @Test
    void validateAndGraph() throws IOException {
        Files.writeString(shell.home.resolve("examples/broken.yaml"), "workflows:\n  b:\n    nodes:\n      - id: a\n        type: nope\n");
        Map<String, Object> broken = shell.post("api/validate", "{\"uri\": \"examples/broken.yaml\"}").json();
        assertThat(broken).containsEntry("valid", false);
        assertThat((List<Map<String, Object>>) broken.get("problems")).first()
                .satisfies(problem -> assertThat(problem).containsEntry("severity", "error").containsEntry("line", 5));
        assertThat(shell.post("api/validate", "{\"uri\": \"examples/parallel.yaml\"}").json()).containsEntry("valid", true);

        Response mermaid = shell.get("api/graph?uri=examples/loop.yaml");
        assertThat(mermaid.header("Content-Type")).startsWith("text/plain");
        assertThat(mermaid.body()).startsWith("flowchart TD").contains("improve");
        assertThat(shell.get("api/graph?uri=examples/loop.yaml&format=dot").body()).startsWith("digraph");
        assertThat(shell.get("api/graph?uri=examples/loop.yaml&format=json").json()).containsEntry("entry", "start");
        assertProblem(shell.get("api/graph?uri=examples/loop.yaml&format=png"), 400, "unknown format 'png'; use mermaid, dot or json");
        assertProblem(shell.get("api/graph?uri=examples/missing.yaml"), 404, "missing.yaml");
    }

    @Test
    void aRunAnswersWithTheDocumentTheCommandPrints() {
        Response run = shell.post("api/runs", "{\"uri\": \"examples/linear.yaml\", \"state\": {\"name\": \" Ada \"}}");

        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        Map<String, Object> doc = run.json();
        assertThat(doc.keySet()).containsExactly("status", "threadId", "state", "error", "iterations", "history",
                "interrupt", "warnings");
        assertThat(doc).containsEntry("status", "COMPLETED").containsEntry("history", List.of("clean", "greet", "measure"));
        assertThat((Map<String, Object>) doc.get("state")).containsEntry("greeting", "Hello, Ada!");
        assertThat(run.header("Location")).isEqualTo("/api/runs/" + doc.get("threadId"));
        assertThat(shell.get("api/runs/" + doc.get("threadId")).json()).isEqualTo(doc);

        Map<String, Object> dry = shell.post("api/runs", "{\"uri\": \"examples/quote.yaml\", \"dryRun\": true}").json();
        assertThat(dry).containsEntry("status", "COMPLETED").containsKey("placeholders");
    }

    @Test
    void aPauseIsFollowedLiveListedInTheInboxAnsweredAndResumedToTheEnd() throws Exception {
        Response started = shell.post("api/runs?wait=false", "{\"uri\": \"examples/approval.yaml\", \"state\": {\"payee\": \"Bob\", \"amount\": 40}}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String thread = (String) started.json().get("threadId");

        List<String[]> events = events(thread);
        assertThat(events).extracting(event -> event[0]).startsWith("run-started").contains("node-completed", "interrupted")
                .endsWith("run-finished");
        Map<String, Object> finished = WebShell.JSON.readValue(events.get(events.size() - 1)[1], Map.class);
        assertThat(finished).containsEntry("status", "INTERRUPTED").containsEntry("threadId", thread);

        List<Map<String, Object>> inbox = (List<Map<String, Object>>) shell.get("api/threads?status=interrupted").json().get("threads");
        Map<String, Object> entry = inbox.stream().filter(item -> thread.equals(item.get("threadId"))).findFirst().orElseThrow();
        assertThat(entry).containsEntry("node", "approve").containsEntry("type", "approval")
                .containsEntry("prompt", "Pay 40 EUR to Bob?").containsEntry("workflow", "approval").containsKeys("deadline", "ageSeconds");
        assertThat((String) entry.get("uri")).endsWith("examples/approval.yaml");
        assertThat(shell.get("api/runs/" + thread).json()).containsEntry("status", "INTERRUPTED");

        Response resumed = shell.post("api/threads/" + thread + "/resume", "{\"response\": true}");
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        assertThat(resumed.json()).containsEntry("status", "COMPLETED");
        assertThat((Map<String, Object>) resumed.json().get("state")).containsEntry("paid", true)
                .containsEntry("receipt", "paid 40 EUR to Bob");
        assertThat((List<Map<String, Object>>) shell.get("api/threads").json().get("threads"))
                .noneMatch(item -> thread.equals(item.get("threadId")));
        assertThat(events(thread)).extracting(event -> event[0]).containsExactly("run-finished");
        assertProblem(shell.post("api/threads/" + thread + "/resume", "{\"response\": true}"), 404,
                "No interrupted run with thread " + thread);
    }

    @Test
    void aWaitingRunIsCancelled() {
        String thread = (String) shell.post("api/runs", "{\"uri\": \"examples/approval.yaml\"}").json().get("threadId");

        Response cancelled = shell.post("api/runs/" + thread + "/cancel", "");

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json()).containsEntry("status", "CANCELLED");
        assertProblem(shell.post("api/runs/" + thread + "/cancel", ""), 409, "has finished already");
        assertProblem(shell.post("api/threads/" + thread + "/resume", "{\"response\": true}"), 404, "No interrupted run");
    }

    @Test
    void authenticationIsSwitchedOnAndOffInEtc() throws Exception {
        Path config = shell.home.resolve("etc/dev.victor.workflow.web.cfg");
        String original = Files.readString(config);
        try {
            Files.writeString(config, original + "\nauth.token = t0ken-for-the-test\nauth.user = ada\nauth.password = lovelace\n");
            awaitStatus(401, "api/health");
            Response refused = shell.get("api/schemes");
            assertProblem(refused, 401, "Authentication required");
            assertThat(refused.header("WWW-Authenticate")).startsWith("Basic realm=");
            assertThat(shell.get("api/schemes", "Authorization", "Bearer t0ken-for-the-test").status()).isEqualTo(200);
            assertThat(shell.get("api/schemes", "Authorization", "Bearer wrong").status()).isEqualTo(401);
            String basic = Base64.getEncoder().encodeToString("ada:lovelace".getBytes(StandardCharsets.UTF_8));
            assertThat(shell.get("api/schemes", "Authorization", "Basic " + basic).status()).isEqualTo(200);
            assertThat(shell.get("", "Authorization", "Basic " + basic).status()).isEqualTo(200);
        } finally {
            Files.writeString(config, original);
        }
        awaitStatus(200, "api/health");
        assertThat(shell.get("api/schemes").status()).isEqualTo(200);
    }

    @Test
    void badRequestsAreRefusedWithAProblemDocument() {
        assertProblem(shell.post("api/runs", "{\"uri\": \"examples/linear.yaml\", \"state\": " + "[".repeat(100) + "]".repeat(100) + "}"), 400, "not valid JSON");
        assertProblem(shell.post("api/runs", "{\"uri\": "), 400, "not valid JSON");
        assertProblem(shell.post("api/runs", "not json"), 400, "not valid JSON");
        assertProblem(shell.post("api/runs", "{\"uri\": \"examples/linear.yaml\", \"colour\": 1}"), 400, "unknown field 'colour'");
        assertProblem(shell.post("api/runs", "{\"uri\": \"examples/linear.yaml\", \"state\": \"" + "x".repeat(1_100_000) + "\"}"),
                413, "larger than 1048576 bytes (max.body.bytes)");
        var unsupported = shell.send(HttpRequest.newBuilder(shell.base.resolve("api/runs"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"uri\": \"examples/linear.yaml\"}")), "Content-Type", "text/plain");
        assertProblem(unsupported, 415, "application/json");
        // refused before its body was read: the connection is not used again
        assertThat(unsupported.headers()).containsEntry("connection", java.util.List.of("close"));
        assertProblem(shell.post("api/runs", "{\"uri\": \"examples/linear.yaml\"}", "Origin", "http://evil.example"), 403,
                "another origin");
        assertProblem(shell.post("api/runs", "{\"uri\": \"/etc/passwd\"}"), 403, "outside the directories");
        assertProblem(shell.post("api/runs", "{\"uri\": \"examples/../bin/victor\"}"), 403, "outside the directories");
        assertProblem(shell.post("api/runs", "{\"uri\": \"http://127.0.0.1:1/x.yaml\"}"), 403, "The scheme 'http'");
        assertProblem(shell.get("api/runs"), 405, "GET is not allowed here; use POST");
        assertProblem(shell.get("api/runs/no-such-thread"), 404, "No run with thread no-such-thread");
        assertProblem(shell.get("api/threads?status=running"), 400, "unknown status 'running'");
    }

    @Test
    void aOneShotCommandRunsWhileTheShellHoldsThePort() throws Exception {
        Process oneShot = new ProcessBuilder(shell.home.resolve("bin/victor").toString(), "workflow:run", "--json",
                "examples/linear.yaml").directory(shell.home.toFile())
                .redirectErrorStream(true).start();
        String output = new String(oneShot.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(oneShot.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(oneShot.exitValue()).as(output).isZero();
        assertThat(output).contains("\"status\":\"COMPLETED\"").doesNotContain("ERROR", "bind");
        assertThat(shell.get("api/health").status()).isEqualTo(200);
    }

    @Test
    void aSecondShellFindsThePortTakenSaysSoAndRunsWithoutHttp() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(shell.home.resolve("bin/victor").toString()).directory(shell.home.toFile());
        builder.environment().put("VICTOR_JAVA_OPTS", "-Dorg.osgi.service.http.port=" + shell.port);
        Process second = builder.start();
        try (var stdin = second.getOutputStream()) {
            stdin.write("workflow:schemes\n".getBytes(StandardCharsets.UTF_8));
        }
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        String out = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(out).contains("SCHEME", "yaml");
        assertThat(err.get(10, TimeUnit.SECONDS)).contains("Failed to bind to /127.0.0.1:" + shell.port);
        assertThat(shell.get("api/health").status()).as("the first shell still serves").isEqualTo(200);
    }

    private void awaitStatus(int status, String path) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int last = -1;
        while (System.nanoTime() < end) {
            last = shell.get(path).status();
            if (last == status) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " answered " + last + ", not " + status + ", 30 s after the configuration changed");
    }

    /** The run's server-sent events, [name, data], read until the stream ends after its finish event. */
    private static List<String[]> events(String thread) throws Exception {
        HttpResponse<Stream<String>> response = shell.client.sendAsync(HttpRequest.newBuilder(
                        shell.base.resolve("api/runs/" + thread + "/events")).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofLines()).get(60, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String[]> events = new ArrayList<>();
        String name = null;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    events.add(new String[] {name, line.substring(6)});
                }
            }
        }
        return events;
    }
}
