package dev.victor.workflow.distribution.e2e;

import com.sun.net.httpserver.HttpServer;
import dev.victor.workflow.distribution.e2e.Victor.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * examples/agent.yaml through the assembled bin/victor: with the shipped (unfilled) endpoint
 * configuration the agent writes a placeholder; with an endpoint in etc/ pointing at a loopback
 * OpenAI-compatible server the real agent runtime calls it, the real read and grep tools run in
 * the distribution's workspace, and the condition routes on the structured answer. The
 * distribution is copied first, so that its etc/ can be changed.
 */
class AgentEndToEndIT {
    @TempDir
    Path temp;
    HttpServer server;
    final Deque<String> answers = new ArrayDeque<>();
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String answer;
            synchronized (answers) {
                answer = answers.poll();
            }
            byte[] body = (answer == null ? "{\"error\": {\"message\": \"no more answers\"}}" : answer)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer == null ? 400 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            walk.forEach(path -> {
                try {
                    Path target = to.resolve(from.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return to;
    }

    private static String toolCall(String id, String name, String arguments) {
        return "{\"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": null, \"tool_calls\": [{\"id\": \""
                + id + "\", \"type\": \"function\", \"function\": {\"name\": \"" + name + "\", \"arguments\": \""
                + arguments.replace("\"", "\\\"") + "\"}}]}, \"finish_reason\": \"tool_calls\"}],"
                + " \"usage\": {\"prompt_tokens\": 100, \"completion_tokens\": 10}}";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(Run run) {
        return (Map<String, Object>) run.json().get("state");
    }

    @Test
    void withTheShippedConfigurationTheAgentWritesAPlaceholder() {
        Path home = Victor.home();
        // a real run: the agent writes Victor's placeholder, and the condition on its verdict has
        // no branch for it, so the run fails there (no silent stop) without a request anywhere
        Run run = Victor.run(temp, null, home.resolve("bin/victor"), "workflow:run", "--json",
                home.resolve("examples/agent.yaml").toString());

        assertThat(run.status()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).as("an unfilled endpoint configuration is quiet").isEmpty();
        assertThat((Map<String, Object>) state(run).get("review")).containsEntry("status", "placeholder");
        assertThat(run.out()).contains("condition 'decide' gave None, which matches no branch");

        // a dry run walks the example to its end on placeholders
        Run dry = Victor.run(temp, null, home.resolve("bin/victor"), "workflow:run", "--json", "--dry-run",
                home.resolve("examples/agent.yaml").toString());
        assertThat(dry.status()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("\"status\":\"COMPLETED\"", "dry run");
        assertThat(requests).isEmpty();
    }

    @Test
    void anEndpointInEtcRunsTheAgentWithTheRealTools() throws IOException {
        Path home = copy(Victor.home(), temp.resolve("victor"));
        Files.writeString(home.resolve("etc/dev.victor.workflow.agent.llm-default.cfg"), """
                provider = openai
                base.url = http://127.0.0.1:%d/v1
                model = test-model
                api.key = sk-e2e-secret
                timeout.seconds = 20
                max.retries = 0
                """.formatted(server.getAddress().getPort()));
        answers.add(toolCall("c1", "read", "{\"path\": \"notes.md\"}"));
        answers.add(toolCall("c2", "grep", "{\"pattern\": \"TODO\", \"path\": \"notes.md\"}"));
        answers.add("{\"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": "
                + "\"{\\\"verdict\\\": \\\"revise\\\", \\\"reason\\\": \\\"two TODOs are left\\\"}\"},"
                + " \"finish_reason\": \"stop\"}]}");

        Run run = Victor.run(temp, null, home.resolve("bin/victor"), "workflow:run", "--json",
                home.resolve("examples/agent.yaml").toString());

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.json()).containsEntry("status", "COMPLETED");
        assertThat(state(run)).containsEntry("review", Map.of("verdict", "revise", "reason", "two TODOs are left"))
                .containsEntry("outcome", "sent back: two TODOs are left");
        assertThat(requests).hasSize(3);
        assertThat(requests.get(0)).contains("\"model\":\"test-model\"", "\"name\":\"read\"", "\"name\":\"grep\"");
        assertThat(requests.get(1)).as("the read tool's answer went back").contains("Release notes");
        assertThat(requests.get(2)).as("the grep tool's answer went back").contains("notes.md:5:TODO: name the supported");
        assertThat(run.out() + run.err()).doesNotContain("sk-e2e-secret");
        assertThat(run.json().get("tokenUsage")).as("the two answers that reported usage")
                .isEqualTo(Map.of("inputTokens", 200L, "outputTokens", 20L,
                        "nodes", Map.of("review", Map.of("inputTokens", 200L, "outputTokens", 20L))));
        assertThat(run.out()).contains("  $ review: 100 input and 10 output tokens");
    }
}
