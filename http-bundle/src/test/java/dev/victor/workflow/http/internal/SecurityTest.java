package dev.victor.workflow.http.internal;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.PluginFactory;
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
    private RecordingPlugin yaml;
    private DefaultWorkflowCompilerRegistry registry;
    private final List<HttpCompilerPlugin> plugins = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        server = TestServer.http();
        yaml = RecordingPlugin.yaml();
        registry = DefaultWorkflowCompilerRegistry.builder().build();
        registry.register("yaml", (PluginFactory) options -> yaml);
        server.route("/flow.yaml", server.document("application/yaml", Documents.YAML, "\"v1\"", null));
    }

    @AfterEach
    void tearDown() {
        plugins.forEach(HttpCompilerPlugin::close);
        server.close();
    }

    private HttpCompilerPlugin plugin(Map<String, ?> options) {
        HttpCompilerPlugin plugin = new HttpCompilerPlugin("http", HttpOptions.from(options), () -> registry);
        plugins.add(plugin);
        return plugin;
    }

    private HttpCompilerPlugin plugin(Map<String, ?> options, System.Logger log, NetworkPolicy policy) {
        HttpCompilerPlugin plugin = new HttpCompilerPlugin("http", HttpOptions.from(options), () -> registry, log,
                policy, System::nanoTime);
        plugins.add(plugin);
        return plugin;
    }

    // ------------------------------------------------------------ private addresses

    @Test
    void aLoopbackAddressIsRefusedByDefaultAndAllowedByTheOption() {
        HttpCompilerPlugin byDefault = plugin(Map.of());

        assertThatThrownBy(() -> byDefault.compile(server.url("/flow.yaml")))
                .isInstanceOf(WorkflowException.class)
                .isNotInstanceOf(WorkflowSourceUnavailableException.class)
                .hasMessage("Refused to fetch " + server.url("/flow.yaml") + ": '127.0.0.1' resolves to 127.0.0.1,"
                        + " a loopback address; set allow_private_networks=true to allow such addresses");
        assertThatThrownBy(() -> byDefault.getCacheKey("localhost:" + server.port() + "/flow.yaml"))
                .hasMessageContaining("'localhost' resolves to").hasMessageContaining("loopback");
        assertThat(server.requests).isEmpty();

        HttpCompilerPlugin allowed = plugin(Map.of("allow_private_networks", true));
        assertThat(allowed.compile(server.url("/flow.yaml")).name()).isEqualTo("hello");
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
            HttpCompilerPlugin plugin = plugin(Map.of(), System.getLogger("test"), policy);

            assertThatThrownBy(() -> plugin.compile(server.url("/go")))
                    .isInstanceOf(WorkflowException.class)
                    .hasMessage("Refused to fetch " + internal.url("/flow.yaml") + ": '127.0.0.2' resolves to"
                            + " 127.0.0.2, a private address; set allow_private_networks=true to allow such addresses");
            assertThat(server.requests).hasSize(1);
            assertThat(internal.requests).isEmpty();
        }
    }

    // ------------------------------------------------------------ allow-list

    @Test
    void aHostOutsideTheAllowListIsRefusedBeforeAnyRequest() {
        HttpCompilerPlugin plugin = plugin(Map.of("allow_private_networks", true,
                "allowed_hosts", List.of("*.example.org", "example.org")));

        assertThatThrownBy(() -> plugin.compile(server.url("/flow.yaml")))
                .isInstanceOf(WorkflowException.class)
                .hasMessage("Refused to fetch " + server.url("/flow.yaml") + ": the host '127.0.0.1' is not in the"
                        + " allow-list (allowed_hosts = [*.example.org, example.org])");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void aGlobAllowsTheHostsItMatches() {
        HttpCompilerPlugin plugin = plugin(Map.of("allow_private_networks", true, "allowed_hosts", "127.0.0.*"));

        assertThat(plugin.compile(server.url("/flow.yaml")).name()).isEqualTo("hello");
    }

    @Test
    void theAllowListIsCheckedOnEveryHop() {
        server.route("/elsewhere", TestServer.redirect(302, "http://localhost:" + server.port() + "/flow.yaml"));
        HttpCompilerPlugin plugin = plugin(Map.of("allow_private_networks", true, "allowed_hosts", "127.0.0.1"));

        assertThatThrownBy(() -> plugin.compile(server.url("/elsewhere")))
                .hasMessageContaining("the host 'localhost' is not in the allow-list");
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void anEmptyAllowListAllowsNothing() {
        HttpCompilerPlugin plugin = plugin(Map.of("allow_private_networks", true, "allowed_hosts", List.of()));

        assertThatThrownBy(() -> plugin.compile(server.url("/flow.yaml")))
                .hasMessageContaining("(allowed_hosts = (empty: no host))");
    }

    // ------------------------------------------------------------ headers

    @Test
    void configuredHeadersAreSent() {
        HttpCompilerPlugin plugin = plugin(Map.of("allow_private_networks", true,
                "headers", Map.of("Authorization", TOKEN, "X-Api-Key", "k-123")));

        plugin.compile(server.url("/flow.yaml"));

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
        HttpCompilerPlugin plugin = plugin(options, log, new NetworkPolicy(List.of("*"), true));
        registry.register("http", (PluginFactory) given -> plugin);
        server.route("/boom", TestServer.status(500));
        server.route("/silent", exchange -> server.stall());
        server.route("/big", server.ok("application/yaml", "#".repeat(200)));
        server.route("/missing-format", server.ok("application/json", Documents.JSON));
        server.route("/bad", server.ok("application/yaml", "workflows: [1, 2"));

        String key = registry.resolve(server.url("/flow.yaml")).source();
        assertThat(plugin.getCacheKey(key)).doesNotContain("tok-7f3a9c");
        CompiledGraph graph = registry.compile(server.url("/flow.yaml"));
        assertThat(graph.getGraph().toMermaid() + graph.getGraph().toDot() + graph.getGraph().toJson()
                + graph.getGraph().nodes() + graph.warnings() + graph).doesNotContain("tok-7f3a9c");

        List<Throwable> errors = new ArrayList<>();
        for (String path : List.of("/boom", "/silent", "/big", "/missing-format", "/bad", "/nothing-here")) {
            errors.add(catchThrowable(() -> registry.compile(server.url(path))));
        }
        assertThat(errors).doesNotContainNull();
        for (Throwable error : errors) {
            for (Throwable t = error; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t)).doesNotContain("tok-7f3a9c");
            }
        }
        assertThat(log.messages).isNotEmpty().noneMatch(message -> message.contains("tok-7f3a9c"));
        assertThat(plugin.toString()).contains("Authorization").doesNotContain("tok-7f3a9c");
        assertThat(plugin.options().toString()).doesNotContain("tok-7f3a9c");
        assertThat(server.requestsTo("/boom").get(0).header("Authorization")).isEqualTo(TOKEN);
    }

    @Test
    void headersAreNotSentToAnotherOriginARedirectLeadsTo() throws Exception {
        try (TestServer other = TestServer.http()) {
            other.route("/flow.yaml", other.ok("application/yaml", Documents.YAML));
            server.route("/same", TestServer.redirect(302, "/flow.yaml"));
            server.route("/away", TestServer.redirect(302, other.url("/flow.yaml")));
            HttpCompilerPlugin plugin = plugin(Map.of("allow_private_networks", true,
                    "headers", Map.of("Authorization", TOKEN)));

            plugin.compile(server.url("/same"));
            plugin.compile(server.url("/away"));

            assertThat(server.requestsTo("/flow.yaml").get(0).header("Authorization")).isEqualTo(TOKEN);
            assertThat(server.requestsTo("/away").get(0).header("Authorization")).isEqualTo(TOKEN);
            assertThat(other.requests).hasSize(1);
            assertThat(other.requests.get(0).header("Authorization")).isNull();
        }
    }
}
