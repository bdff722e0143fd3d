package dev.victor.workflow.http.internal;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.PluginFactory;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fetching, format detection, conditional requests and errors, against a real server on loopback. */
class HttpCompilerPluginTest {

    /** Loopback is private: the tests allow it. Short timeouts keep failures quick. */
    static final Map<String, Object> BASE = Map.of("allow_private_networks", true, "connect_timeout", 2,
            "read_timeout", 5);

    private TestServer server;
    private RecordingPlugin yaml;
    private RecordingPlugin json;
    private DefaultWorkflowCompilerRegistry registry;
    private HttpCompilerPlugin direct;

    @BeforeEach
    void setUp() throws Exception {
        server = TestServer.http();
        yaml = RecordingPlugin.yaml();
        json = RecordingPlugin.json();
        registry = DefaultWorkflowCompilerRegistry.builder().build();
        registry.register("yaml", (PluginFactory) options -> yaml);
        registry.register("json", (PluginFactory) options -> json);
        HttpCompilerPlugin.register(registry, BASE);
        direct = new HttpCompilerPlugin("http", HttpOptions.from(BASE), () -> registry);
    }

    @AfterEach
    void tearDown() {
        direct.close();
        server.close();
    }

    // ------------------------------------------------------------ 200 and formats

    @Test
    void yamlDocumentIsHandedToTheYamlPluginAndRuns() {
        server.route("/flows/hello", server.ok("application/yaml", Documents.YAML));

        CompiledGraph graph = registry.compile(server.url("/flows/hello"));

        assertThat(yaml.compiled).containsExactly(Documents.YAML);
        assertThat(json.compiled).isEmpty();
        assertThat(graph.name()).isEqualTo("hello");
        RunResult result = graph.invoke(Map.of());
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.state()).containsEntry("greeted", true);
        assertThat(server.requestsTo("/flows/hello")).hasSize(1);
    }

    @Test
    void jsonDocumentIsHandedToTheJsonPlugin() {
        server.route("/flows/hello", server.ok("application/json; charset=utf-8", Documents.JSON));

        CompiledGraph graph = registry.compile(server.url("/flows/hello"));

        assertThat(json.compiled).containsExactly(Documents.JSON);
        assertThat(yaml.compiled).isEmpty();
        assertThat(graph.name()).isEqualTo("hello_json");
        assertThat(graph.invoke(Map.of()).state()).containsEntry("greeted", true);
    }

    @Test
    void withoutContentTypeTheJsonExtensionPicksJson() {
        server.route("/flows/hello.json", server.ok(null, Documents.JSON));

        registry.compile(server.url("/flows/hello.json"));

        assertThat(server.requestsTo("/flows/hello.json")).hasSize(1);
        assertThat(json.compiled).hasSize(1);
        assertThat(yaml.compiled).isEmpty();
    }

    @Test
    void contentTypeWinsOverTheExtensionAndAnUnknownTypeFallsBackToIt() {
        server.route("/a.json", server.ok("text/yaml", Documents.YAML));
        server.route("/b.json", server.ok("text/plain", Documents.JSON));
        server.route("/c", server.ok("application/octet-stream", Documents.YAML));
        server.route("/d.yml", server.ok("application/problem+json", Documents.JSON));
        server.route("/e.yaml", server.ok("application/vnd.flow+yaml", Documents.YAML));

        registry.compile(server.url("/a.json"));
        registry.compile(server.url("/b.json"));
        registry.compile(server.url("/c"));
        registry.compile(server.url("/d.yml"));
        registry.compile(server.url("/e.yaml"));

        assertThat(yaml.compiled).hasSize(3);
        assertThat(json.compiled).hasSize(2);
    }

    @Test
    void theExtensionOfTheRedirectTargetCounts() {
        server.route("/latest", TestServer.redirect(302, "/v2/flow.json"));
        server.route("/v2/flow.json", server.ok(null, Documents.JSON));

        registry.compile(server.url("/latest"));

        assertThat(json.compiled).hasSize(1);
    }

    @Test
    void charsetOfTheContentTypeIsHonouredAndBadBytesAreInvalid() {
        String latin = Documents.yaml("caf\u00e9");
        server.route("/latin", exchange -> server.send(exchange, 200, "application/yaml; charset=ISO-8859-1",
                latin.getBytes(StandardCharsets.ISO_8859_1), Map.of()));
        server.route("/broken", exchange -> server.send(exchange, 200, "application/yaml",
                latin.getBytes(StandardCharsets.ISO_8859_1), Map.of()));

        assertThat(registry.compile(server.url("/latin")).name()).isEqualTo("caf\u00e9");
        assertThatThrownBy(() -> registry.compile(server.url("/broken")))
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining(server.url("/broken")).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void aByteOrderMarkIsDropped() {
        server.route("/bom", server.ok("application/yaml", "\uFEFF" + Documents.YAML));

        registry.compile(server.url("/bom"));

        assertThat(yaml.compiled).containsExactly(Documents.YAML);
    }

    @Test
    void theHostFormTheRegistryPassesAndAFullUrlBothWork() {
        server.route("/hello.yaml", server.ok("application/yaml", Documents.YAML));

        CompiledGraph fromRest = direct.compile(server.authority() + "/hello.yaml");
        CompiledGraph fromUrl = direct.compile(server.url("/hello.yaml"));

        assertThat(fromRest.name()).isEqualTo(fromUrl.name()).isEqualTo("hello");
        assertThat(direct.getCacheKey(server.authority() + "/hello.yaml"))
                .isEqualTo(direct.getCacheKey(server.url("/hello.yaml")))
                .startsWith(server.url("/hello.yaml"));
    }

    @Test
    void theHttpsPluginDoesNotFetchAnHttpUrl() {
        HttpCompilerPlugin https = new HttpCompilerPlugin("https", HttpOptions.from(BASE), () -> registry);
        try {
            assertThatThrownBy(() -> https.compile(server.url("/x.yaml")))
                    .isInstanceOf(InvalidWorkflowException.class).hasMessageContaining("https plugin");
            assertThat(https.validateSource(server.url("/x.yaml"))).isFalse();
            assertThat(https.validateSource("example.com/x.yaml")).isTrue();
            assertThat(https.validateSource("https://example.com/x.yaml")).isTrue();
            // registry.compile("https://http://...") would hand it "http://...": no downgrade that way either
            assertThatThrownBy(() -> registry.compile("https://" + server.url("/x.yaml")))
                    .isInstanceOf(WorkflowException.class);
            assertThat(server.requests).isEmpty();
        } finally {
            https.close();
        }
    }

    @Test
    void severalWorkflowsAreListedAndCompiledByName() {
        server.route("/two.yaml", server.document("application/yaml", Documents.TWO_WORKFLOWS, "\"v1\"", null));

        assertThat(registry.workflowNames(server.url("/two.yaml"))).containsExactly("first", "second");
        assertThat(registry.compile(server.url("/two.yaml"), "first").name()).isEqualTo("first");
        assertThat(registry.compile(server.url("/two.yaml"), "second").name()).isEqualTo("second");
        assertThat(server.bodiesSent).hasValue(1);
    }

    // ------------------------------------------------------------ conditional requests

    @Test
    void a304ReusesTheCompiledGraphWithoutFetchingOrParsingAgain() {
        server.route("/flow.yaml", server.document("application/yaml", Documents.YAML, "\"v1\"", null));

        CompiledGraph first = direct.compile(server.url("/flow.yaml"));
        CompiledGraph second = direct.compile(server.url("/flow.yaml"));

        assertThat(second).isSameAs(first);
        assertThat(yaml.compiled).hasSize(1);
        assertThat(server.bodiesSent).hasValue(1);
        List<TestServer.Seen> requests = server.requestsTo("/flow.yaml");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).header("If-None-Match")).isNull();
        assertThat(requests.get(1).header("If-None-Match")).isEqualTo("\"v1\"");
    }

    @Test
    void throughTheRegistryTheCacheKeyCheckIsOneConditionalRequestAndItsCompileReusesIt() {
        server.route("/flow.yaml", server.document("application/yaml", Documents.YAML, "\"v1\"", null));
        String url = server.url("/flow.yaml");

        registry.compile(url);          // getCacheKey: 200; compile: uses that response
        registry.compile(url);          // getCacheKey: 304; registry cache hit
        registry.clearCache();
        registry.compile(url);          // getCacheKey: 304; compile: the plugin's kept graph

        assertThat(server.requestsTo("/flow.yaml")).hasSize(3);
        assertThat(server.bodiesSent).hasValue(1);
        assertThat(yaml.compiled).hasSize(1);
        assertThat(registry.cacheStatistics().hits()).isEqualTo(1);
    }

    @Test
    void aNewEtagMeansANewKeyAndANewCompile() {
        String url = server.url("/flow.yaml");
        server.route("/flow.yaml", server.document("application/yaml", Documents.yaml("one"), "\"v1\"", null));
        String firstKey = direct.getCacheKey(url);
        assertThat(registry.compile(url).name()).isEqualTo("one");

        server.route("/flow.yaml", server.document("application/yaml", Documents.yaml("two"), "\"v2\"", null));

        assertThat(direct.getCacheKey(url)).isNotEqualTo(firstKey).contains("\"v2\"");
        assertThat(registry.compile(url).name()).isEqualTo("two");
        assertThat(firstKey).matches(java.util.regex.Pattern.quote(url + " [ETag \"v1\"] [yaml ") + "[0-9a-f]{16}]");
    }

    @Test
    void lastModifiedIsTheValidatorWhenThereIsNoEtag() {
        String date = "Wed, 21 Oct 2015 07:28:00 GMT";
        server.route("/flow.yaml", server.document("application/yaml", Documents.YAML, null, date));

        String key = direct.getCacheKey(server.url("/flow.yaml"));
        direct.compile(server.url("/flow.yaml"));
        direct.compile(server.url("/flow.yaml"));

        assertThat(key).contains("Last-Modified " + date);
        assertThat(server.requestsTo("/flow.yaml")).hasSize(2);   // the first compile used the key's response
        assertThat(server.requestsTo("/flow.yaml").get(1).header("If-Modified-Since")).isEqualTo(date);
        assertThat(server.bodiesSent).hasValue(1);
        assertThat(yaml.compiled).hasSize(1);
    }

    @Test
    void withoutValidatorsTheKeyIsAHashOfTheBodyAndAnUnchangedBodyIsNotParsedAgain() {
        server.route("/flow.yaml", server.ok("application/yaml", Documents.YAML));
        String url = server.url("/flow.yaml");

        String key = direct.getCacheKey(url);
        direct.compile(url);
        direct.compile(url);

        assertThat(key).startsWith(url + " [SHA-256 " + Document.sha256(Documents.YAML) + "] [yaml ");
        assertThat(yaml.compiled).hasSize(1);
        server.route("/flow.yaml", server.ok("application/yaml", Documents.yaml("changed")));
        assertThat(direct.getCacheKey(url)).isNotEqualTo(key);
    }

    @Test
    void revalidateAfterTrustsACheckForThatLong() {
        server.route("/flow.yaml", server.document("application/yaml", Documents.YAML, "\"v1\"", null));
        long[] now = {0};
        HttpOptions options = HttpOptions.from(Map.of("allow_private_networks", true, "revalidate_after", 60));
        HttpCompilerPlugin plugin = new HttpCompilerPlugin("http", options, () -> registry,
                System.getLogger("test"), new NetworkPolicy(List.of("*"), true), () -> now[0]);
        try {
            String url = server.url("/flow.yaml");
            plugin.compile(url);
            now[0] += 59_000_000_000L;
            plugin.getCacheKey(url);
            plugin.compile(url);
            assertThat(server.requests).hasSize(1);
            now[0] += 2_000_000_000L;
            plugin.getCacheKey(url);
            assertThat(server.requests).hasSize(2);
            assertThat(server.requests.get(1).header("If-None-Match")).isEqualTo("\"v1\"");
        } finally {
            plugin.close();
        }
    }

    @Test
    void theHandoffFromGetCacheKeyIsForTheSameThreadAndShortLived() {
        server.route("/flow.yaml", server.document("application/yaml", Documents.YAML, "\"v1\"", null));
        long[] now = {0};
        HttpCompilerPlugin plugin = new HttpCompilerPlugin("http", HttpOptions.from(BASE), () -> registry,
                System.getLogger("test"), new NetworkPolicy(List.of("*"), true), () -> now[0]);
        try {
            String url = server.url("/flow.yaml");
            plugin.getCacheKey(url);
            plugin.compile(url);                 // handed off: no request
            assertThat(server.requests).hasSize(1);
            plugin.compile(url);                 // the handoff is used once
            assertThat(server.requests).hasSize(2);
            plugin.getCacheKey(url);
            now[0] += (HttpCompilerPlugin.HANDOFF_SECONDS + 1) * 1_000_000_000L;
            plugin.compile(url);                 // too late: asks again
            assertThat(server.requests).hasSize(4);
            assertThat(server.bodiesSent).hasValue(1);
        } finally {
            plugin.close();
        }
    }

    @Test
    void anotherFormatPluginOrOtherOptionsOfItMeanANewKeyAndANewCompile() {
        server.route("/flow.yaml", server.document("application/yaml", Documents.YAML, "\"v1\"", null));
        String url = server.url("/flow.yaml");
        String first = direct.getCacheKey(url);
        CompiledGraph graph = direct.compile(url);

        RecordingPlugin strict = RecordingPlugin.yaml(Map.of("strict", true));
        registry.register("yaml", (PluginFactory) options -> strict);
        String second = direct.getCacheKey(url);
        CompiledGraph again = direct.compile(url);

        assertThat(second).isNotEqualTo(first).startsWith(url + " [ETag \"v1\"] [yaml ");
        assertThat(again).isNotSameAs(graph);
        assertThat(yaml.compiled).hasSize(1);
        assertThat(strict.compiled).hasSize(1);
        assertThat(server.bodiesSent).hasValue(1);
        assertThat(direct.compile(url)).isSameAs(again);
    }

    @Test
    void aFormatPluginThatSaysDoNotCacheIsRespected() {
        server.route("/flow.yaml", server.document("application/yaml", Documents.YAML, "\"v1\"", null));
        RecordingPlugin uncached = RecordingPlugin.uncached(RecordingPlugin.yaml());
        registry.register("yaml", (PluginFactory) options -> uncached);
        String url = server.url("/flow.yaml");

        assertThat(direct.getCacheKey(url)).isNull();
        direct.compile(url);
        direct.compile(url);
        registry.compile(url);
        registry.compile(url);

        assertThat(uncached.compiled).hasSize(4);
        assertThat(server.bodiesSent).hasValue(2);   // one per plugin instance: direct, and the registry's
    }

    @Test
    void concurrentCompilesOfOneUrlAllSucceed() throws Exception {
        server.route("/flow.yaml", server.document("application/yaml", Documents.YAML, "\"v1\"", null));
        String url = server.url("/flow.yaml");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> names = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                names.add(pool.submit(() -> compiledName(registry, url)));
            }
            for (java.util.concurrent.Future<String> name : names) {
                assertThat(name.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("hello");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.requests).hasSize(40);               // one check per registry.compile
        assertThat(server.bodiesSent.get()).isLessThanOrEqualTo(8);   // only the first wave can miss the 304
        assertThat(yaml.compiled.size()).isLessThanOrEqualTo(8);
    }

    private static String compiledName(DefaultWorkflowCompilerRegistry registry, String url) {
        return registry.compile(url).name();
    }

    @Test
    void withCacheSizeZeroNothingIsKept() {
        server.route("/flow.yaml", server.document("application/yaml", Documents.YAML, "\"v1\"", null));
        Map<String, Object> options = new java.util.HashMap<>(BASE);
        options.put("cache_size", 0);
        HttpCompilerPlugin plugin = new HttpCompilerPlugin("http", HttpOptions.from(options), () -> registry);
        try {
            plugin.compile(server.url("/flow.yaml"));
            plugin.compile(server.url("/flow.yaml"));
        } finally {
            plugin.close();
        }

        assertThat(server.requests).extracting(seen -> seen.header("If-None-Match")).containsOnlyNulls();
        assertThat(server.bodiesSent).hasValue(2);
        assertThat(yaml.compiled).hasSize(2);
    }

    // ------------------------------------------------------------ errors

    @Test
    void notFoundAndGoneAreSourceNotFoundNamingTheUrl() {
        server.route("/gone", TestServer.status(410));

        assertThatThrownBy(() -> registry.compile(server.url("/missing.yaml")))
                .isInstanceOf(WorkflowSourceNotFoundException.class)
                .hasMessageContaining(server.url("/missing.yaml")).hasMessageContaining("404")
                .satisfies(e -> assertThat(((WorkflowSourceNotFoundException) e).sourceName())
                        .isEqualTo(server.url("/missing.yaml")));
        assertThatThrownBy(() -> registry.compile(server.url("/gone")))
                .isInstanceOf(WorkflowSourceNotFoundException.class).hasMessageContaining("410");
    }

    @Test
    void aServerErrorIsUnavailableNamingTheUrlAndStatus() {
        server.route("/boom", TestServer.status(500));
        server.route("/denied", TestServer.status(403));

        assertThatThrownBy(() -> registry.compile(server.url("/boom")))
                .isInstanceOf(WorkflowSourceUnavailableException.class)
                .hasMessage("Cannot fetch " + server.url("/boom") + ": HTTP 500");
        assertThatThrownBy(() -> registry.compile(server.url("/denied")))
                .isInstanceOf(WorkflowSourceUnavailableException.class).hasMessageContaining("HTTP 403");
    }

    @Test
    void aServerThatIsNotThereIsUnavailable() throws Exception {
        String url;
        try (TestServer gone = TestServer.http()) {
            url = gone.url("/flow.yaml");
        }
        assertThatThrownBy(() -> registry.compile(url))
                .isInstanceOf(WorkflowSourceUnavailableException.class)
                .hasMessageContaining("Cannot fetch " + url);
    }

    @Test
    void anInvalidDocumentIsInvalidWithItsProblemsLocatedAtTheUrl() {
        server.route("/bad.yaml", server.ok("application/yaml", "workflows:\n  broken:\n    nodes: 7\n"));

        assertThatThrownBy(() -> registry.compile(server.url("/bad.yaml")))
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining("'" + server.url("/bad.yaml") + "' is not a valid workflow")
                .satisfies(e -> assertThat(((InvalidWorkflowException) e).errors())
                        .isNotEmpty().extracting(Problem::source).containsOnly(server.url("/bad.yaml")));
    }

    @Test
    void aMissingFormatPluginIsNamed() {
        DefaultWorkflowCompilerRegistry onlyYaml = DefaultWorkflowCompilerRegistry.builder().build();
        onlyYaml.register("yaml", (PluginFactory) options -> yaml);
        HttpCompilerPlugin.register(onlyYaml, BASE);
        server.route("/flow.json", server.ok("application/json", Documents.JSON));

        assertThatThrownBy(() -> onlyYaml.compile(server.url("/flow.json")))
                .isInstanceOf(WorkflowException.class)
                .hasMessageContaining(server.url("/flow.json"))
                .hasMessageContaining("no plugin is installed for the scheme 'json'")
                .hasMessageContaining("Installed schemes: http, https, yaml");
    }

    @Test
    void aBodyIsAlwaysHandedOverAsTextNeverAsAPath() {
        String oneLine = Documents.JSON.replace("\n", "");
        server.route("/one-line", server.ok("application/json", oneLine));
        server.route("/path", server.ok("application/yaml", "file:///etc/passwd"));
        server.route("/path2", server.ok("application/yaml", "yaml://etc/passwd\n"));

        registry.compile(server.url("/one-line"));
        assertThat(json.compiled).containsExactly(oneLine);
        assertThatThrownBy(() -> registry.compile(server.url("/path")))
                .isInstanceOf(InvalidWorkflowException.class).hasMessageContaining("starts with a URI ('file://')");
        assertThatThrownBy(() -> registry.compile(server.url("/path2")))
                .isInstanceOf(InvalidWorkflowException.class).hasMessageContaining("starts with a URI");
        assertThat(yaml.compiled).isEmpty();
    }

    @Test
    void anUnexpectedContentEncodingIsRefused() {
        server.route("/gz", exchange -> server.send(exchange, 200, "application/yaml",
                Documents.YAML.getBytes(StandardCharsets.UTF_8), Map.of("Content-Encoding", "gzip")));

        assertThatThrownBy(() -> registry.compile(server.url("/gz")))
                .isInstanceOf(WorkflowSourceUnavailableException.class).hasMessageContaining("gzip");
    }

    // ------------------------------------------------------------ validateSource

    @Test
    void validateSourceIsTrueOnlyForAWellFormedHttpUrl() {
        assertThat(direct.validateSource("example.com/flows/a.yaml")).isTrue();
        assertThat(direct.validateSource("example.com")).isTrue();
        assertThat(direct.validateSource("127.0.0.1:8080/a?version=3")).isTrue();
        assertThat(direct.validateSource("[::1]:8080/a.yaml")).isTrue();
        assertThat(direct.validateSource("http://example.com/a.yaml")).isTrue();
        assertThat(direct.validateSource("https://example.com/a.yaml")).isTrue();
        assertThat(direct.validateSource("HTTPS://Example.COM/a.yaml")).isTrue();

        assertThat(direct.validateSource(null)).isFalse();
        assertThat(direct.validateSource("")).isFalse();
        assertThat(direct.validateSource("   ")).isFalse();
        assertThat(direct.validateSource("/etc/passwd")).isFalse();
        assertThat(direct.validateSource("file:///etc/passwd")).isFalse();
        assertThat(direct.validateSource("ftp://example.com/a.yaml")).isFalse();
        assertThat(direct.validateSource("example.com/a b.yaml")).isFalse();
        assertThat(direct.validateSource("user:secret@example.com/a.yaml")).isFalse();
        assertThat(direct.validateSource("http://")).isFalse();
        assertThat(direct.validateSource("example.com:port/a")).isFalse();
        assertThat(direct.validateSource("workflows:\n  a: {}\n")).isFalse();
        assertThat(server.requests).isEmpty();
    }

    @Test
    void aMalformedUrlIsInvalidWithoutEchoingCredentials() {
        assertThatThrownBy(() -> registry.compile("http://user:s3cret@example.com/a.yaml"))
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining("user information")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> direct.compile("example.com/a b.yaml"))
                .isInstanceOf(InvalidWorkflowException.class).hasMessageContaining("not a valid URL");
    }
}
