package dev.victor.workflow.http.readme;

import com.sun.net.httpserver.HttpServer;
import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.http.internal.HttpSource;
import dev.victor.workflow.json.internal.JsonFormat;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.yaml.internal.YamlFormat;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain-Java example of the README, as written there, against a server on loopback. Two
 * things differ and are marked: the URL, and the options that let the source reach 127.0.0.1.
 */
class ReadmeExampleTest {

    static final String REVIEW_YAML = """
            workflows:
              review:
                nodes:
                  - id: long_enough
                    type: condition
                    condition: "len(draft) >= 10"
                    branches: {"true": approve, "false": reject}
                  - id: approve
                    type: transform
                    transform: verdict = "approved"
                    next: []
                  - id: reject
                    type: transform
                    transform: verdict = "too short"
            """;

    @Test
    void theReadmeExampleRunsAsWritten() throws Exception {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 4);
        server.createContext("/flows/review.yaml", exchange -> {
            try (exchange) {
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                byte[] body = REVIEW_YAML.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/yaml");
                exchange.getResponseHeaders().add("ETag", "\"r1\"");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        try {
            String token = "t-123";
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/flows/review.yaml";  // differs

            // --- from the README ---
            DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.create();
            registry.register(YamlFormat.NAME, new YamlFormat(), YamlFormat.MEDIA_TYPES, YamlFormat.EXTENSIONS);
            registry.register(JsonFormat.NAME, new JsonFormat(), JsonFormat.MEDIA_TYPES, JsonFormat.EXTENSIONS);
            HttpSource.register(registry::register, Map.of(                   // http and https
                    "headers", Map.of("Authorization", "Bearer " + token),
                    "allowed_hosts", List.of("workflows.example.com", "*.flows.example.org",
                            "127.0.0.1"), "allow_private_networks", true));   // differs: loopback

            CompiledGraph graph = registry.compile(url);
            RunResult result = graph.invoke(Map.of("draft", "a short but fine draft"));
            System.out.println(result.status() + " " + result.state().get("verdict"));
            // --- end ---

            assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(result.state()).containsEntry("verdict", "approved");
            assertThat(graph.invoke(Map.of("draft", "short")).state()).containsEntry("verdict", "too short");
            assertThat(authorizations).containsExactly("Bearer t-123");
        } finally {
            server.stop(0);
        }
    }
}
