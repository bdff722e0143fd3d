package dev.victor.workflow.agent.internal;

import dev.victor.workflow.agent.LlmEndpoint;
import dev.victor.workflow.agent.Provider;
import dev.victor.workflow.agent.internal.LlmServer.Answer;
import dev.victor.workflow.spi.AgentTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Azure OpenAI's header and URL, and the limit on an answer's size, against a real loopback server. */
class EndpointLimitsTest {
    static final String KEY = "azure-test-secret-42";

    LlmServer server;

    @BeforeEach
    void start() throws Exception {
        server = new LlmServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    LlmEndpoint endpoint(Provider provider, String path) {
        return new LlmEndpoint("default", provider, URI.create(server.base() + path), "gpt-test", KEY,
                Duration.ofSeconds(10), 2, Duration.ofSeconds(1), false, 0);
    }

    AgentLoop.Outcome run(LlmEndpoint endpoint) throws Exception {
        return new AgentLoop(() -> Map.of(endpoint.name(), endpoint), name -> Optional.empty(),
                new ChatClient(HttpClient.newHttpClient(), pause -> { })).run(task());
    }

    static AgentTask task() {
        return new AgentTask("wf", "writer", null, "executor", "Say hello", List.of(), 15, Map.of(), Map.of(),
                Map.of(), null, null);
    }

    @Test
    void azureSendsTheKeyAsApiKeyAndTheApiVersionInTheQuery() throws Exception {
        server.then(Answer.json(AgentLoopTest.answer("hello")));

        AgentLoop.Outcome outcome = run(endpoint(Provider.AZURE, "/openai/deployments/gpt4o"));

        assertThat(outcome.answer()).isEqualTo("hello");
        LlmServer.Received request = server.received().get(0);
        assertThat(request.path()).isEqualTo("/v1/openai/deployments/gpt4o/chat/completions");
        assertThat(request.query()).isEqualTo("api-version=" + LlmEndpoint.DEFAULT_AZURE_API_VERSION);
        assertThat(request.header("api-key")).isEqualTo(KEY);
        assertThat(request.header("Authorization")).isNull();
    }

    @Test
    void azureWithAnotherOrNoApiVersion() throws Exception {
        server.then(Answer.json(AgentLoopTest.answer("one"))).then(Answer.json(AgentLoopTest.answer("two")));

        run(endpoint(Provider.AZURE, "/openai/deployments/d").withApiVersion("2025-01-01-preview"));
        run(endpoint(Provider.AZURE, "/openai/v1").withApiVersion(""));

        assertThat(server.received().get(0).query()).isEqualTo("api-version=2025-01-01-preview");
        assertThat(server.received().get(1).query()).isNull();
        assertThat(server.received().get(1).path()).isEqualTo("/v1/openai/v1/chat/completions");
    }

    @Test
    void openAiKeepsTheBearerHeaderAndSendsNoVersion() throws Exception {
        server.then(Answer.json(AgentLoopTest.answer("hi")));

        run(endpoint(Provider.OPENAI, ""));

        assertThat(server.received().get(0).header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(server.received().get(0).header("api-key")).isNull();
        assertThat(server.received().get(0).query()).isNull();
    }

    @Test
    void anApiVersionIsRefusedWhereItMeansNothingOrIsMalformed() {
        assertThatThrownBy(() -> endpoint(Provider.OPENAI, "").withApiVersion("2024-10-21"))
                .hasMessageContaining("api.version is for provider 'azure' only");
        assertThatThrownBy(() -> endpoint(Provider.AZURE, "").withApiVersion("1&x=2"))
                .hasMessageContaining("api.version must be");
        assertThatThrownBy(() -> new LlmEndpoint("a", Provider.AZURE, URI.create("https://x.openai.azure.com/d?api-version=1"),
                "m", null, Duration.ofSeconds(1), 0, Duration.ZERO, false, 0))
                .hasMessageContaining("base.url must have no query");
        assertThat(Provider.parse(" Azure ")).isEqualTo(Provider.AZURE);
        assertThatThrownBy(() -> endpoint(Provider.OPENAI, "").withMaxResponseBytes(0))
                .hasMessageContaining("max.response.bytes must be positive");
    }

    @Test
    void anAnswerLongerThanTheLimitFailsNamingTheEndpointAndIsNotRetried() {
        String big = AgentLoopTest.answer("x".repeat(5000));
        server.then(Answer.json(big)).then(Answer.json(big));

        assertThatThrownBy(() -> run(endpoint(Provider.OPENAI, "").withMaxResponseBytes(1000)))
                .hasMessageContaining("agent node 'writer'")
                .hasMessageContaining("LLM endpoint 'default' (openai, " + server.base() + ")")
                .hasMessageContaining("more than 1000 bytes (max.response.bytes)")
                .hasMessageNotContaining(KEY);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void anAnswerJustUnderTheLimitIsRead() throws Exception {
        String body = AgentLoopTest.answer("short");
        server.then(Answer.json(body));

        assertThat(run(endpoint(Provider.OPENAI, "").withMaxResponseBytes(body.length())).answer()).isEqualTo("short");
    }

    @Test
    void anEndlessStreamIsCutAtTheLimit() {
        server.then(Answer.endless(200, "text/event-stream",
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"more \"}}]}\n\n"));

        assertThatThrownBy(() -> run(endpoint(Provider.OPENAI, "").withStream(true).withMaxResponseBytes(64 * 1024)))
                .hasMessageContaining("LLM endpoint 'default'")
                .hasMessageContaining("more than 65536 bytes (max.response.bytes)");
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void anEndlessErrorBodyIsCutAtTheLimitToo() {
        server.then(Answer.endless(500, "application/json", "{\"error\": {\"message\": \"" + "e".repeat(100) + "\"}}"));

        assertThatThrownBy(() -> run(endpoint(Provider.ANTHROPIC, "").withMaxResponseBytes(10_000)))
                .hasMessageContaining("LLM endpoint 'default' (anthropic")
                .hasMessageContaining("more than 10000 bytes");
        assertThat(server.received()).as("not retried").hasSize(1);
    }
}
