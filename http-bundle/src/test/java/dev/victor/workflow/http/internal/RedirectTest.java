package dev.victor.workflow.http.internal;

import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Redirects are followed by the source, one checked hop at a time. */
class RedirectTest {

    private TestServer server;
    private RecordingFormat yaml;
    private DefaultWorkflowCompilerRegistry registry;
    private final List<HttpSource> sources = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        server = TestServer.http();
        yaml = RecordingFormat.yaml();
        registry = Registries.withFormats(yaml);
        sources.addAll(Registries.sources(registry, HttpSourceTest.BASE));
        server.route("/flow.yaml", server.document("application/yaml", Documents.YAML, "\"v1\"", null));
    }

    @AfterEach
    void tearDown() {
        sources.forEach(HttpSource::close);
        server.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void everyRedirectStatusIsFollowed(int status) {
        server.route("/old", TestServer.redirect(status, "/flow.yaml"));

        assertThat(registry.compile(server.url("/old")).name()).isEqualTo("hello");
        assertThat(server.requests).extracting(TestServer.Seen::path).containsExactly("/old", "/flow.yaml");
    }

    @Test
    void fiveRedirectsAreFollowedAndASixthIsNot() {
        for (int i = 1; i <= 6; i++) {
            server.route("/hop" + i, TestServer.redirect(302, i == 6 ? "/flow.yaml" : "/hop" + (i + 1)));
        }

        assertThat(registry.compile(server.url("/hop2")).name()).isEqualTo("hello");   // 5 redirects
        server.requests.clear();
        assertThatThrownBy(() -> registry.compile(server.url("/hop1")))                  // 6 redirects
                .isInstanceOf(WorkflowSourceUnavailableException.class)
                .hasMessage("Cannot fetch " + server.url("/hop1") + ": more than 5 redirects (max_redirects = 5)");
        assertThat(server.requests).hasSize(6);
    }

    @Test
    void aRedirectLoopIsStoppedAndShown() {
        server.route("/a", TestServer.redirect(302, "/b"));
        server.route("/b", TestServer.redirect(301, server.url("/a")));

        assertThatThrownBy(() -> registry.compile(server.url("/a")))
                .isInstanceOf(WorkflowSourceUnavailableException.class)
                .hasMessage("Cannot fetch " + server.url("/a") + ": redirect loop " + server.url("/a") + " -> "
                        + server.url("/b") + " -> " + server.url("/a"));
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void aRedirectToItselfIsALoop() {
        server.route("/self", TestServer.redirect(307, "/self#again"));

        assertThatThrownBy(() -> registry.compile(server.url("/self")))
                .isInstanceOf(WorkflowSourceUnavailableException.class).hasMessageContaining("redirect loop");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "jar:file:/tmp/x.jar!/a.yaml", "ftp://127.0.0.1/flow.yaml",
            "gopher://127.0.0.1:70/", "data:text/plain,workflows"})
    void aRedirectToAnotherSchemeIsRefused(String location) {
        server.route("/escape", TestServer.redirect(302, location));

        assertThatThrownBy(() -> registry.compile(server.url("/escape")))
                .isInstanceOf(WorkflowException.class)
                .isNotInstanceOf(WorkflowSourceUnavailableException.class)
                .hasMessageContaining("Refused to fetch " + server.url("/escape"))
                .hasMessageContaining("only http and https redirects are followed");
        assertThat(server.requests).hasSize(1);
        assertThat(yaml.parsed).isEmpty();
    }

    @Test
    void theMessageForAFileRedirectNamesTheScheme() {
        server.route("/escape", TestServer.redirect(302, "file:///etc/passwd"));

        assertThatThrownBy(() -> registry.compile(server.url("/escape")))
                .hasMessage("Refused to fetch " + server.url("/escape") + ": " + server.url("/escape")
                        + " redirects to a 'file:' URL (file:///etc/passwd); only http and https redirects are"
                        + " followed");
    }

    @Test
    void aRedirectWithCredentialsIsRefusedWithoutShowingThem() {
        server.route("/creds", TestServer.redirect(302, "http://admin:hunter2@" + server.authority() + "/flow.yaml"));

        assertThatThrownBy(() -> registry.compile(server.url("/creds")))
                .isInstanceOf(WorkflowException.class)
                .hasMessageContaining("user information").hasMessageNotContaining("hunter2");
    }

    @Test
    void aRedirectWithoutLocationIsUnavailable() {
        server.route("/nowhere", TestServer.status(302));

        assertThatThrownBy(() -> registry.compile(server.url("/nowhere")))
                .isInstanceOf(WorkflowSourceUnavailableException.class)
                .hasMessageContaining("without a Location header");
    }

    @Test
    void noRedirectsWhenMaxRedirectsIsZero() {
        DefaultWorkflowCompilerRegistry strict = Registries.withFormats(yaml);
        sources.addAll(Registries.sources(strict, Map.of("allow_private_networks", true, "max_redirects", 0)));
        server.route("/old", TestServer.redirect(301, "/flow.yaml"));

        assertThatThrownBy(() -> strict.compile(server.url("/old")))
                .isInstanceOf(WorkflowSourceUnavailableException.class).hasMessageContaining("more than 0 redirects");
    }

    @Test
    void conditionalRequestsFollowTheRedirectToo() {
        server.route("/latest", TestServer.redirect(302, "/flow.yaml"));
        registry.compile(server.url("/latest"));
        registry.compile(server.url("/latest"));

        assertThat(server.requests).extracting(TestServer.Seen::path)
                .containsExactly("/latest", "/flow.yaml", "/latest", "/flow.yaml");
        assertThat(server.requests.get(3).header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(server.bodiesSent).hasValue(1);
        assertThat(yaml.parsed).hasSize(1);
    }
}
