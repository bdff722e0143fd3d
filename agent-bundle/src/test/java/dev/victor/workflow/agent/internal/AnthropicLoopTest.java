package dev.victor.workflow.agent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.victor.workflow.agent.AgentTool;
import dev.victor.workflow.agent.LlmEndpoint;
import dev.victor.workflow.agent.Provider;
import dev.victor.workflow.agent.internal.LlmServer.Answer;
import dev.victor.workflow.api.TokenUsage;
import dev.victor.workflow.spi.AgentTask;
import dev.victor.workflow.spi.NodeCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The agent loop against a real loopback server speaking Anthropic's Messages API. */
class AnthropicLoopTest {
    static final String KEY = "sk-ant-test-secret";

    LlmServer server;
    final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());
    final List<Map<String, Object>> calls = Collections.synchronizedList(new ArrayList<>());
    AgentTool weather;

    @BeforeEach
    void start() throws Exception {
        server = new LlmServer();
        weather = new AgentTool("weather", "Today's weather in a city",
                Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string"))),
                (NodeCall call) -> {
                    calls.add(call.inputs());
                    return "sunny, 21 C in " + call.inputs().get("city");
                });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    AgentLoop loop(boolean stream) {
        LlmEndpoint endpoint = new LlmEndpoint("claude", Provider.ANTHROPIC, URI.create(server.base()), "claude-test",
                KEY, Duration.ofSeconds(10), 2, Duration.ofSeconds(60), stream, 1024);
        return new AgentLoop(() -> Map.of("claude", endpoint),
                name -> name.equals("weather") ? Optional.of(weather) : Optional.empty(),
                new ChatClient(HttpClient.newHttpClient(), pauses::add));
    }

    static AgentTask task(List<String> tools, Map<String, Object> llmConfig) {
        return new AgentTask("trip", "planner", null, "planner", "Plan a day in Lyon", tools, 3, llmConfig, Map.of(),
                Map.of(), null, null);
    }

    static String text(String text) {
        return "{\"id\": \"msg_1\", \"type\": \"message\", \"role\": \"assistant\", \"content\": [{\"type\": \"text\","
                + " \"text\": " + Json.write(text) + "}], \"stop_reason\": \"end_turn\","
                + " \"usage\": {\"input_tokens\": 40, \"output_tokens\": 9}}";
    }

    @Test
    void aPlainAnswer() throws Exception {
        server.then(Answer.json(text("Walk by the Saône.")));

        AgentLoop.Outcome outcome = loop(false).run(task(List.of(), Map.of("temperature", 0.5)));

        assertThat(outcome.answer()).isEqualTo("Walk by the Saône.");
        assertThat(outcome.usage()).isEqualTo(new TokenUsage(40, 9));
        LlmServer.Received request = server.received().get(0);
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.header("x-api-key")).isEqualTo(KEY);
        assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.header("Authorization")).isNull();
        JsonNode body = request.body();
        assertThat(body.path("model").asText()).isEqualTo("claude-test");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(1024);
        assertThat(body.path("system").asText()).contains("planner");
        assertThat(body.path("messages").get(0).path("content").get(0).path("text").asText())
                .isEqualTo("Plan a day in Lyon");
    }

    @Test
    void toolUseOverTwoTurns() throws Exception {
        server.then(Answer.json("""
                {"content": [{"type": "text", "text": "Let me check."},
                             {"type": "tool_use", "id": "tu_1", "name": "weather", "input": {"city": "Lyon"}}],
                 "stop_reason": "tool_use", "usage": {"input_tokens": 50, "output_tokens": 20}}"""))
                .then(Answer.json(text("Sunny: picnic at the Parc de la Tête d'Or.")));

        AgentLoop.Outcome outcome = loop(false).run(task(List.of("weather"), Map.of()));

        assertThat(outcome.answer()).isEqualTo("Sunny: picnic at the Parc de la Tête d'Or.");
        assertThat(calls).containsExactly(Map.of("city", "Lyon"));
        JsonNode first = server.received().get(0).body();
        assertThat(first.path("tools").get(0).path("input_schema").path("properties").has("city")).isTrue();
        assertThat(first.path("tool_choice").path("type").asText()).isEqualTo("auto");
        JsonNode messages = server.received().get(1).body().path("messages");
        assertThat(messages.get(1).path("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(1).path("content").get(1).path("input").path("city").asText()).isEqualTo("Lyon");
        JsonNode result = messages.get(2).path("content").get(0);
        assertThat(result.path("type").asText()).isEqualTo("tool_result");
        assertThat(result.path("tool_use_id").asText()).isEqualTo("tu_1");
        assertThat(result.path("content").asText()).isEqualTo("sunny, 21 C in Lyon");
        assertThat(result.path("is_error").asBoolean()).isFalse();
        assertThat(outcome.usage()).isEqualTo(new TokenUsage(90, 29));
    }

    @Test
    void anUnknownToolAndTheBudget() throws Exception {
        server.then(Answer.json("""
                {"content": [{"type": "tool_use", "id": "a", "name": "bash", "input": {"cmd": "ls"}},
                             {"type": "tool_use", "id": "b", "name": "weather", "input": {"city": "Lyon"}},
                             {"type": "tool_use", "id": "c", "name": "weather", "input": {"city": "Paris"}},
                             {"type": "tool_use", "id": "d", "name": "weather", "input": {"city": "Nice"}}],
                 "stop_reason": "tool_use"}"""))
                .then(Answer.json(text("done")));

        assertThat(loop(false).run(task(List.of("weather"), Map.of())).answer()).isEqualTo("done");

        assertThat(calls).containsExactly(Map.of("city", "Lyon"), Map.of("city", "Paris"));
        JsonNode second = server.received().get(1).body();
        assertThat(second.path("tool_choice").path("type").asText()).isEqualTo("none");
        JsonNode content = second.path("messages").get(2).path("content");
        assertThat(content.get(0).path("content").asText()).startsWith("Error: there is no tool named 'bash'");
        assertThat(content.get(0).path("is_error").asBoolean()).isTrue();
        assertThat(content.get(3).path("content").asText()).isEqualTo("Not run: the tool budget of 3 calls is spent.");
        assertThat(content.get(4).path("type").asText()).isEqualTo("text");
    }

    @Test
    void structuredOutputFromText() throws Exception {
        server.then(Answer.json(text("{\"plan\": [\"museum\", \"lunch\"], \"rain\": false}")));

        Object answer = loop(false).run(task(List.of(), Map.of("output_schema", Map.of("type", "object",
                "properties", Map.of("plan", Map.of("type", "array"), "rain", Map.of("type", "boolean")),
                "required", List.of("plan"))))).answer();

        assertThat(answer).isEqualTo(Map.of("plan", List.of("museum", "lunch"), "rain", false));
        assertThat(server.received().get(0).body().path("system").asText()).contains("JSON Schema");
    }

    @Test
    void aStreamedAnswerWithAToolCall() throws Exception {
        String first = """
                event: message_start
                data: {"type":"message_start","message":{"id":"m1","usage":{"input_tokens":25,"output_tokens":1}}}

                event: content_block_start
                data: {"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"tu_9","name":"weather","input":{}}}

                event: ping
                data: {"type":"ping"}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\\"city\\": \\"Ly"}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"on\\"}"}}

                event: content_block_stop
                data: {"type":"content_block_stop","index":0}

                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"tool_use"},"usage":{"output_tokens":15}}

                event: message_stop
                data: {"type":"message_stop"}

                """;
        String second = """
                event: message_start
                data: {"type":"message_start","message":{"id":"m2","usage":{"input_tokens":60,"output_tokens":1}}}

                event: content_block_start
                data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Sunny, "}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"go out."}}

                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":6}}

                event: message_stop
                data: {"type":"message_stop"}

                """;
        server.then(Answer.events(first)).then(Answer.events(second));

        AgentLoop.Outcome outcome = loop(true).run(task(List.of("weather"), Map.of()));

        assertThat(outcome.answer()).isEqualTo("Sunny, go out.");
        assertThat(calls).containsExactly(Map.of("city", "Lyon"));
        assertThat(outcome.usage()).isEqualTo(new TokenUsage(85, 21));
        assertThat(server.received().get(0).body().path("stream").asBoolean()).isTrue();
    }

    @Test
    void anErrorEventInTheStream() {
        server.then(Answer.events("""
                event: error
                data: {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}

                """));

        assertThatThrownBy(() -> loop(true).run(task(List.of(), Map.of())))
                .hasMessageContaining("the stream reported an error: Overloaded");
    }

    @Test
    void a529OverloadedIsRetried() throws Exception {
        server.then(Answer.status(529, "{\"type\": \"error\", \"error\": {\"type\": \"overloaded_error\","
                        + " \"message\": \"Overloaded\"}}", Map.of("Retry-After", "3")))
                .then(Answer.json(text("ok")));

        assertThat(loop(false).run(task(List.of(), Map.of())).answer()).isEqualTo("ok");
        assertThat(pauses).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void malformedAnswers() {
        server.then(Answer.json("not json at all"));
        assertThatThrownBy(() -> loop(false).run(task(List.of(), Map.of())))
                .hasMessageContaining("the answer is not JSON");
        server.then(Answer.json("{\"content\": \"text\"}"));
        assertThatThrownBy(() -> loop(false).run(task(List.of(), Map.of())))
                .hasMessageContaining("the answer has no content array");
    }
}
