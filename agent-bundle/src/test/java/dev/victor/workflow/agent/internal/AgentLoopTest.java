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

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The agent loop against a real loopback server speaking OpenAI's chat completions. */
class AgentLoopTest {
    static final String KEY = "sk-test-secret-0123456789";

    LlmServer server;
    final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());
    final List<Map<String, Object>> toolCalls = Collections.synchronizedList(new ArrayList<>());
    final Map<String, AgentTool> tools = new LinkedHashMap<>();

    @BeforeEach
    void start() throws Exception {
        server = new LlmServer();
        tools.put("lookup", new AgentTool("lookup", "Looks a word up",
                Map.of("type", "object", "properties", Map.of("word", Map.of("type", "string")), "required", List.of("word")),
                (NodeCall call) -> {
                    toolCalls.add(call.inputs());
                    return Map.of("word", call.inputs().get("word"), "meaning", "a small bird");
                }));
        tools.put("count", new AgentTool("count", "Counts letters", null, (NodeCall call) -> {
            toolCalls.add(call.inputs());
            return String.valueOf(String.valueOf(call.inputs().get("text")).length());
        }));
        tools.put("broken", new AgentTool("broken", "Always fails", null, (NodeCall call) -> {
            throw new IllegalStateException("the disk is full");
        }));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    LlmEndpoint endpoint() {
        return new LlmEndpoint("default", Provider.OPENAI, java.net.URI.create(server.base()), "gpt-test", KEY,
                Duration.ofSeconds(10), 2, Duration.ofSeconds(60), false, 0);
    }

    AgentLoop loop(LlmEndpoint endpoint) {
        return new AgentLoop(() -> Map.of(endpoint.name(), endpoint), name -> Optional.ofNullable(tools.get(name)),
                new ChatClient(HttpClient.newHttpClient(), pauses::add));
    }

    static AgentTask task(List<String> tools, int budget, Map<String, Object> llmConfig) {
        return new AgentTask("wf", "writer", null, "researcher", "Explain 'wren'", tools, budget, llmConfig,
                Map.of("topic", "birds"), Map.of("topic", "birds", "secret_token", "hunter2"), null, null);
    }

    static String answer(String content) {
        return "{\"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": " + Json.write(content)
                + "}, \"finish_reason\": \"stop\"}], \"usage\": {\"prompt_tokens\": 12, \"completion_tokens\": 5}}";
    }

    static String calls(String... calls) {
        return "{\"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": null, \"tool_calls\": ["
                + String.join(",", calls) + "]}, \"finish_reason\": \"tool_calls\"}],"
                + " \"usage\": {\"prompt_tokens\": 20, \"completion_tokens\": 8}}";
    }

    static String call(String id, String name, String arguments) {
        return "{\"id\": \"" + id + "\", \"type\": \"function\", \"function\": {\"name\": \"" + name
                + "\", \"arguments\": " + Json.write(arguments) + "}}";
    }

    @Test
    void aPlainAnswerIsTheModelsText() throws Exception {
        server.then(Answer.json(answer("A wren is a small bird.")));

        AgentLoop.Outcome outcome = loop(endpoint()).run(task(List.of(), 15, Map.of("temperature", 0.2)));

        assertThat(outcome.answer()).isEqualTo("A wren is a small bird.");
        assertThat(outcome.usage()).isEqualTo(new TokenUsage(12, 5));
        LlmServer.Received request = server.received().get(0);
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode body = request.body();
        assertThat(body.path("model").asText()).isEqualTo("gpt-test");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.has("tools")).isFalse();
        assertThat(body.has("max_tokens")).as("0 sends none").isFalse();
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(0).path("content").asText()).contains("researcher", "'wf'");
        String user = body.path("messages").get(1).path("content").asText();
        assertThat(user).startsWith("Explain 'wren'").contains("\"topic\":\"birds\"")
                .as("only mapped inputs are sent, not the state").doesNotContain("hunter2");
    }

    @Test
    void llmConfigOverridesModelAndTokensAndChoosesTheEndpoint() throws Exception {
        server.then(Answer.json(answer("ok")));
        LlmEndpoint other = new LlmEndpoint("local", Provider.OPENAI, java.net.URI.create(server.base()), "llama3", null,
                Duration.ofSeconds(10), 0, Duration.ZERO, false, 0);
        LlmEndpoint unreachable = new LlmEndpoint("default", Provider.OPENAI, java.net.URI.create("http://127.0.0.1:9/v1"),
                "none", null, Duration.ofSeconds(10), 0, Duration.ZERO, false, 0);
        AgentLoop loop = new AgentLoop(() -> Map.of("local", other, "default", unreachable), name -> Optional.empty(),
                new ChatClient(HttpClient.newHttpClient(), pauses::add));

        loop.run(task(List.of(), 15, Map.of("provider", "local", "model", "qwen2.5", "max_tokens", 50,
                "model_hint", "claude-3-sonnet")));

        JsonNode body = server.received().get(0).body();
        assertThat(body.path("model").asText()).isEqualTo("qwen2.5");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(50);
        assertThat(server.received().get(0).header("Authorization")).as("no key, no header").isNull();
        assertThatThrownBy(() -> loop.run(task(List.of(), 15, Map.of("provider", "cloud"))))
                .hasMessageContaining("agent node 'writer': llm_config.provider names the LLM endpoint 'cloud',"
                        + " which is not configured (configured: [default, local])");
        assertThatThrownBy(() -> loop.run(task(List.of(), 15, Map.of("temperature", "hot"))))
                .hasMessageContaining("llm_config.temperature must be a number from 0 to 2, not hot");
    }

    @Test
    void toolCallsRunOverSeveralTurnsAndTheirResultsGoBack() throws Exception {
        server.then(Answer.json(calls(call("c1", "lookup", "{\"word\": \"wren\"}"))))
                .then(Answer.json(calls(call("c2", "count", "{\"text\": \"a small bird\"}"),
                        call("c3", "broken", "{}"))))
                .then(Answer.json(answer("A wren is a small bird (12 letters).")));

        AgentLoop.Outcome outcome = loop(endpoint()).run(task(List.of("lookup", "count", "broken"), 15, Map.of()));

        assertThat(outcome.answer()).isEqualTo("A wren is a small bird (12 letters).");
        assertThat(outcome.toolCalls()).isEqualTo(3);
        assertThat(outcome.modelCalls()).isEqualTo(3);
        assertThat(outcome.usage()).isEqualTo(new TokenUsage(52, 21));
        assertThat(toolCalls).containsExactly(Map.of("word", "wren"), Map.of("text", "a small bird"));
        JsonNode first = server.received().get(0).body();
        assertThat(first.path("tools")).hasSize(3);
        assertThat(first.path("tools").get(0).path("function").path("parameters").path("required").get(0).asText())
                .isEqualTo("word");
        assertThat(first.path("tool_choice").asText()).isEqualTo("auto");
        JsonNode third = server.received().get(2).body().path("messages");
        // system, user, assistant(c1), tool(c1), assistant(c2, c3), tool(c2), tool(c3)
        assertThat(third).hasSize(7);
        assertThat(third.get(2).path("tool_calls").get(0).path("id").asText()).isEqualTo("c1");
        assertThat(third.get(3).path("tool_call_id").asText()).isEqualTo("c1");
        assertThat(third.get(3).path("content").asText()).contains("\"meaning\":\"a small bird\"");
        assertThat(third.get(5).path("content").asText()).isEqualTo("12");
        assertThat(third.get(6).path("content").asText()).isEqualTo("Error: the disk is full");
    }

    @Test
    void anUnknownToolOrBadArgumentsAreAnsweredWithAnErrorAndCount() throws Exception {
        server.then(Answer.json(calls(call("c1", "shell", "{\"command\": \"rm -rf /\"}"),
                        call("c2", "lookup", "not json"))))
                .then(Answer.json(answer("done")));

        AgentLoop.Outcome outcome = loop(endpoint()).run(task(List.of("lookup"), 5, Map.of()));

        assertThat(outcome.answer()).isEqualTo("done");
        assertThat(outcome.toolCalls()).isEqualTo(2);
        assertThat(toolCalls).isEmpty();
        JsonNode messages = server.received().get(1).body().path("messages");
        assertThat(messages.get(3).path("content").asText())
                .isEqualTo("Error: there is no tool named 'shell'. The tools are: lookup.");
        assertThat(messages.get(4).path("content").asText()).startsWith("Error: the arguments are not JSON");
    }

    @Test
    void aToolTheNodeNamesButNobodyInstalledFailsBeforeAnyCall() {
        assertThatThrownBy(() -> loop(endpoint()).run(task(List.of("lookup", "web_search", "code_search"), 5, Map.of())))
                .hasMessage("agent node 'writer': the tools 'web_search', 'code_search' are not installed");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void whenTheBudgetIsSpentTheRestIsNotRunAndTheModelMustAnswer() throws Exception {
        server.then(Answer.json(calls(call("c1", "count", "{\"text\": \"a\"}"), call("c2", "count", "{\"text\": \"ab\"}"),
                        call("c3", "count", "{\"text\": \"abc\"}"))))
                .then(Answer.json(answer("three calls were asked, two ran")));

        AgentLoop.Outcome outcome = loop(endpoint()).run(task(List.of("count"), 2, Map.of()));

        assertThat(outcome.answer()).isEqualTo("three calls were asked, two ran");
        assertThat(toolCalls).hasSize(2);
        JsonNode second = server.received().get(1).body();
        assertThat(second.path("tool_choice").asText()).as("tools switched off").isEqualTo("none");
        JsonNode messages = second.path("messages");
        assertThat(messages.get(5).path("content").asText()).isEqualTo("Not run: the tool budget of 2 calls is spent.");
        assertThat(messages.get(6).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(6).path("content").asText()).contains("tool budget of 2 calls is spent");
    }

    @Test
    void aModelThatStillCallsToolsAfterTheBudgetFailsTheNode() {
        server.then(Answer.json(calls(call("c1", "count", "{\"text\": \"a\"}"))))
                .then(Answer.json(calls(call("c2", "count", "{\"text\": \"b\"}"))));

        assertThatThrownBy(() -> loop(endpoint()).run(task(List.of("count"), 1, Map.of())))
                .hasMessage("agent node 'writer': the model asked for a tool after its tool_budget (1 calls) was spent");
        assertThat(toolCalls).hasSize(1);
    }

    @Test
    void aZeroBudgetOffersNoTools() throws Exception {
        server.then(Answer.json(answer("no tools")));

        loop(endpoint()).run(task(List.of("count", "not_installed"), 0, Map.of()));

        assertThat(server.received().get(0).body().has("tools")).isFalse();
    }

    @Test
    void structuredOutputAsksForTheSchemaAndGivesAMap() throws Exception {
        Map<String, Object> schema = Map.of("type", "object",
                "properties", Map.of("verdict", Map.of("type", "string", "enum", List.of("approve", "reject")),
                        "score", Map.of("type", "integer")),
                "required", List.of("verdict", "score"));
        server.then(Answer.json(answer("{\"verdict\": \"approve\", \"score\": 8, \"notes\": [\"short\"]}")))
                .then(Answer.json(answer("{\"verdict\": \"maybe\", \"score\": 8}")))
                .then(Answer.json(answer("{\"score\": 8}")))
                .then(Answer.json(answer("Sure! Here it is: {\"verdict\": \"approve\"}")));
        AgentLoop loop = loop(endpoint());

        Object answer = loop.run(task(List.of(), 15, Map.of("output_schema", schema))).answer();

        assertThat(answer).isEqualTo(Map.of("verdict", "approve", "score", 8, "notes", List.of("short")));
        JsonNode format = server.received().get(0).body().path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("schema").path("required").get(0).asText()).isEqualTo("verdict");
        assertThat(server.received().get(0).body().path("messages").get(0).path("content").asText())
                .contains("single JSON object", "\"required\"");
        assertThatThrownBy(() -> loop.run(task(List.of(), 15, Map.of("output_schema", schema))))
                .hasMessage("agent node 'writer': the model's answer does not follow output_schema: 'verdict' is not one"
                        + " of [approve, reject]");
        assertThatThrownBy(() -> loop.run(task(List.of(), 15, Map.of("output_schema", schema))))
                .hasMessageContaining("the required property 'verdict' is missing");
        assertThatThrownBy(() -> loop.run(task(List.of(), 15, Map.of("output_schema", schema))))
                .hasMessageStartingWith("agent node 'writer': the model's answer is not JSON");
    }

    @Test
    void jsonModeAsksForAnObject() throws Exception {
        server.then(Answer.json(answer("```json\n{\"ok\": true}\n```")));

        Object answer = loop(endpoint()).run(task(List.of(), 15, Map.of("response_format", "json"))).answer();

        assertThat(answer).isEqualTo(Map.of("ok", true));
        assertThat(server.received().get(0).body().path("response_format").path("type").asText()).isEqualTo("json_object");
    }

    @Test
    void aStreamedAnswerIsAssembledFromItsEvents() throws Exception {
        String first = """
                data: {"choices":[{"index":0,"delta":{"role":"assistant","tool_calls":[{"index":0,"id":"c1","type":"function","function":{"name":"lookup","arguments":""}}]}}]}

                data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"word\\": "}}]}}]}

                : a comment line
                data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\\"wren\\"}"}}]},"finish_reason":"tool_calls"}]}

                data: [DONE]

                """;
        String second = """
                data: {"choices":[{"index":0,"delta":{"role":"assistant","content":"A wren"}}]}

                data: {"choices":[{"index":0,"delta":{"content":" is small."},"finish_reason":"stop"}]}

                data: {"choices":[],"usage":{"prompt_tokens":30,"completion_tokens":4}}

                data: [DONE]

                """;
        server.then(Answer.events(first)).then(Answer.events(second.replace("\n", "\r\n")));

        AgentLoop.Outcome outcome = loop(endpoint().withStream(true)).run(task(List.of("lookup"), 5, Map.of()));

        assertThat(outcome.answer()).isEqualTo("A wren is small.");
        assertThat(toolCalls).containsExactly(Map.of("word", "wren"));
        assertThat(outcome.usage()).isEqualTo(new TokenUsage(30, 4));
        JsonNode body = server.received().get(0).body();
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
    }

    @Test
    void aStreamCutShortIsAnError() {
        server.then(Answer.events("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"A wr\"}}]}\n\n"));

        assertThatThrownBy(() -> loop(endpoint().withStream(true)).run(task(List.of(), 5, Map.of())))
                .hasMessageContaining("answered something unreadable: the stream ended before its [DONE] event");
    }

    @Test
    void a429IsRetriedAfterWhatRetryAfterAsks() throws Exception {
        server.then(Answer.status(429, "{\"error\": {\"message\": \"Rate limit reached\"}}", Map.of("Retry-After", "7")))
                .then(Answer.status(503, "<html>busy</html>", Map.of()))
                .then(Answer.json(answer("finally")));

        Object answer = loop(endpoint()).run(task(List.of(), 5, Map.of())).answer();

        assertThat(answer).isEqualTo("finally");
        assertThat(server.received()).hasSize(3);
        assertThat(pauses).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(2));
    }

    @Test
    void aRetryAfterLongerThanTheLimitFailsAtOnce() {
        server.then(Answer.status(429, "{\"error\": {\"message\": \"slow down\"}}", Map.of("Retry-After", "3600")));

        assertThatThrownBy(() -> loop(endpoint()).run(task(List.of(), 5, Map.of())))
                .hasMessageContaining("answered HTTP 429: slow down and asks to retry after 3600 s, longer than"
                        + " max.retry.wait.seconds (60 s)");
        assertThat(pauses).isEmpty();
    }

    @Test
    void repeated500sFailAfterTheRetriesWithTheProvidersMessage() {
        String echo = "{\"error\": {\"message\": \"internal error for key " + KEY + "\"}}";
        server.then(Answer.status(500, echo, Map.of())).then(Answer.status(500, echo, Map.of()))
                .then(Answer.status(500, echo, Map.of()));

        assertThatThrownBy(() -> loop(endpoint()).run(task(List.of(), 5, Map.of())))
                .hasMessage("agent node 'writer': LLM endpoint 'default' (openai, " + server.base() + "): HTTP 500:"
                        + " internal error for key ***; gave up after 3 attempts (max.retries = 2)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void a4xxIsNotRetried() {
        server.then(Answer.status(401, "{\"error\": {\"message\": \"Incorrect API key provided\"}}", Map.of()));

        assertThatThrownBy(() -> loop(endpoint()).run(task(List.of(), 5, Map.of())))
                .hasMessageContaining("refused the request: HTTP 401: Incorrect API key provided");
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void anAnswerThatHangsPastTheTimeoutFails() {
        server.then(Answer.hanging());
        LlmEndpoint impatient = endpoint().withTimeout(Duration.ofSeconds(1)).withRetries(0, Duration.ZERO);

        assertThatThrownBy(() -> loop(impatient).run(task(List.of(), 5, Map.of())))
                .hasMessageContaining("no answer within 1 s (timeout.seconds); gave up after 1 attempt (max.retries = 0)");
    }

    @Test
    void malformedJsonIsAnErrorAndNotRetried() {
        server.then(Answer.json("{\"choices\": [{\"message\": {\"content\": \"unterminated}]"));

        assertThatThrownBy(() -> loop(endpoint()).run(task(List.of(), 5, Map.of())))
                .hasMessageContaining("answered something unreadable: the answer is not JSON");
        assertThat(server.received()).hasSize(1);
        server.then(Answer.json("{\"id\": \"x\"}"));
        assertThatThrownBy(() -> loop(endpoint()).run(task(List.of(), 5, Map.of())))
                .hasMessageContaining("the answer has no choices[0].message");
    }

    @Test
    void aRefusedConnectionIsRetriedThenNamed() {
        LlmEndpoint closed = new LlmEndpoint("default", Provider.OPENAI, java.net.URI.create("http://127.0.0.1:9/v1"),
                "m", KEY, Duration.ofSeconds(5), 1, Duration.ofSeconds(60), false, 0);

        assertThatThrownBy(() -> loop(closed).run(task(List.of(), 5, Map.of())))
                .hasMessageContaining("the connection failed (ConnectException")
                .hasMessageContaining("gave up after 2 attempts (max.retries = 1)");
        assertThat(pauses).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void anInterruptAbortsTheWait() throws Exception {
        server.then(Answer.hanging());
        AgentLoop loop = loop(endpoint());
        List<Throwable> thrown = new ArrayList<>();
        Thread worker = new Thread(() -> {
            try {
                loop.run(task(List.of(), 5, Map.of()));
            } catch (Throwable e) {
                thrown.add(e);
            }
        });
        worker.start();
        while (server.received().isEmpty()) {
            Thread.sleep(10);
        }
        worker.interrupt();
        worker.join();

        assertThat(thrown).hasSize(1);
        assertThat(thrown.get(0)).isInstanceOf(InterruptedException.class);
    }

    @Test
    void theEndpointNeverShowsItsKey() {
        assertThat(endpoint().toString()).doesNotContain(KEY).contains("apiKey=(set)");
    }
}
