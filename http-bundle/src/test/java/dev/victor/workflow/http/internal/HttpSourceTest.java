package dev.victor.workflow.http.internal;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.source.SourceDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fetching, media types, conditional requests, fingerprints and errors, against a real server on
 * loopback, through a registry with the real YAML and JSON formats (and the source on its own).
 */
class HttpSourceTest {

    /** Loopback is private: the tests allow it. Short timeouts keep failures quick. */
    static final Map<String, Object> BASE = Map.of("allow_private_networks", true, "connect_timeout", 2,
            "read_timeout", 5);

    private TestServer server;
    private RecordingFormat yaml;
    private RecordingFormat json;
    private DefaultWorkflowCompilerRegistry registry;
    private final List<HttpSource> sources = new ArrayList<>();
    private HttpSource direct;

    @BeforeEach
    void setUp() throws Exception {
        server = TestServer.http();
        yaml = RecordingFormat.yaml();
        json = RecordingFormat.json();
        registry = Registries.withFormats(yaml, json);
        sources.addAll(Registries.sources(registry, BASE));
        direct = keep(new HttpSource("http", HttpOptions.from(BASE)));
    }

    @AfterEach
    void tearDown() {
        sources.forEach(HttpSource::close);
        server.close();
    }

    private HttpSource keep(HttpSource source) {
        sources.add(source);
        return source;
    }

    // ------------------------------------------------------------ 200 and formats

