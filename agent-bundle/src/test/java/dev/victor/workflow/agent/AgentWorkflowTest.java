package dev.victor.workflow.agent;

import com.sun.net.httpserver.HttpServer;
import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.spi.NodeCall;
import dev.victor.workflow.spi.NodeServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example workflow (examples/agent.yaml) compiled by the real yaml plugin and run by the real
 * engine with this runtime, against a loopback OpenAI-compatible server: two tools, then a
 * condition on the structured answer.
 */
class AgentWorkflowTest {
    HttpServer server;
    final Deque<String> answers = new ArrayDeque<>();
    final List<String> requests = new ArrayList<>();
    final List<String> toolsCalled = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = answers.remove().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
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

    static String toolCall(String id, String name, String arguments) {
        return "{\"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": null, \"tool_calls\": [{\"id\": \""
                + id + "\", \"type\": \"function\", \"function\": {\"name\": \"" + name + "\", \"arguments\": \""
                + arguments.replace("\"", "\\\"") + "\"}}]}, \"finish_reason\": \"tool_calls\"}]}";
    }

    static String content(String text) {
        return "{\"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": \"" + text.replace("\"", "\\\"")
                + "\"}, \"finish_reason\": \"stop\"}]}";
    }

    @Test
    void theExampleRunsToTheBranchTheModelChose(@TempDir Path dir) throws Exception {
        Path workflow = dir.resolve("agent.yaml");
        try (InputStream example = getClass().getResourceAsStream("/agent.yaml")) {
            Files.write(workflow, example.readAllBytes());
        }
        answers.add(toolCall("c1", "read", "{\"path\": \"draft.md\"}"));
        answers.add(toolCall("c2", "grep", "{\"pattern\": \"TODO\"}"));
        answers.add(content("{\"verdict\": \"revise\", \"reason\": \"two TODO markers are left\"}"));
        LlmAgentRuntime runtime = LlmAgentRuntime.builder()
                .endpoint(LlmEndpoint.of("default", Provider.OPENAI, "http://127.0.0.1:" + server.getAddress().getPort()
                        + "/v1", "test-model", null))
                .tool(new AgentTool("read", "Reads a file", Map.of("type", "object"), (NodeCall call) -> {
                    toolsCalled.add("read " + call.inputs().get("path"));
                    return "# Draft\nTODO: intro\nTODO: end";
                }))
                .tool(new AgentTool("grep", "Searches", Map.of("type", "object"), (NodeCall call) -> {
                    toolsCalled.add("grep " + call.inputs().get("pattern"));
                    return "draft.md:2\ndraft.md:3";
                }))
                .build();
        CompiledGraph graph = DefaultWorkflowCompilerRegistry.builder()
                .discover(Thread.currentThread().getContextClassLoader()).build()
                .compile("yaml://" + workflow);

        RunResult result = graph.invoke(Map.of("path", "draft.md"),
                RunConfig.defaults().services(NodeServices.builder().agentRuntime(runtime).build()));

        assertThat(result.status()).as(String.valueOf(result.error())).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.state()).containsEntry("review", Map.of("verdict", "revise",
                "reason", "two TODO markers are left"));
        assertThat(result.state()).containsEntry("outcome", "sent back: two TODO markers are left");
        assertThat(toolsCalled).containsExactly("read draft.md", "grep TODO");
        assertThat(requests.get(0)).contains("Read the file draft.md of the workspace", "Inputs (JSON):");
    }
}
