package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.api.UnknownSchemeException;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.json.internal.JsonFormat;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.source.SourceDocument;
import dev.victor.workflow.source.WorkflowSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry composes a source, a format and the kernel: format choice, one read, cache, trust. */
class SourceCompositionTest {

    /** A source over a map of documents, counting what it is asked. */
    static final class MapSource implements WorkflowSource {
        record Stored(String text, String mediaType, int version) {
        }

        final Map<String, Stored> documents = new ConcurrentHashMap<>();
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger fingerprints = new AtomicInteger();

        void put(String location, String text, String mediaType) {
            documents.merge(location, new Stored(text, mediaType, 1),
                    (old, now) -> new Stored(text, mediaType, old.version() + 1));
        }

        @Override
        public SourceDocument read(String location) {
            reads.incrementAndGet();
            Stored stored = stored(location);
            return SourceDocument.fetched("mem://" + location, stored.text().getBytes(StandardCharsets.UTF_8),
                    stored.mediaType(), String.valueOf(stored.version()));
        }

        @Override
        public String fingerprint(String location) {
            fingerprints.incrementAndGet();
            return String.valueOf(stored(location).version());
        }

        private Stored stored(String location) {
            Stored stored = documents.get(location);
            if (stored == null) {
                throw new WorkflowSourceNotFoundException("mem://" + location, "nothing stored at " + location);
            }
            return stored;
        }
    }

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

    private final MapSource source = new MapSource();
    private DefaultWorkflowCompilerRegistry registry;

    @BeforeEach
    void setUp() {
        registry = DefaultWorkflowCompilerRegistry.create();
        registry.register(YamlFormat.NAME, new YamlFormat(), YamlFormat.MEDIA_TYPES, YamlFormat.EXTENSIONS);
        registry.register(JsonFormat.NAME, new JsonFormat(), JsonFormat.MEDIA_TYPES, JsonFormat.EXTENSIONS);
        registry.register(source, "mem");
    }

    private static Object greeting(CompiledGraph graph) {
        var result = graph.invoke(Map.of());
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        return result.state().get("greeting");
    }

    @Test
    void aSourceServesItsSchemeAndOneCompoundPerFormat() {
        assertThat(registry.schemes()).contains("mem", "yaml+mem", "json+mem");
    }

    @Test
    void theFormatComesFromTheSchemeThenTheMediaTypeThenTheExtensionThenYaml() {
        source.put("by-extension.json", JSON, null);
        source.put("by-media-type", JSON, "application/json; charset=utf-8");
        source.put("default", YAML, null);
        source.put("named.txt", YAML, "application/json");

        assertThat(greeting(registry.compile("mem://by-extension.json"))).isEqualTo("json");
        assertThat(greeting(registry.compile("mem://by-media-type"))).isEqualTo("json");
        assertThat(greeting(registry.compile("mem://default"))).isEqualTo("hello world");
        assertThat(greeting(registry.compile("yaml+mem://named.txt"))).isEqualTo("hello world");
        // the wrong format, named by the scheme, gives that format's located error
        assertThatThrownBy(() -> registry.compile("json+mem://default"))
                .isInstanceOf(InvalidWorkflowException.class).hasMessageContaining("mem://default");
    }

    @Test
    void oneReadPerCompileAndNoneOnACacheHit() {
        source.put("flow.yaml", YAML, null);

        registry.compile("mem://flow.yaml");
        assertThat(source.reads).hasValue(1);
        registry.compile("mem://flow.yaml");
        registry.compile("mem://flow.yaml");
        assertThat(source.reads).hasValue(1);
        assertThat(source.fingerprints).hasValue(3);

        source.put("flow.yaml", YAML.replace("hello ", "hi "), null);
        assertThat(greeting(registry.compile("mem://flow.yaml"))).isEqualTo("hi world");
        assertThat(source.reads).hasValue(2);
    }

    @Test
    void fetchedDocumentsReachNeitherTheEnvironmentNorOtherDocuments() {
        source.put("ref.yaml", """
                workflows:
                  hello:
                    nodes:
                      - $ref: "/etc/passwd"
                """, null);
        source.put("env.yaml", YAML.replace("\"hello \"", "\"$env.HOME\""), null);

        assertThatThrownBy(() -> registry.compile("mem://ref.yaml"))
                .isInstanceOf(InvalidWorkflowException.class).hasMessageContaining("mem://ref.yaml");
        CompiledGraph env = registry.compile("mem://env.yaml");
        assertThat(greeting(env)).isEqualTo("$env.HOMEworld");
        assertThat(env.warnings()).anySatisfy(warning -> assertThat(warning.message()).contains("kept as written"));
    }

    @Test
    void missingDocumentsAndMissingFormatsAreNamed() {
        assertThatThrownBy(() -> registry.compile("mem://nothing.yaml"))
                .isInstanceOf(WorkflowSourceNotFoundException.class).hasMessageContaining("nothing.yaml");

        DefaultWorkflowCompilerRegistry bare = DefaultWorkflowCompilerRegistry.create();
        bare.register(source, "mem");
        source.put("flow.yaml", YAML, null);
        assertThatThrownBy(() -> bare.compile("mem://flow.yaml")).isInstanceOf(WorkflowException.class)
                .hasMessageContaining("mem://flow.yaml").hasMessageContaining("installed formats: none");
    }

    @Test
    void aSourceThatLeavesTakesItsSchemesAndGraphsWithIt() {
        DefaultWorkflowCompilerRegistry services = DefaultWorkflowCompilerRegistry.create();
        services.register(YamlFormat.NAME, new YamlFormat(), YamlFormat.MEDIA_TYPES, YamlFormat.EXTENSIONS);
        services.addSource(source, Map.of("scheme", "mem", "service.id", 7L), "test");
        source.put("flow.yaml", YAML, null);
        services.compile("mem://flow.yaml");

        services.removeSource(7L);

        assertThat(services.schemes()).doesNotContain("mem", "yaml+mem");
        assertThatThrownBy(() -> services.compile("mem://flow.yaml")).isInstanceOf(UnknownSchemeException.class);
    }
}
