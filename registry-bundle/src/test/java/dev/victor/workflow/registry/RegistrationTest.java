package dev.victor.workflow.registry;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.UnknownSchemeException;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.WorkflowCompilerRegistry;
import dev.victor.workflow.api.WorkflowCompilers;
import dev.victor.workflow.api.WorkflowException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The three ways to register, and Victor's registry acceptance cases (victor-behaviour.md §5.1, §5.2). */
class RegistrationTest {

    private final RecordingLogger logger = new RecordingLogger();
    private final DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.builder().logger(logger).build();

    /** A plugin that stores its options, like Victor's MockCompilerPlugin. */
    public static final class MockPlugin implements WorkflowCompilerPlugin {
        final Map<String, ?> options;

        public MockPlugin(Map<String, ?> options) {
            this.options = options;
        }

        @Override
        public CompiledGraph compile(String source, String workflowName, boolean validate) {
            return new TinyGraph(workflowName == null ? source : workflowName, List.of(source), "mock");
        }
    }

    /** Typed options. */
    public record S3Options(String bucket, String region, int maxKeys, Duration timeout, boolean enableCaching) {
        public S3Options {
            region = region == null ? "us-east-1" : region;
        }
    }

    public static final class S3Plugin implements WorkflowCompilerPlugin {
        final S3Options options;

        public S3Plugin(S3Options options) {
            if (options.bucket() == null) {
                throw new IllegalArgumentException("bucket is required");
            }
            this.options = options;
        }

        @Override
        public CompiledGraph compile(String source, String workflowName, boolean validate) {
            return new TinyGraph("s3", List.of(options.bucket() + "/" + source), "s3");
        }
    }

    public static final class NoOptionsPlugin implements WorkflowCompilerPlugin {
        @Override
        public CompiledGraph compile(String source, String workflowName, boolean validate) {
            return new TinyGraph("none", List.of(source), "none");
        }
    }

    public static final class AwkwardPlugin implements WorkflowCompilerPlugin {
        public AwkwardPlugin(String bucket, int port) {
        }

        @Override
        public CompiledGraph compile(String source, String workflowName, boolean validate) {
            throw new UnsupportedOperationException();
        }
    }

    // ------------------------------------------------------------ 1. direct

    @Test
    void directRegistrationCreatesWithOptionsAndCompiles() {
        registry.register("my-scheme", TinyPlugin.class);
        WorkflowCompilerPlugin plugin = registry.create("my-scheme://", Map.of("option1", "value1"));
        assertThat(plugin).isInstanceOf(TinyPlugin.class);
        assertThat(((TinyPlugin) plugin).options()).containsExactly(Map.entry("option1", "value1"));
        CompiledGraph graph = plugin.compile("my-source: a -> b");
        assertThat(graph.name()).isEqualTo("my-source");
        assertThat(((TinyGraph) graph).nodes()).containsExactly("a", "b");
        assertThat(registry.compile("my-scheme://flow: x -> y").name()).isEqualTo("flow");
    }

    @Test
    void createBuildsANewInstanceEachTime() {
        registry.register("mock", MockPlugin.class);
        assertThat(registry.create("mock://", Map.of())).isNotSameAs(registry.create("mock://", Map.of()));
    }

    @Test
    void typedOptionsRecord() {
        registry.register("s3", S3Plugin.class);
        S3Plugin plugin = (S3Plugin) registry.create("s3://", Map.of("bucket", "flows", "max_keys", "10",
                "timeout", "PT5S", "enableCaching", true));
        assertThat(plugin.options).isEqualTo(new S3Options("flows", "us-east-1", 10, Duration.ofSeconds(5), true));
    }

