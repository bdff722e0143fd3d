package dev.victor.workflow.http.internal;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.registry.PluginSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry's stale_if_error for URLs: the source reports a failing server as "unavailable". */
class StaleIfErrorTest {

    private TestServer server;
    private RecordingFormat yaml;
    private final List<HttpSource> sources = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        server = TestServer.http();
        yaml = RecordingFormat.yaml();
        server.route("/flow.yaml", server.document("application/yaml", Documents.YAML, "\"v1\"", null));
    }

    @AfterEach
    void tearDown() {
        sources.forEach(HttpSource::close);
        server.close();
    }

    private DefaultWorkflowCompilerRegistry registry(boolean staleIfError) {
        DefaultWorkflowCompilerRegistry registry = Registries.withFormats(DefaultWorkflowCompilerRegistry.builder()
                .pluginSettings("http", PluginSettings.defaults().withStaleIfError(staleIfError)), yaml);
        sources.addAll(Registries.sources(registry, Map.of("allow_private_networks", true, "read_timeout", 0.5)));
        return registry;
    }

    @Test
    void whenTheServerFailsTheLastGoodCompileIsServedWithAWarning() {
        DefaultWorkflowCompilerRegistry registry = registry(true);
        String url = server.url("/flow.yaml");
        CompiledGraph good = registry.compile(url);

        server.route("/flow.yaml", TestServer.status(503));
        CompiledGraph stale = registry.compile(url);

        assertThat(stale.name()).isEqualTo(good.name());
        assertThat(stale.warnings()).extracting(Problem::message).anySatisfy(message -> assertThat(message)
                .contains("Served the last good compile of '" + url + "'")
                .contains("Cannot fetch " + url + ": HTTP 503"));
        RunResult result = stale.invoke(Map.of());
        assertThat(result.isCompleted()).isTrue();
        assertThat(result.warnings()).anySatisfy(warning -> assertThat(warning).contains("HTTP 503"));
        assertThat(yaml.parsed).hasSize(1);
    }

    @Test
    void aTimeoutOrAServerThatIsGoneServesItToo() {
        DefaultWorkflowCompilerRegistry registry = registry(true);
        String url = server.url("/flow.yaml");
        registry.compile(url);

        server.route("/flow.yaml", exchange -> server.stall());
        assertThat(registry.compile(url).warnings()).extracting(Problem::message)
                .anySatisfy(message -> assertThat(message).contains("(read_timeout)"));

        server.close();
        assertThat(registry.compile(url).warnings()).extracting(Problem::message)
                .anySatisfy(message -> assertThat(message).contains("Cannot fetch " + url));
    }

    @Test
    void withoutTheOptionTheErrorIsThrown() {
        DefaultWorkflowCompilerRegistry registry = registry(false);
        String url = server.url("/flow.yaml");
        registry.compile(url);

        server.route("/flow.yaml", TestServer.status(500));

        assertThatThrownBy(() -> registry.compile(url)).isInstanceOf(WorkflowSourceUnavailableException.class);
    }

    @Test
    void aDocumentThatIsGoneIsNotServedStale() {
        DefaultWorkflowCompilerRegistry registry = registry(true);
        String url = server.url("/flow.yaml");
        registry.compile(url);

        server.route("/flow.yaml", TestServer.status(404));

        assertThatThrownBy(() -> registry.compile(url)).isInstanceOf(WorkflowSourceNotFoundException.class);
    }

    @Test
    void theServerRecoveringGivesTheFreshGraphAgain() {
        DefaultWorkflowCompilerRegistry registry = registry(true);
        String url = server.url("/flow.yaml");
        registry.compile(url);
        server.route("/flow.yaml", TestServer.status(502));
        assertThat(registry.compile(url).warnings()).isNotEmpty();

        server.route("/flow.yaml", server.document("application/yaml", Documents.yaml("fixed"), "\"v2\"", null));

        CompiledGraph fresh = registry.compile(url);
        assertThat(fresh.name()).isEqualTo("fixed");
        assertThat(fresh.warnings()).isEmpty();
    }
}
