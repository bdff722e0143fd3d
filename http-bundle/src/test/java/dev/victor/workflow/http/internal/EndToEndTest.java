package dev.victor.workflow.http.internal;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.json.internal.JsonFormat;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.registry.PluginSettings;
import dev.victor.workflow.yaml.internal.YamlFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A registry as a user builds it off OSGi: the yaml and json plugins found by ServiceLoader, the
 * YAML and JSON formats and the http sources registered in code; workflows compiled and run from
 * URLs.
 */
class EndToEndTest {

    private static final String REVIEW = """
            # A review loop, served over HTTP
            workflows:
              review:
                description: Score a draft and decide
                nodes:
                  - id: score
                    type: transform
                    transform: "score = len(draft) * 10"
                  - id: decide
                    type: condition
                    condition: "score >= 50"
                    branches:
                      "true": accept
                      "false": reject
                  - id: accept
                    type: transform
                    transform: "verdict = 'accepted'"
                    next: []
                  - id: reject
                    type: transform
                    transform: "verdict = 'rejected'"
                    next: []
            """;

    private TestServer server;
    private DefaultWorkflowCompilerRegistry registry;
    private final List<HttpSource> sources = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        server = TestServer.http();
        registry = userRegistry(DefaultWorkflowCompilerRegistry.builder());
    }

    /** The plugins by ServiceLoader, the formats and the sources in code, as the README shows. */
    private DefaultWorkflowCompilerRegistry userRegistry(DefaultWorkflowCompilerRegistry.Builder builder) {
        DefaultWorkflowCompilerRegistry built = builder.discover(EndToEndTest.class.getClassLoader()).build();
        built.register(YamlFormat.NAME, new YamlFormat(), YamlFormat.MEDIA_TYPES, YamlFormat.EXTENSIONS);
        built.register(JsonFormat.NAME, new JsonFormat(), JsonFormat.MEDIA_TYPES, JsonFormat.EXTENSIONS);
        sources.addAll(HttpSource.register(built::register, Map.of("allow_private_networks", true)));
        return built;
    }

    @AfterEach
    void tearDown() {
        sources.forEach(HttpSource::close);
        server.close();
    }

    @Test
    void aYamlWorkflowFromAUrlCompilesAndRuns() {
        server.route("/flows/review.yaml", server.document("application/yaml", REVIEW, "\"r1\"", null));

        CompiledGraph graph = registry.compile(server.url("/flows/review.yaml"));
        RunResult good = graph.invoke(Map.of("draft", "a long draft"));
        RunResult poor = graph.invoke(Map.of("draft", "abc"));

        assertThat(registry.schemes()).contains("yaml", "yml", "file", "json", "json+file", "http", "https");
        assertThat(graph.name()).isEqualTo("review");
        assertThat(good.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(good.state()).containsEntry("verdict", "accepted");
        assertThat(poor.state()).containsEntry("verdict", "rejected");
        assertThat(good.nodeHistory()).containsExactly("score", "decide", "accept");
        assertThat(graph.getGraph().toMermaid()).contains("decide");
    }

    @Test
    void aJsonWorkflowFromAUrlCompilesAndRuns() {
        server.route("/flows/hello.json", server.ok(null, Documents.JSON));

        RunResult result = registry.compile(server.url("/flows/hello.json")).invoke(Map.of());

        assertThat(result.state()).containsEntry("greeted", true);
    }

    @Test
    void problemsOfTheRealPluginsAreLocatedInTheDocumentAtItsUrl() {
        server.route("/broken.yaml", server.ok("application/yaml", "workflows:\n  w:\n    nodes:\n      - id: a\n"
                + "        type: nonsense\n"));
        server.route("/broken.json", server.ok("application/json", "{\"workflows\": {\"w\": {\"nodes\": [}}}\n"));

        assertThatThrownBy(() -> registry.compile(server.url("/broken.yaml")))
                .isInstanceOf(InvalidWorkflowException.class)
                .satisfies(e -> assertThat(((InvalidWorkflowException) e).errors()).allSatisfy(problem -> {
                    assertThat(problem.source()).isEqualTo(server.url("/broken.yaml"));
                    assertThat(problem.line()).isEqualTo(5);
                }))
                .hasMessageContaining(server.url("/broken.yaml") + ":5:");
        assertThatThrownBy(() -> registry.compile(server.url("/broken.json")))
                .isInstanceOf(InvalidWorkflowException.class)
                .satisfies(e -> assertThat(((InvalidWorkflowException) e).errors()).extracting(Problem::source)
                        .containsOnly(server.url("/broken.json")));
    }

    @Test
    void aRemoteDocumentCannotReachLocalFilesThroughRef(@TempDir Path directory) throws Exception {
        Path secret = Files.writeString(directory.resolve("secret.yaml"),
                "nodes:\n  - {id: leak, type: transform, transform: \"leaked = True\"}\n");
        String remote = """
                workflows:
                  w:
                    nodes:
                      - $ref: "%s#leak"
                """.formatted(secret);
        server.route("/ref.yaml", server.ok("application/yaml", remote));

        assertThatThrownBy(() -> registry.compile(server.url("/ref.yaml")))
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining("$ref").hasMessageContaining("not supported")
                .hasMessageNotContaining("leaked");
    }

    @Test
    void environmentValuesAreNotReadIntoARemoteDocument() {
        String home = System.getenv("HOME");
        String remote = """
                workflows:
                  w:
                    nodes:
                      - id: a
                        type: agent
                        role: reader
                        goal: "Read $env.HOME"
                """;
        server.route("/env.yaml", server.ok("application/yaml", remote));

        CompiledGraph graph = registry.compile(server.url("/env.yaml"));
        assertThat(graph.getGraph().nodes().get(0).attributes()).containsEntry("goal", "Read $env.HOME");
        assertThat(graph.warnings()).anySatisfy(warning -> {
            assertThat(warning.message()).contains("environment interpolation is off");
            assertThat(warning.source()).isEqualTo(server.url("/env.yaml"));
        });

        assertThat(graph.getGraph().toJson() + graph.getGraph().nodes()).doesNotContain(home == null ? "\u0000" : home);
    }

    @Test
    void stalenessAndTheRealPluginsTogether() {
        DefaultWorkflowCompilerRegistry stale = userRegistry(DefaultWorkflowCompilerRegistry.builder()
                .pluginSettings("http", PluginSettings.defaults().withStaleIfError(true)));
        server.route("/flows/review.yaml", server.document("application/yaml", REVIEW, "\"r1\"", null));
        stale.compile(server.url("/flows/review.yaml"));

        server.route("/flows/review.yaml", TestServer.status(500));
        RunResult result = stale.compile(server.url("/flows/review.yaml")).invoke(Map.of("draft", "a long draft"));

        assertThat(result.state()).containsEntry("verdict", "accepted");
        assertThat(result.warnings()).anySatisfy(warning -> assertThat(warning).contains("HTTP 500"));
    }
}