    @Test
    void aYamlDocumentIsReadByTheYamlFormatAndRuns() {
        server.route("/flows/hello", server.ok("application/yaml", Documents.YAML));

        CompiledGraph graph = registry.compile(server.url("/flows/hello"));

        assertThat(yaml.parsed).containsExactly(Documents.YAML);
        assertThat(json.parsed).isEmpty();
        assertThat(graph.name()).isEqualTo("hello");
        RunResult result = graph.invoke(Map.of());
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.state()).containsEntry("greeted", true);
        assertThat(server.requestsTo("/flows/hello")).hasSize(1);
    }

    @Test
    void aJsonDocumentIsReadByTheJsonFormat() {
        server.route("/flows/hello", server.ok("application/json; charset=utf-8", Documents.JSON));

        CompiledGraph graph = registry.compile(server.url("/flows/hello"));

        assertThat(json.parsed).containsExactly(Documents.JSON);
        assertThat(yaml.parsed).isEmpty();
        assertThat(graph.name()).isEqualTo("hello_json");
        assertThat(graph.invoke(Map.of()).state()).containsEntry("greeted", true);
    }

    @Test
    void theDocumentIsFetchedContentNamedByItsUrlWithTheContentTypeAsMediaType() {
        server.route("/flows/hello", server.ok("application/json; charset=utf-8", Documents.JSON));

        SourceDocument document = direct.read(server.url("/flows/hello"));

        assertThat(document.name()).isEqualTo(server.url("/flows/hello"));
        assertThat(document.mediaType()).isEqualTo("application/json; charset=utf-8");
        assertThat(document.trusted()).isFalse();
        assertThat(new String(document.content(), StandardCharsets.UTF_8)).isEqualTo(Documents.JSON);
        assertThat(document.fingerprint()).isEqualTo(direct.fingerprint(server.url("/flows/hello")));
        assertThatThrownBy(() -> document.references().resolve("other.yaml")).isInstanceOf(WorkflowException.class);
    }

    @Test
    void withoutContentTypeTheJsonExtensionPicksJson() {
        server.route("/flows/hello.json", server.ok(null, Documents.JSON));

        registry.compile(server.url("/flows/hello.json"));

        assertThat(server.requestsTo("/flows/hello.json")).hasSize(1);
        assertThat(json.parsed).hasSize(1);
        assertThat(yaml.parsed).isEmpty();
    }

    @Test
    void contentTypeWinsOverTheExtensionAndAnUnknownTypeFallsBackToIt() {
        server.route("/a.json", server.ok("text/yaml", Documents.YAML));
        server.route("/b.json", server.ok("text/plain", Documents.JSON));
        server.route("/c", server.ok("application/octet-stream", Documents.YAML));
        server.route("/d.yml", server.ok("Application/JSON", Documents.JSON));
        server.route("/e.json", server.ok("application/x-yaml; charset=utf-8", Documents.YAML));

        registry.compile(server.url("/a.json"));
        registry.compile(server.url("/b.json"));
        registry.compile(server.url("/c"));
        registry.compile(server.url("/d.yml"));
        registry.compile(server.url("/e.json"));

        assertThat(yaml.parsed).hasSize(3);
        assertThat(json.parsed).hasSize(2);
    }

    @Test
    void afterARedirectTheDocumentIsNamedByTheUrlAskedForAndTheTargetsContentTypeCounts() {
        server.route("/latest", TestServer.redirect(302, "/v2/flow"));
        server.route("/v2/flow", server.ok("application/json", Documents.JSON));

        registry.compile(server.url("/latest"));

        assertThat(json.parsed).hasSize(1);
        assertThat(json.documents.get(0).name()).isEqualTo(server.url("/latest"));
    }

    @Test
    void charsetOfTheContentTypeIsHonouredAndBadBytesAreInvalid() {
        String latin = Documents.yaml("caf\u00e9");
        server.route("/latin", exchange -> server.send(exchange, 200, "application/yaml; charset=ISO-8859-1",
                latin.getBytes(StandardCharsets.ISO_8859_1), Map.of()));
        server.route("/broken", exchange -> server.send(exchange, 200, "application/yaml",
                latin.getBytes(StandardCharsets.ISO_8859_1), Map.of()));
        server.route("/klingon", exchange -> server.send(exchange, 200, "application/yaml; charset=klingon",
                latin.getBytes(StandardCharsets.ISO_8859_1), Map.of()));

        assertThat(registry.compile(server.url("/latin")).name()).isEqualTo("caf\u00e9");
        assertThat(yaml.documents.get(0).mediaType()).isEqualTo("application/yaml; charset=utf-8");
        assertThatThrownBy(() -> registry.compile(server.url("/broken")))
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining(server.url("/broken")).hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> registry.compile(server.url("/klingon")))
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining(server.url("/klingon")).hasMessageContaining("unknown charset 'klingon'");
    }

    @Test
    void aByteOrderMarkIsDropped() {
        server.route("/bom", server.ok("application/yaml", "\uFEFF" + Documents.YAML));
        server.route("/bom16", exchange -> server.send(exchange, 200, "application/yaml; charset=UTF-16",
                ("\uFEFF" + Documents.YAML).getBytes(StandardCharsets.UTF_16BE), Map.of()));

        assertThat(registry.compile(server.url("/bom")).name()).isEqualTo("hello");
        assertThat(registry.compile(server.url("/bom16")).name()).isEqualTo("hello");
        assertThat(yaml.parsed.get(1)).isEqualTo(Documents.YAML);
    }

    @Test
    void theHostFormTheRegistryPassesAndAFullUrlBothWork() {
        server.route("/hello.yaml", server.ok("application/yaml", Documents.YAML));

        SourceDocument fromRest = direct.read(server.authority() + "/hello.yaml");
        SourceDocument fromUrl = direct.read(server.url("/hello.yaml"));

        assertThat(fromRest.name()).isEqualTo(fromUrl.name()).isEqualTo(server.url("/hello.yaml"));
        assertThat(fromRest.content()).isEqualTo(fromUrl.content());
        assertThat(direct.fingerprint(server.authority() + "/hello.yaml"))
                .isEqualTo(direct.fingerprint(server.url("/hello.yaml")));
    }

    @Test
    void theHttpsSourceDoesNotFetchAnHttpUrl() {
        HttpSource https = keep(new HttpSource("https", HttpOptions.from(BASE)));

        assertThatThrownBy(() -> https.read(server.url("/x.yaml")))
                .isInstanceOf(InvalidWorkflowException.class).hasMessageContaining("https source");
        assertThatThrownBy(() -> https.fingerprint(server.url("/x.yaml")))
                .isInstanceOf(InvalidWorkflowException.class).hasMessageContaining("https source");
        assertThat(https.accepts(server.url("/x.yaml"))).isFalse();
        assertThat(https.accepts("example.com/x.yaml")).isTrue();
        assertThat(https.accepts("https://example.com/x.yaml")).isTrue();
        // registry.compile("https://http://...") would hand it "http://...": no downgrade that way either
        assertThatThrownBy(() -> registry.compile("https://" + server.url("/x.yaml")))
                .isInstanceOf(WorkflowException.class);
        assertThat(server.requests).isEmpty();
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
    void a304ReturnsTheKeptDocumentWithoutABody() {
        server.route("/flow.yaml", server.document("application/yaml", Documents.YAML, "\"v1\"", null));

        SourceDocument first = direct.read(server.url("/flow.yaml"));
        SourceDocument second = direct.read(server.url("/flow.yaml"));

        assertThat(second.content()).isEqualTo(first.content());
        assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(server.bodiesSent).hasValue(1);
        List<TestServer.Seen> requests = server.requestsTo("/flow.yaml");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).header("If-None-Match")).isNull();
        assertThat(requests.get(1).header("If-None-Match")).isEqualTo("\"v1\"");
    }

    @Test
    void throughTheRegistryAMissIsOneRequestAndAHitOneConditionalRequest() {
        server.route("/flow.yaml", server.document("application/yaml", Documents.YAML, "\"v1\"", null));
        String url = server.url("/flow.yaml");

        CompiledGraph first = registry.compile(url);   // fingerprint: 200; read: uses that response
        CompiledGraph second = registry.compile(url);  // fingerprint: 304; registry cache hit
        registry.clearCache();
        registry.compile(url);                         // fingerprint: 304; read: the kept document

        assertThat(second).isSameAs(first);
        assertThat(server.requestsTo("/flow.yaml")).hasSize(3);
        assertThat(server.bodiesSent).hasValue(1);
        assertThat(yaml.parsed).hasSize(2);            // the registry parses again after its cache was cleared
        assertThat(registry.cacheStatistics().hits()).isEqualTo(1);
    }

    @Test
    void everyWorkflowOfADocumentFromOneBodyAndOneParseWithOneConditionalRequestEach() {
        String two = Documents.YAML + Documents.YAML.replace("workflows:\n", "").replace("hello:", "again:");
        server.route("/flows.yaml", server.document("application/yaml", two, "\"v1\"", null));
        String url = server.url("/flows.yaml");

        assertThat(registry.compile(url, "hello").name()).isEqualTo("hello");   // 200, parsed
        assertThat(registry.compile(url, "again").name()).isEqualTo("again");   // 304, the parsed document kept

        assertThat(server.requestsTo("/flows.yaml")).hasSize(2);
        assertThat(server.bodiesSent).hasValue(1);
        assertThat(yaml.parsed).as("one parse for both workflows").hasSize(1);

        server.route("/flows.yaml", server.document("application/yaml", two.replace("again:", "later:"), "\"v2\"",
                null));
        assertThat(registry.compile(url, "later").name()).as("a changed document is parsed again").isEqualTo("later");
        assertThat(server.requestsTo("/flows.yaml")).hasSize(3);
        assertThat(yaml.parsed).hasSize(2);
    }

    @Test
    void theFingerprintChangesExactlyWhenTheDocumentDoes() {
        String url = server.url("/flow.yaml");
        server.route("/flow.yaml", server.document("application/yaml", Documents.yaml("one"), "\"v1\"", null));
        String first = direct.fingerprint(url);
        assertThat(registry.compile(url).name()).isEqualTo("one");
        assertThat(direct.fingerprint(url)).isEqualTo(first);

        server.route("/flow.yaml", server.document("application/yaml", Documents.yaml("two"), "\"v2\"", null));

        assertThat(direct.fingerprint(url)).isNotEqualTo(first).isEqualTo("ETag \"v2\"; application/yaml");
        assertThat(registry.compile(url).name()).isEqualTo("two");
        assertThat(first).isEqualTo("ETag \"v1\"; application/yaml");

    }

    @Test
    void theMediaTypeIsPartOfTheFingerprintForItPicksTheFormat() {
        String url = server.url("/flow");
        server.route("/flow", server.ok("text/plain", Documents.JSON));
        String plain = direct.fingerprint(url);
        registry.compile(url);

        server.route("/flow", server.ok("application/json", Documents.JSON));

        assertThat(direct.fingerprint(url)).isNotEqualTo(plain).endsWith("; application/json");
        assertThat(registry.compile(url).name()).isEqualTo("hello_json");
        assertThat(yaml.parsed).hasSize(1);
        assertThat(json.parsed).hasSize(1);
    }

    @Test
    void lastModifiedIsTheValidatorWhenThereIsNoEtag() {
        String date = "Wed, 21 Oct 2015 07:28:00 GMT";
        server.route("/flow.yaml", server.document("application/yaml", Documents.YAML, null, date));

        String fingerprint = direct.fingerprint(server.url("/flow.yaml"));
        direct.read(server.url("/flow.yaml"));
        direct.read(server.url("/flow.yaml"));

        assertThat(fingerprint).isEqualTo("Last-Modified " + date + "; application/yaml");
        assertThat(server.requestsTo("/flow.yaml")).hasSize(2);   // the first read used the fingerprint's response
        assertThat(server.requestsTo("/flow.yaml").get(1).header("If-Modified-Since")).isEqualTo(date);
        assertThat(server.bodiesSent).hasValue(1);
    }

    @Test
    void withoutValidatorsTheFingerprintIsAHashOfTheBodyAndAnUnchangedBodyIsNotParsedAgain() {
        server.route("/flow.yaml", server.ok("application/yaml", Documents.YAML));
        String url = server.url("/flow.yaml");

        String fingerprint = direct.fingerprint(url);
        registry.compile(url);
        registry.compile(url);

        assertThat(fingerprint).isEqualTo("SHA-256 " + dev.victor.workflow.kernel.source.Sha256.hex(Documents.YAML.getBytes(StandardCharsets.UTF_8))
                + "; application/yaml");
        assertThat(server.bodiesSent).hasValue(3);
        assertThat(yaml.parsed).hasSize(1);
        server.route("/flow.yaml", server.ok("application/yaml", Documents.yaml("changed")));
        assertThat(direct.fingerprint(url)).isNotEqualTo(fingerprint);
        assertThat(registry.compile(url).name()).isEqualTo("changed");
    }

    @Test
    void aRedirectToAnotherDocumentWithTheSameValidatorIsNotTakenForTheOldOne() {
        String url = server.url("/latest");
        server.route("/v1.yaml", server.document("application/yaml", Documents.yaml("one"), "\"1\"", null));
        server.route("/v2.yaml", server.document("application/yaml", Documents.yaml("two"), "\"1\"", null));
        server.route("/latest", TestServer.redirect(302, "/v1.yaml"));
        String first = direct.fingerprint(url);
        assertThat(registry.compile(url).name()).isEqualTo("one");

        server.route("/latest", TestServer.redirect(302, "/v2.yaml"));

        assertThat(direct.fingerprint(url)).isNotEqualTo(first).endsWith("; from " + server.url("/v2.yaml"));
        assertThat(new String(direct.read(url).content(), StandardCharsets.UTF_8)).isEqualTo(Documents.yaml("two"));
        assertThat(registry.compile(url).name()).isEqualTo("two");
    }

    @Test
    void revalidateAfterTrustsACheckForThatLong() {
        server.route("/flow.yaml", server.document("application/yaml", Documents.YAML, "\"v1\"", null));
        long[] now = {0};
        HttpOptions options = HttpOptions.from(Map.of("allow_private_networks", true, "revalidate_after", 60));
        HttpSource source = keep(new HttpSource("http", options, System.getLogger("test"),
                new NetworkPolicy(List.of("*"), true), () -> now[0]));
        String url = server.url("/flow.yaml");

        source.read(url);
        now[0] += 59_000_000_000L;
        source.fingerprint(url);
        source.read(url);
        assertThat(server.requests).hasSize(1);
        now[0] += 2_000_000_000L;
        source.fingerprint(url);
        assertThat(server.requests).hasSize(2);
        assertThat(server.requests.get(1).header("If-None-Match")).isEqualTo("\"v1\"");
    }

    @Test
    void theHandoffFromFingerprintIsForTheSameThreadAndShortLived() throws Exception {
        server.route("/flow.yaml", server.document("application/yaml", Documents.YAML, "\"v1\"", null));
        long[] now = {0};
        HttpSource source = keep(new HttpSource("http", HttpOptions.from(BASE), System.getLogger("test"),
                new NetworkPolicy(List.of("*"), true), () -> now[0]));
        String url = server.url("/flow.yaml");

        source.fingerprint(url);
        source.read(url);                    // handed off: no request
        assertThat(server.requests).hasSize(1);
        source.read(url);                    // the handoff is used once
        assertThat(server.requests).hasSize(2);
        source.fingerprint(url);
        Thread other = new Thread(() -> source.read(url));
        other.start();
        other.join();                        // another thread: asks again
        assertThat(server.requests).hasSize(4);
        now[0] += (HttpSource.HANDOFF_SECONDS + 1) * 1_000_000_000L;
        source.read(url);                    // too late: asks again
        assertThat(server.requests).hasSize(5);
        assertThat(server.bodiesSent).hasValue(1);
    }

    @Test
    void anotherFormatRereadsTheKeptDocumentWithoutABody() {
        server.route("/flow.yaml", server.document("application/yaml", Documents.YAML, "\"v1\"", null));
        DefaultWorkflowCompilerRegistry services = Registries.withFormats();
        Registries.sources(services, BASE).forEach(this::keep);
        RecordingFormat first = RecordingFormat.yaml();
        RecordingFormat second = RecordingFormat.yaml();
        services.addFormat(first, formatProperties(1L, 0), "test");
        String url = server.url("/flow.yaml");
        CompiledGraph graph = services.compile(url);

        services.addFormat(second, formatProperties(2L, 10), "test");
        CompiledGraph again = services.compile(url);

        assertThat(again).isNotSameAs(graph);
        assertThat(first.parsed).hasSize(1);
        assertThat(second.parsed).hasSize(1);
        assertThat(server.bodiesSent).hasValue(1);
        assertThat(services.compile(url)).isSameAs(again);
    }

    private static Map<String, Object> formatProperties(long id, int ranking) {
        return Map.of("format", "yaml", "format.media.types", List.of("application/yaml"),
                "format.extensions", List.of("yaml"), "service.id", id, "service.ranking", ranking);
    }

    @Test
    void concurrentCompilesOfOneUrlAllSucceed() throws Exception {
        server.route("/flow.yaml", server.document("application/yaml", Documents.YAML, "\"v1\"", null));
        String url = server.url("/flow.yaml");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> names = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                names.add(pool.submit(() -> registry.compile(url).name()));
            }
            for (Future<String> name : names) {
                assertThat(name.get(30, TimeUnit.SECONDS)).isEqualTo("hello");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.requests).hasSize(40);               // one check per registry.compile
        assertThat(server.bodiesSent.get()).isLessThanOrEqualTo(8);   // only the first wave can miss the 304
        assertThat(yaml.parsed.size()).isLessThanOrEqualTo(8);
    }

    @Test
    void withCacheSizeZeroNothingIsKept() {
        server.route("/flow.yaml", server.document("application/yaml", Documents.YAML, "\"v1\"", null));
        Map<String, Object> options = new java.util.HashMap<>(BASE);
        options.put("cache_size", 0);
        HttpSource source = keep(new HttpSource("http", HttpOptions.from(options)));

        source.read(server.url("/flow.yaml"));
        source.read(server.url("/flow.yaml"));

        assertThat(server.requests).extracting(seen -> seen.header("If-None-Match")).containsOnlyNulls();
        assertThat(server.bodiesSent).hasValue(2);
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
                .hasMessageContaining(server.url("/bad.yaml") + ":3:")
                .satisfies(e -> assertThat(((InvalidWorkflowException) e).errors())
                        .isNotEmpty().extracting(Problem::source).containsOnly(server.url("/bad.yaml")));
    }

    @Test
    void withoutAnyFormatTheDocumentAndTheMissingFormatAreNamed() {
        DefaultWorkflowCompilerRegistry bare = Registries.withFormats();
        Registries.sources(bare, BASE).forEach(this::keep);
        server.route("/flow.json", server.ok("application/json", Documents.JSON));

        assertThatThrownBy(() -> bare.compile(server.url("/flow.json")))
                .isInstanceOf(WorkflowException.class)
                .hasMessageContaining(server.url("/flow.json"))
                .hasMessageContaining("installed formats: none");
    }

    @Test
    void aBodyIsAlwaysReadAsADocumentNeverAsAPath() {
        String oneLine = Documents.JSON.replace("\n", "");
        server.route("/one-line", server.ok("application/json", oneLine));
        server.route("/path", server.ok("application/yaml", "file:///etc/passwd"));
        server.route("/path2", server.ok("application/yaml", "yaml://etc/passwd\n"));

        registry.compile(server.url("/one-line"));
        assertThat(json.parsed).containsExactly(oneLine);
        assertThatThrownBy(() -> registry.compile(server.url("/path")))
                .isInstanceOf(InvalidWorkflowException.class).hasMessageContaining(server.url("/path"))
                .hasMessageNotContaining("root:");
        assertThatThrownBy(() -> registry.compile(server.url("/path2")))
                .isInstanceOf(InvalidWorkflowException.class).hasMessageContaining(server.url("/path2"))
                .hasMessageNotContaining("root:");
        assertThat(yaml.parsed).containsExactly("file:///etc/passwd", "yaml://etc/passwd\n");
    }

    @Test
    void anUnexpectedContentEncodingIsRefused() {
        server.route("/gz", exchange -> server.send(exchange, 200, "application/yaml",
                Documents.YAML.getBytes(StandardCharsets.UTF_8), Map.of("Content-Encoding", "gzip")));

        assertThatThrownBy(() -> registry.compile(server.url("/gz")))
                .isInstanceOf(WorkflowSourceUnavailableException.class).hasMessageContaining("gzip");
    }

    // ------------------------------------------------------------ accepts

    @Test
    void acceptsIsTrueOnlyForAWellFormedHttpUrl() {
        assertThat(direct.accepts("example.com/flows/a.yaml")).isTrue();
        assertThat(direct.accepts("example.com")).isTrue();
        assertThat(direct.accepts("127.0.0.1:8080/a?version=3")).isTrue();
        assertThat(direct.accepts("[::1]:8080/a.yaml")).isTrue();
        assertThat(direct.accepts("http://example.com/a.yaml")).isTrue();
        assertThat(direct.accepts("https://example.com/a.yaml")).isTrue();
        assertThat(direct.accepts("HTTPS://Example.COM/a.yaml")).isTrue();

        assertThat(direct.accepts(null)).isFalse();
        assertThat(direct.accepts("")).isFalse();
        assertThat(direct.accepts("   ")).isFalse();
        assertThat(direct.accepts("/etc/passwd")).isFalse();
        assertThat(direct.accepts("file:///etc/passwd")).isFalse();
        assertThat(direct.accepts("ftp://example.com/a.yaml")).isFalse();
        assertThat(direct.accepts("example.com/a b.yaml")).isFalse();
        assertThat(direct.accepts("user:secret@example.com/a.yaml")).isFalse();
        assertThat(direct.accepts("http://")).isFalse();
        assertThat(direct.accepts("example.com:port/a")).isFalse();
        assertThat(direct.accepts("workflows:\n  a: {}\n")).isFalse();
        assertThat(server.requests).isEmpty();
    }

    @Test
    void aMalformedUrlIsInvalidWithoutEchoingCredentials() {
        assertThatThrownBy(() -> registry.compile("http://user:s3cret@example.com/a.yaml"))
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining("user information")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> direct.read("example.com/a b.yaml"))
                .isInstanceOf(InvalidWorkflowException.class).hasMessageContaining("not a valid URL");
    }

    @Test
    void secretQueryValuesAreNotInTheDocumentsNameNorInErrors() {
        server.route("/flow.yaml", server.ok("application/yaml", "workflows: [1, 2"));
        String url = server.url("/flow.yaml?version=3&access_token=qx-81-secret&X-Amz-Signature=ab12");

        assertThatThrownBy(() -> registry.compile(url))
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining(server.url("/flow.yaml?version=3&access_token=***&X-Amz-Signature=***"))
                .hasMessageNotContaining("qx-81-secret").hasMessageNotContaining("ab12");
        assertThat(yaml.documents.get(0).name())
                .isEqualTo(server.url("/flow.yaml?version=3&access_token=***&X-Amz-Signature=***"));
        assertThat(server.requests.get(0).header("Accept")).isNotNull();
    }
}
