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
    void aMediaTypeThatNamesNoInstalledFormatIsAnErrorNeverAGuess() {
        source.put("problem", JSON, "application/problem+json");
        source.put("generic.json", JSON, "text/plain");
        source.put("toml", "x = 1", "application/toml");
        source.put("toml.yaml", YAML, "application/toml");

        assertThat(greeting(registry.compile("mem://problem"))).isEqualTo("json");
        assertThat(greeting(registry.compile("mem://generic.json"))).isEqualTo("json");
        assertThat(greeting(registry.compile("mem://toml.yaml"))).isEqualTo("hello world");
        assertThatThrownBy(() -> registry.compile("mem://toml")).isInstanceOf(WorkflowException.class)
                .hasMessageContaining("mem://toml").hasMessageContaining("application/toml")
                .hasMessageContaining("installed formats: json, yaml");
    }

    @Test
    void aFormatRegisteredAgainInCodeReplacesTheEarlierOne() {
        source.put("flow.yaml", YAML, null);
        registry.register(YamlFormat.NAME, document -> {
            throw new WorkflowException("the replacement format read " + document.name());
        }, YamlFormat.MEDIA_TYPES, YamlFormat.EXTENSIONS);

        assertThatThrownBy(() -> registry.compile("mem://flow.yaml")).hasMessageContaining("the replacement format read");
        assertThat(registry.formats().names()).containsExactly("json", "yaml");
    }

    @Test
    void staleIfErrorIsReadStrictlyForSourcesAndPlugins() {
        DefaultWorkflowCompilerRegistry services = DefaultWorkflowCompilerRegistry.create();
        services.addSource(source, Map.of("scheme", "on", "service.id", 8L, "stale_if_error", "TRUE"), "test");
        assertThat(services.plugins()).filteredOn(info -> info.scheme().equals("on"))
                .allSatisfy(info -> assertThat(info.staleIfError()).isTrue());
        for (String bad : new String[] {"flase", "yes", "1", ""}) {
            assertThatThrownBy(() -> services.addSource(source, Map.of("scheme", "bad", "service.id", 9L,
                    "stale_if_error", bad), "test")).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be true or false");
        }
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