    @Test
    void typedOptionsErrorsAreClear() {
        registry.register("s3", S3Plugin.class);
        assertThatThrownBy(() -> registry.create("s3://", Map.of("bucket", "b", "colour", "red")))
                .isInstanceOf(WorkflowException.class)
                .hasMessageContaining("does not know the option(s) colour")
                .hasMessageContaining("bucket, region, max_keys, timeout, enable_caching");
        assertThatThrownBy(() -> registry.create("s3://", Map.of("bucket", "b", "max_keys", "many")))
                .hasMessageContaining("Option 'max_keys'").hasMessageContaining("must be a whole number, was 'many'");
        assertThatThrownBy(() -> registry.create("s3://", Map.of()))
                .hasMessage("Plugin " + S3Plugin.class.getName() + " failed in its constructor: bucket is required")
                .cause().isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConstructorThatDoesNotFitIsAClearErrorAtRegistration() {
        assertThatThrownBy(() -> registry.register("odd", AwkwardPlugin.class))
                .isInstanceOf(WorkflowException.class)
                .hasMessage("Cannot build plugin " + AwkwardPlugin.class.getName() + ": it needs a public constructor"
                        + " taking a Map of options, one taking an options record, or one taking no arguments")
                .hasNoCause();
    }

    @Test
    void optionsForAPluginWithoutAnyAreAClearError() {
        registry.register("none", NoOptionsPlugin.class);
        assertThat(registry.create("none://", Map.of())).isInstanceOf(NoOptionsPlugin.class);
        assertThatThrownBy(() -> registry.create("none://", Map.of("a", 1, "b", 2)))
                .hasMessageContaining("takes no options").hasMessageContaining("a, b");
    }

    @Test
    void registerByFactory() {
        registry.register("fac", options -> new TinyPlugin(Map.of("from", "factory", "given", options)));
        TinyPlugin plugin = (TinyPlugin) registry.create("fac://", Map.of("k", "v"));
        assertThat(plugin.options()).containsEntry("from", "factory").containsEntry("given", Map.of("k", "v"));
        assertThat(registry.compile("fac://w: a").name()).isEqualTo("w");
    }

    @Test
    void unregisterOfAnUnknownSchemeIsAnError() {
        assertThatThrownBy(() -> registry.unregister("nonexistent"))
                .isInstanceOf(UnknownSchemeException.class)
                .hasMessageContaining("'nonexistent'");
    }

    @Test
    void unregisterRemovesTheScheme() {
        registry.register("mock", MockPlugin.class);
        assertThat(registry.schemes()).contains("mock");
        registry.unregister("MOCK");
        assertThat(registry.schemes()).doesNotContain("mock");
        assertThatThrownBy(() -> registry.compile("mock://x")).isInstanceOf(UnknownSchemeException.class);
    }

    @Test
    void registeringOverASchemeReplacesItWithAWarning() {
        registry.register("mock", MockPlugin.class);
        CompiledGraph first = registry.compile("mock://w: a");
        registry.register("mock", TinyPlugin.class);
        assertThat(logger.messages).anySatisfy(message -> assertThat(message)
                .startsWith("WARNING").contains("'mock' already registered").contains(TinyPlugin.class.getName()));
        CompiledGraph second = registry.compile("mock://w: a");
        assertThat(((TinyGraph) unwrap(first)).compiledBy()).isEqualTo("mock");
        assertThat(((TinyGraph) unwrap(second)).compiledBy()).startsWith("TinyPlugin");
    }

    @Test
    void schemesAreValidatedAndLowerCased() {
        registry.register("My-Scheme", MockPlugin.class);
        assertThat(registry.schemes()).containsExactly("my-scheme");
        assertThatThrownBy(() -> registry.register("my_scheme", MockPlugin.class))
                .isInstanceOf(InvalidWorkflowUriException.class).hasMessageContaining("Invalid scheme 'my_scheme'");
    }

    @Test
    void createOfAnUnknownSchemeListsTheInstalledOnes() {
        registry.register("mock1", MockPlugin.class);
        registry.register("mock2", MockPlugin.class);
        assertThatThrownBy(() -> registry.create("unknown://", Map.of()))
                .hasMessage("Unknown workflow scheme 'unknown'. Installed schemes: mock1, mock2");
    }

    // ------------------------------------------------------------ 2. WorkflowCompilers

    @Test
    void workflowCompilersCreate() {
        WorkflowCompilerPlugin plugin = WorkflowCompilers.create("my-scheme://my-source", TinyPlugin.class,
                Map.of("option1", "value1"));
        assertThat(((TinyPlugin) plugin).options()).containsEntry("option1", "value1");
        assertThat(plugin.compile("my-source: a").name()).isEqualTo("my-source");
        CompiledGraph graph = WorkflowCompilers.compile("my-scheme://one: a -> b; two: c", TinyPlugin.class, Map.of(), "two");
        assertThat(((TinyGraph) graph).nodes()).containsExactly("c");
        assertThatThrownBy(() -> WorkflowCompilers.create("my_scheme://x", TinyPlugin.class, Map.of()))
                .hasMessageContaining("Invalid scheme 'my_scheme'");
        assertThatThrownBy(() -> WorkflowCompilers.create("x", TinyPlugin.class, Map.of()))
                .hasMessageContaining("not a URI of the form scheme://source");
        assertThatThrownBy(() -> WorkflowCompilers.create("a://x", AwkwardPlugin.class, Map.of()))
                .hasMessageContaining("it needs a public constructor");
    }

    // ------------------------------------------------------------ Victor §5.1 / §5.2

    @Test
    void victorRegistryCases() {
        WorkflowCompilerRegistry plain = DefaultWorkflowCompilerRegistry.create();
        assertThat(plain.schemes()).isEmpty();                                   // list_compilers_empty
        assertThat(plain.schemes()).doesNotContain("yaml");                      // no built-in yaml plugin
        plain.register("mock1", MockPlugin.class);
        plain.register("mock2", MockPlugin.class);
        assertThat(plain.schemes()).isEqualTo(Set.of("mock1", "mock2"));        // register_multiple
        MockPlugin created = (MockPlugin) plain.create("mock1://", Map.of("enable_caching", true));
        assertThat(created.options).isEqualTo(Map.of("enable_caching", true));   // get_compiler with options
        assertThatThrownBy(() -> plain.create("unknown://", Map.of()))            // get_compiler_unknown
                .isInstanceOf(UnknownSchemeException.class);
        WorkflowCompilerPlugin plugin = new MockPlugin(Map.of());
        assertThat(plugin.validateSource("any source")).isTrue();               // validate_source default
        assertThat(plugin.getCacheKey("my-source")).isEqualTo("my-source");     // get_cache_key default
        assertThat(plugin.compile("source.yaml", "my_workflow", true).name()).isEqualTo("my_workflow");
        assertThat(plugin.compile("source.yaml", null, false).name()).isEqualTo("source.yaml");
        // two registries are separate objects, not a singleton
        assertThat(DefaultWorkflowCompilerRegistry.create().schemes()).isEmpty();
    }

    @Test
    void aRegisteredPluginOverridesAServiceForItsScheme() {
        registry.addService(new TinyPlugin(Map.of("who", "service")), Map.of("scheme", "yaml", "service.id", 5L), "bundle");
        registry.register("yaml", MockPlugin.class);
        assertThat(((TinyGraph) unwrap(registry.compile("w.yaml"))).compiledBy()).isEqualTo("mock");
        registry.unregister("yaml");
        assertThat(((TinyGraph) unwrap(registry.compile("w: a"))).compiledBy()).contains("who");
        assertThatThrownBy(() -> registry.unregister("yaml"))
                .hasMessageContaining("No compiler plugin is registered in code for 'yaml'")
                .hasMessageContaining("enabled=false");
    }

    @Test
    void validateSourceIsCalledBeforeCompileWhenValidationIsOn() {
        registry.register("tiny", TinyPlugin.class);
        assertThatThrownBy(() -> registry.compile("tiny://!w: a", null, true))
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining("cannot read the source of 'tiny://!w: a'");
        assertThat(registry.compile("tiny://!w: a", null, false).name()).isEqualTo("!w");
        DefaultWorkflowCompilerRegistry lax = DefaultWorkflowCompilerRegistry.builder()
                .settings(RegistrySettings.defaults().withValidate(false)).build();
        lax.register("tiny", TinyPlugin.class);
        assertThat(lax.compile("tiny://!w: a").name()).isEqualTo("!w");
    }

    @Test
    void aRefusedSourceIsExplainedByThePluginsOwnError() {
        registry.register("strict", options -> new WorkflowCompilerPlugin() {
            @Override
            public CompiledGraph compile(String source, String workflowName, boolean validate) {
                throw new dev.victor.workflow.api.WorkflowSourceNotFoundException(source,
                        "Workflow file not found: " + source);
            }

            @Override
            public boolean validateSource(String source) {
                return false;
            }
        });

        assertThatThrownBy(() -> registry.compile("strict://flows/missing.yaml"))
                .isInstanceOf(dev.victor.workflow.api.WorkflowSourceNotFoundException.class)
                .hasMessage("Workflow file not found: flows/missing.yaml");
    }

    static dev.victor.workflow.api.CompiledGraph unwrap(CompiledGraph graph) {
        return graph instanceof BoundGraph bound ? bound.delegate() : graph;
    }
}
