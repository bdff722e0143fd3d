package dev.victor.workflow.http.internal;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Private addresses, the host allow-list, and headers that must stay secret. */
class SecurityTest {

    private static final String TOKEN = "Bearer tok-7f3a9c-very-secret";

    private TestServer server;
    private final List<HttpSource> sources = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        server = TestServer.http();
        server.route("/flow.yaml", server.document("application/yaml", Documents.YAML, "\"v1\"", null));
    }

    @AfterEach
    void tearDown() {
        sources.forEach(HttpSource::close);
        server.close();
    }

    private HttpSource source(Map<String, ?> options) {
        HttpSource source = new HttpSource("http", HttpOptions.from(options));
        sources.add(source);
        return source;
    }

    private HttpSource source(Map<String, ?> options, System.Logger log, NetworkPolicy policy) {
        HttpSource source = new HttpSource("http", HttpOptions.from(options), log, policy, System::nanoTime);
        sources.add(source);
        return source;
    }

    /** Compiles a URL through a registry with the YAML format and this source. */
    private static CompiledGraph compile(HttpSource source, String url) {
        DefaultWorkflowCompilerRegistry registry = Registries.withFormats(RecordingFormat.yaml());
        Registries.source(registry, source);
        return registry.compile(url);
    }

    // ------------------------------------------------------------ private addresses

    @Test
    void aLoopbackAddressIsRefusedByDefaultAndAllowedByTheOption() {
        HttpSource byDefault = source(Map.of());

        assertThatThrownBy(() -> byDefault.read(server.url("/flow.yaml")))
                .isInstanceOf(WorkflowException.class)
                .isNotInstanceOf(WorkflowSourceUnavailableException.class)
                .hasMessage("Refused to fetch " + server.url("/flow.yaml") + ": '127.0.0.1' resolves to 127.0.0.1,"
                        + " a loopback address; to allow such addresses, set allow.private.networks = true in etc/dev.victor.workflow.http.cfg (or the plugin option allow_private_networks: true)");
        assertThatThrownBy(() -> byDefault.fingerprint("localhost:" + server.port() + "/flow.yaml"))
                .hasMessageContaining("'localhost' resolves to").hasMessageContaining("loopback");
        assertThat(server.requests).isEmpty();

        HttpSource allowed = source(Map.of("allow_private_networks", true));
        assertThat(compile(allowed, server.url("/flow.yaml")).name()).isEqualTo("hello");
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void theAddressIsCheckedAfterARedirectToo() throws Exception {
        // Two loopback servers; a classifier that calls 127.0.0.1 public and every other address
        // private stands in for a public server that redirects into a private network.
        try (TestServer internal = TestServer.http("127.0.0.2")) {
            internal.route("/flow.yaml", internal.ok("application/yaml", Documents.YAML));
            server.route("/go", TestServer.redirect(302, internal.url("/flow.yaml")));
            NetworkPolicy policy = new NetworkPolicy(List.of("*"), false, InetAddress::getAllByName,
                    address -> address.getHostAddress().equals("127.0.0.1") ? null : "private");
            HttpSource source = source(Map.of(), System.getLogger("test"), policy);

            assertThatThrownBy(() -> source.read(server.url("/go")))
                    .isInstanceOf(WorkflowException.class)
                    .hasMessage("Refused to fetch " + internal.url("/flow.yaml") + ": '127.0.0.2' resolves to"
                            + " 127.0.0.2, a private address; to allow such addresses, set allow.private.networks = true in etc/dev.victor.workflow.http.cfg (or the plugin option allow_private_networks: true)");
            assertThat(server.requests).hasSize(1);
            assertThat(internal.requests).isEmpty();
        }
    }

    // ------------------------------------------------------------ allow-list

    @Test
    void aHostOutsideTheAllowListIsRefusedBeforeAnyRequest() {
        HttpSource source = source(Map.of("allow_private_networks", true,
                "allowed_hosts", List.of("*.example.org", "example.org")));

        assertThatThrownBy(() -> compile(source, server.url("/flow.yaml")))
                .isInstanceOf(WorkflowException.class)
                .hasMessage("Refused to fetch " + server.url("/flow.yaml") + ": the host '127.0.0.1' is not in the"
                        + " allow-list (allowed_hosts = [*.example.org, example.org])");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void aGlobAllowsTheHostsItMatches() {
        HttpSource source = source(Map.of("allow_private_networks", true, "allowed_hosts", "127.0.0.*"));

        assertThat(compile(source, server.url("/flow.yaml")).name()).isEqualTo("hello");
    }

    @Test
    void theAllowListIsCheckedOnEveryHop() {
        server.route("/elsewhere", TestServer.redirect(302, "http://localhost:" + server.port() + "/flow.yaml"));
        HttpSource source = source(Map.of("allow_private_networks", true, "allowed_hosts", "127.0.0.1"));

        assertThatThrownBy(() -> source.read(server.url("/elsewhere")))
                .hasMessageContaining("the host 'localhost' is not in the allow-list");
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void anEmptyAllowListAllowsNothing() {
        HttpSource source = source(Map.of("allow_private_networks", true, "allowed_hosts", List.of()));

        assertThatThrownBy(() -> source.fingerprint(server.url("/flow.yaml")))
                .hasMessageContaining("(allowed_hosts = (empty: no host))");
    }

    // ------------------------------------------------------------ headers

    @Test
    void configuredHeadersAreSent() {
        HttpSource source = source(Map.of("allow_private_networks", true,
                "headers", Map.of("Authorization", TOKEN, "X-Api-Key", "k-123")));

        compile(source, server.url("/flow.yaml"));

        TestServer.Seen seen = server.requests.get(0);
        assertThat(seen.header("Authorization")).isEqualTo(TOKEN);
        assertThat(seen.header("X-Api-Key")).isEqualTo("k-123");
        assertThat(seen.header("Accept")).startsWith("application/yaml");
    }

    @Test
    void headersNeverAppearInErrorsCacheKeysLogsOrTheGraph() {
        RecordingLogger log = new RecordingLogger();
        Map<String, Object> options = Map.of("allow_private_networks", true, "read_timeout", 0.5,
                "max_body_bytes", 150, "headers", List.of("Authorization: " + TOKEN));
        HttpSource source = source(options, log, new NetworkPolicy(List.of("*"), true));
        DefaultWorkflowCompilerRegistry registry = Registries.withFormats(RecordingFormat.yaml());
        Registries.source(registry, source);
        server.route("/boom", TestServer.status(500));
        server.route("/silent", exchange -> server.stall());
        server.route("/big", server.ok("application/yaml", "#".repeat(200)));
        server.route("/bad-charset", server.ok("application/yaml; charset=klingon", Documents.YAML));
        server.route("/bad", server.ok("application/yaml", "workflows: [1, 2"));

        String location = registry.resolve(server.url("/flow.yaml")).source();
        assertThat(source.fingerprint(location)).doesNotContain("tok-7f3a9c");
        assertThat(source.read(location).toString()).doesNotContain("tok-7f3a9c");
        CompiledGraph graph = registry.compile(server.url("/flow.yaml"));
        assertThat(graph.getGraph().toMermaid() + graph.getGraph().toDot() + graph.getGraph().toJson()
                + graph.getGraph().nodes() + graph.warnings() + graph).doesNotContain("tok-7f3a9c");

        List<Throwable> errors = new ArrayList<>();
        for (String path : List.of("/boom", "/silent", "/big", "/bad-charset", "/bad", "/nothing-here")) {
            errors.add(catchThrowable(() -> registry.compile(server.url(path))));
        }
        assertThat(errors).doesNotContainNull();
        for (Throwable error : errors) {
            for (Throwable t = error; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t)).doesNotContain("tok-7f3a9c");
            }
        }
        assertThat(log.messages).isNotEmpty().noneMatch(message -> message.contains("tok-7f3a9c"));
        assertThat(source.toString()).contains("Authorization").doesNotContain("tok-7f3a9c");
        assertThat(source.options().toString()).doesNotContain("tok-7f3a9c");
        assertThat(registry.plugins().toString() + registry).doesNotContain("tok-7f3a9c");
        assertThat(server.requestsTo("/boom").get(0).header("Authorization")).isEqualTo(TOKEN);
    }

    @Test
    void headersAreNotSentToAnotherOriginARedirectLeadsTo() throws Exception {
        try (TestServer other = TestServer.http()) {
            other.route("/flow.yaml", other.ok("application/yaml", Documents.YAML));
            server.route("/same", TestServer.redirect(302, "/flow.yaml"));
            server.route("/away", TestServer.redirect(302, other.url("/flow.yaml")));
            HttpSource source = source(Map.of("allow_private_networks", true,
                    "headers", Map.of("Authorization", TOKEN)));

            source.read(server.url("/same"));
            source.read(server.url("/away"));

            assertThat(server.requestsTo("/flow.yaml").get(0).header("Authorization")).isEqualTo(TOKEN);
            assertThat(server.requestsTo("/away").get(0).header("Authorization")).isEqualTo(TOKEN);
            assertThat(other.requests).hasSize(1);
            assertThat(other.requests.get(0).header("Authorization")).isNull();
        }
    }
}
