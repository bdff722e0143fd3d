package dev.victor.workflow.agent.internal;

import dev.victor.workflow.agent.AgentTool;
import dev.victor.workflow.agent.LlmEndpoint;
import dev.victor.workflow.agent.Provider;
import dev.victor.workflow.agent.internal.LlmServer.Answer;
import dev.victor.workflow.api.TokenUsage;
import dev.victor.workflow.spi.AgentListener;
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
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A streamed run's agent: the model's answer asked for as server-sent events, read as the chunks
 * arrive (the server sends the rest only once the first piece reached the listener), each piece
 * reported, tool calls assembled from their pieces, the answer the same as without streaming.
 */
class StreamedAnswerTest {
    LlmServer server;
    final List<Map<String, Object>> toolCalls = Collections.synchronizedList(new ArrayList<>());
    AgentTool weather;

    /** Records what the runtime reports, and opens the gate at the first piece. */
    static final class Recorder implements AgentListener {
        final boolean streaming;
        final CountDownLatch firstPiece = new CountDownLatch(1);
        final List<String> pieces = Collections.synchronizedList(new ArrayList<>());
        final List<TokenUsage> usages = Collections.synchronizedList(new ArrayList<>());

        Recorder(boolean streaming) {
            this.streaming = streaming;
        }

        @Override
        public boolean streaming() {
            return streaming;
        }

        @Override
        public void token(String text) {
            pieces.add(text);
            firstPiece.countDown();
        }

        @Override
        public void usage(TokenUsage usage) {
            usages.add(usage);
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = new LlmServer();
        weather = new AgentTool("weather", "Today's weather in a city",
                Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string"))),
                (NodeCall call) -> {
                    toolCalls.add(call.inputs());
                    return "sunny in " + call.inputs().get("city");
                });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    AgentLoop loop(Provider provider) {
        LlmEndpoint endpoint = new LlmEndpoint("default", provider, URI.create(server.base()), "m", "key-1",
                Duration.ofSeconds(20), 0, Duration.ZERO, false, 512);
        return new AgentLoop(() -> Map.of("default", endpoint),
                name -> name.equals("weather") ? Optional.of(weather) : Optional.empty(),
                new ChatClient(HttpClient.newHttpClient(), pause -> { }));
    }

    static AgentTask task(AgentListener listener) {
        return new AgentTask("trip", "planner", null, "planner", "Plan a day in Lyon", List.of("weather"), 3, Map.of(),
                Map.of(), Map.of(), null, null, listener);
    }

    @Test
    void openAiPiecesArriveAsTheyComeAndTheAnswerIsTheSameAsWithoutStreaming() throws Exception {
        Recorder recorder = new Recorder(true);
        server.then(Answer.chunkedEvents(List.of(
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,"
                        + "\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"wea",
                "ther\",\"arguments\":\"\"}}]}}]}\n\ndata: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":"
                        + "[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\": \"}}]}}]}\n\n",
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":"
                        + "{\"arguments\":\"\\\"Lyon\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}]}\n\n"
                        + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":8}}\n\n"
                        + "data: [DONE]\n\n"), null));
        server.then(Answer.chunkedEvents(List.of(
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Sunny: \"}}]}\n\n",
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"walk by \"}}]}\n\n",
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"the Saône.\"},\"finish_reason\":\"stop\"}]}"
                        + "\n\ndata: {\"choices\":[],\"usage\":{\"prompt_tokens\":40,\"completion_tokens\":6}}\n\n",
                "data: [DONE]\n\n"), recorder.firstPiece));

        Object streamed = loop(Provider.OPENAI).run(task(recorder)).answer();

        assertThat(streamed).isEqualTo("Sunny: walk by the Saône.");
        assertThat(recorder.pieces).containsExactly("Sunny: ", "walk by ", "the Saône.");
        assertThat(toolCalls).containsExactly(Map.of("city", "Lyon"));
        assertThat(recorder.usages).containsExactly(new TokenUsage(20, 8), new TokenUsage(40, 6));
        assertThat(server.received().get(0).body().path("stream").asBoolean())
                .as("asked for a stream because the run streams, though the endpoint does not").isTrue();

        Recorder quiet = new Recorder(false);
        server.then(Answer.json(AgentLoopTest.answer("Sunny: walk by the Saône.")));
        Object whole = loop(Provider.OPENAI).run(new AgentTask("trip", "planner", null, "planner", "Plan a day in Lyon",
                List.of(), 3, Map.of(), Map.of(), Map.of(), null, null, quiet)).answer();
        assertThat(whole).isEqualTo(streamed);
        assertThat(quiet.pieces).isEmpty();
        assertThat(quiet.usages).containsExactly(new TokenUsage(12, 5));
        assertThat(server.received().get(2).body().has("stream")).isFalse();
    }

    @Test
    void anthropicEventsSplitAcrossChunksAreReadPieceByPiece() throws Exception {
        Recorder recorder = new Recorder(true);
        server.then(Answer.chunkedEvents(List.of(
                "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":25,"
                        + "\"output_tokens\":1}}}\n\nevent: content_block_start\ndata: {\"type\":\"content_block_start\","
                        + "\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
                        + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
                        + "{\"type\":\"text_delta\",\"text\":\"Let me check.\"}}\n\n",
                "event: content_block_start\n"
                        + "data: {\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\","
                        + "\"id\":\"tu_1\",\"name\":\"weather\",\"input\":{}}}\n\nevent: content_block_delta\ndata: {\"type\":"
                        + "\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":"
                        + "\"{\\\"city\\\": \\\"Ly\"}}\n\nevent: content_block_delta\ndata: {\"type\":\"content_bl",
                "ock_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"on\\\"}\"}}\n\n"
                        + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
                        + "\"tool_use\"},\"usage\":{\"output_tokens\":15}}\n\nevent: message_stop\n"
                        + "data: {\"type\":\"message_stop\"}\n\n"), recorder.firstPiece));
        server.then(Answer.chunkedEvents(List.of(
                "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":60,"
                        + "\"output_tokens\":1}}}\n\nevent: content_block_start\ndata: {\"type\":\"content_block_start\","
                        + "\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\nevent: content_block_delta\n"
                        + "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\","
                        + "\"text\":\"Sunny, \"}}\n\n",
                "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":"
                        + "\"text_delta\",\"text\":\"go out.\"}}\n\nevent: message_delta\ndata: {\"type\":\"message_delta\","
                        + "\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":6}}\n\n"
                        + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"), null));

        Object answer = loop(Provider.ANTHROPIC).run(task(recorder)).answer();

        assertThat(answer).isEqualTo("Sunny, go out.");
        assertThat(recorder.pieces).as("the tool call's JSON is no piece of the answer")
                .containsExactly("Let me check.", "Sunny, ", "go out.");
        assertThat(toolCalls).containsExactly(Map.of("city", "Lyon"));
        assertThat(recorder.usages).containsExactly(new TokenUsage(25, 15), new TokenUsage(60, 6));
        assertThat(server.received().get(1).body().path("messages").get(1).path("content").get(1).path("input")
                .path("city").asText()).isEqualTo("Lyon");
    }
}
