package dev.victor.workflow.s3.internal;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.json.internal.JsonFormat;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.source.SourceDocument;
import dev.victor.workflow.source.WorkflowSource;
import dev.victor.workflow.yaml.internal.YamlFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * s3:// through the real registry, YAML and JSON formats and engine, against S3Proxy: the format
 * chosen by media type, extension or compound scheme; a cache hit costs one HEAD and no GET; a
 * changed object is recompiled by the next compile.
 */
class S3EndToEndTest {

    private static final String YAML = """
            workflows:
              hello:
                nodes:
                  - id: greet
                    type: transform
                    transform: greeting = "hello " + ctx.get("name", "world")
                    next: []
            """;
    private static final String JSON = """
            {"workflows": {"hello": {"nodes": [
              {"id": "greet", "type": "transform", "transform": "greeting = 'json'", "next": []}]}}}
            """;

    /** Counts what the registry asks of the real source. */
    static final class Counting implements WorkflowSource {
        final WorkflowSource source;
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger fingerprints = new AtomicInteger();

        Counting(WorkflowSource source) {
            this.source = source;
        }

        @Override
        public SourceDocument read(String location) {
            reads.incrementAndGet();
            return source.read(location);
        }

        @Override
        public String fingerprint(String location) {
            fingerprints.incrementAndGet();
            return source.fingerprint(location);
        }

        @Override
        public boolean accepts(String location) {
            return source.accepts(location);
        }
    }

    private static TestS3Server server;
    private static S3WorkflowSource s3;
    private static Counting source;
    private static DefaultWorkflowCompilerRegistry registry;

    @BeforeAll
    static void start() throws Exception {
        server = new TestS3Server();
        server.bucket("flows");
        s3 = new S3WorkflowSource(server.settings());
        source = new Counting(s3);
        registry = DefaultWorkflowCompilerRegistry.create();
        registry.register(YamlFormat.NAME, new YamlFormat(), YamlFormat.MEDIA_TYPES, YamlFormat.EXTENSIONS);
        registry.register(JsonFormat.NAME, new JsonFormat(), JsonFormat.MEDIA_TYPES, JsonFormat.EXTENSIONS);
        registry.register(source, "s3");
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        server.close();
    }

    private static Object greeting(CompiledGraph graph) {
        var result = graph.invoke(Map.of("name", "Ada"));
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        return result.state().get("greeting");
    }

    @Test
    void theSchemesAreServed() {
        assertThat(registry.schemes()).contains("s3", "yaml+s3", "json+s3");
    }

    @Test
    void aCacheHitIsOneHeadAndAChangeIsRecompiled() {
        server.put("flows", "cached/hello.yaml", YAML, "application/yaml");
        int reads = source.reads.get();
        int fingerprints = source.fingerprints.get();

        assertThat(greeting(registry.compile("s3://flows/cached/hello.yaml"))).isEqualTo("hello Ada");
        registry.compile("s3://flows/cached/hello.yaml");
        registry.compile("s3://flows/cached/hello.yaml");
        assertThat(source.reads.get() - reads).isEqualTo(1);
        assertThat(source.fingerprints.get() - fingerprints).isEqualTo(3);

        server.put("flows", "cached/hello.yaml", YAML.replace("hello ", "hi "), "application/yaml");
        assertThat(greeting(registry.compile("s3://flows/cached/hello.yaml"))).isEqualTo("hi Ada");
        assertThat(source.reads.get() - reads).isEqualTo(2);
    }

    @Test
    void theFormatComesFromTheMediaTypeTheExtensionOrTheScheme() {
        server.put("flows", "typed", JSON, "application/json");
        server.put("flows", "plain.json", JSON.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        server.put("flows", "named.txt", JSON, "text/plain");

        assertThat(greeting(registry.compile("s3://flows/typed"))).isEqualTo("json");
        assertThat(greeting(registry.compile("s3://flows/plain.json"))).isEqualTo("json");
        assertThat(greeting(registry.compile("json+s3://flows/named.txt"))).isEqualTo("json");
    }

    @Test
    void fetchedContentIsUntrusted() {
        server.put("flows", "env.yaml", YAML.replace("\"hello \"", "\"$env.HOME\""), "application/yaml");
        server.put("flows", "ref.yaml", """
                workflows:
                  hello:
                    nodes:
                      - $ref: "/etc/passwd"
                """, "application/yaml");

        CompiledGraph env = registry.compile("s3://flows/env.yaml");
        assertThat(greeting(env)).isEqualTo("$env.HOMEAda");
        assertThat(env.warnings()).anySatisfy(warning -> assertThat(warning.message()).contains("kept as written"));
        assertThatThrownBy(() -> registry.compile("s3://flows/ref.yaml")).isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining("s3://flows/ref.yaml");
    }

    @Test
    void aMissingObjectIsNotFoundThroughTheRegistry() {
        assertThatThrownBy(() -> registry.compile("s3://flows/none.yaml"))
                .isInstanceOf(WorkflowSourceNotFoundException.class)
                .hasMessageContaining("No object 'none.yaml' in bucket 'flows'");
    }
}
