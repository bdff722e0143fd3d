package dev.victor.workflow.agent.internal;

import dev.victor.workflow.agent.LlmAgentRuntime;
import dev.victor.workflow.agent.LlmEndpoint;
import dev.victor.workflow.agent.Provider;
import dev.victor.workflow.agent.internal.LlmServer.Answer;
import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunEvent;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.api.TokenUsage;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.spi.NodeServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workflow streamed through the real yaml plugin, engine and agent runtime: the model's answer
 * reaches the stream's consumer piece by piece while the node runs (the server sends the rest only
 * once the consumer has the first piece), and the tokens land in the events and the result.
 */
class StreamedWorkflowTest {
    LlmServer server;

    @BeforeEach
    void start() throws Exception {
        server = new LlmServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void piecesReachTheConsumerWhileTheAgentNodeRuns(@TempDir Path dir) throws Exception {
        Path workflow = dir.resolve("haiku.yaml");
        Files.writeString(workflow, """
                workflows:
                  haiku:
                    nodes:
                      - id: poet
                        type: agent
                        role: writer
                        goal: Write a haiku about {topic}
                        output: poem
                        next: [shout]
                      - id: shout
                        type: transform
                        transform: loud = poem.upper()
                        next: []
                """);
        CountDownLatch consumerHasFirstPiece = new CountDownLatch(1);
        server.then(Answer.chunkedEvents(List.of(
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Old pond, \"}}]}\n\n",
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a frog jumps\"},\"finish_reason\":\"stop\"}]}"
                        + "\n\ndata: {\"choices\":[],\"usage\":{\"prompt_tokens\":31,\"completion_tokens\":7}}\n\n"
                        + "data: [DONE]\n\n"), consumerHasFirstPiece));
        LlmAgentRuntime runtime = LlmAgentRuntime.builder()
                .endpoint(LlmEndpoint.of("default", Provider.OPENAI, server.base(), "test-model", null))
                .build();
        CompiledGraph graph = DefaultWorkflowCompilerRegistry.builder()
                .discover(Thread.currentThread().getContextClassLoader()).build()
                .compile("yaml://" + workflow);

        List<RunEvent> seen = new ArrayList<>();
        try (Stream<RunEvent> events = graph.stream(Map.of("topic", "a pond"),
                RunConfig.defaults().services(NodeServices.builder().agentRuntime(runtime).build()))) {
            for (Iterator<RunEvent> it = events.iterator(); it.hasNext(); ) {
                RunEvent event = it.next();
                seen.add(event);
                if (event instanceof RunEvent.AgentToken) {
                    consumerHasFirstPiece.countDown();
                }
            }
        }

        RunResult result = ((RunEvent.RunFinished) seen.get(seen.size() - 1)).result();
        assertThat(result.status()).as(String.valueOf(result.error())).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.state()).containsEntry("poem", "Old pond, a frog jumps")
                .containsEntry("loud", "OLD POND, A FROG JUMPS");
        assertThat(seen).filteredOn(RunEvent.AgentToken.class::isInstance)
                .containsExactly(new RunEvent.AgentToken("poet", null, "Old pond, "),
                        new RunEvent.AgentToken("poet", null, "a frog jumps"));
        assertThat(seen).filteredOn(RunEvent.TokensUsed.class::isInstance)
                .containsExactly(new RunEvent.TokensUsed("poet", null, new TokenUsage(31, 7)));
        assertThat(result.tokenUsage()).containsExactly(Map.entry("poet", new TokenUsage(31, 7)));
        assertThat(server.received().get(0).body().path("stream").asBoolean()).isTrue();
    }
}
