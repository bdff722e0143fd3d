package dev.victor.workflow.registry;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunEvent;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.api.UnknownSchemeException;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;
import dev.victor.workflow.spi.NodeOutput;
import dev.victor.workflow.spi.NodeServices;
import dev.victor.workflow.spi.StaticNodeServices;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stale serving, lazy loading, ServiceLoader, run defaults. */
class AdvancedPatternsTest {

    private final TinyStore store = new TinyStore().put("flow.tiny", "w: a -> b");

    private DefaultWorkflowCompilerRegistry registry(boolean staleIfError) {
        DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.builder()
                .clock(Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC))
                .pluginSettings("tiny", new PluginSettings(true, false,
                        Map.of("store", store, "stale_if_error", staleIfError)))
                .build();
        registry.register("tiny", TinyPlugin.class);
        return registry;
    }

    private static NodeServices handlers(String... names) {
        StaticNodeServices.Builder builder = NodeServices.builder();
        for (String name : names) {
            builder.handler(name, call -> NodeOutput.of(name + "-done"));
        }
        return builder.build();
    }

    // ------------------------------------------------------------ stale_if_error

    @Test
    void staleIfErrorServesTheLastGoodGraphWithAWarning() {
        DefaultWorkflowCompilerRegistry registry = registry(true);
        CompiledGraph good = registry.compile("tiny://flow.tiny");
        store.unavailable = true;
        CompiledGraph stale = registry.compile("tiny://flow.tiny");
        assertThat(stale.name()).isEqualTo(good.name());
        String warning = "Served the last good compile of 'tiny://flow.tiny' (from 2025-01-02T03:04:05Z): its source"
                + " cannot be read: I/O error reading flow.tiny";
        assertThat(stale.warnings()).extracting(Problem::message).contains(warning);
        RunResult result = stale.invoke(Map.of(), RunConfig.defaults().services(handlers("a", "b")));
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.warnings()).containsExactly(warning);
        List<RunEvent> events = stale.stream(Map.of(), RunConfig.defaults().services(handlers("a", "b"))).toList();
        assertThat(((RunEvent.RunFinished) events.get(events.size() - 1)).result().warnings()).containsExactly(warning);
        assertThat(stale.invokeAsync(Map.of(), RunConfig.defaults().services(handlers("a", "b")))
                .toCompletableFuture().join().warnings()).containsExactly(warning);
    }

    @Test
    void staleIfErrorIsOffByDefault() {
        DefaultWorkflowCompilerRegistry registry = registry(false);
        registry.compile("tiny://flow.tiny");
        store.unavailable = true;
        assertThatThrownBy(() -> registry.compile("tiny://flow.tiny"))
                .isInstanceOf(WorkflowSourceUnavailableException.class);
    }

    @Test
    void staleIfErrorDoesNotCoverInvalidOrMissingSources() {
        DefaultWorkflowCompilerRegistry registry = registry(true);
        registry.compile("tiny://flow.tiny");
        store.put("flow.tiny", "broken");
        assertThatThrownBy(() -> registry.compile("tiny://flow.tiny")).isInstanceOf(InvalidWorkflowException.class);
        store.files.remove("flow.tiny");
        assertThatThrownBy(() -> registry.compile("tiny://flow.tiny")).isInstanceOf(WorkflowSourceNotFoundException.class);
    }

    @Test
    void staleIfErrorWithoutAGoodCompileRethrows() {
        DefaultWorkflowCompilerRegistry registry = registry(true);
        store.unavailable = true;
        assertThatThrownBy(() -> registry.compile("tiny://flow.tiny"))
                .isInstanceOf(WorkflowSourceUnavailableException.class);
    }

    @Test
    void staleIfErrorAsAServiceProperty() {
        DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.create();
        registry.addService(new TinyPlugin(Map.of("store", store)),
                Map.of("scheme", "tiny", "service.id", 1L, "stale_if_error", true), "b");
        registry.compile("tiny://flow.tiny");
        store.unavailable = true;
        assertThat(registry.compile("tiny://flow.tiny").warnings()).hasSize(1);
        assertThat(registry.plugins().get(0).staleIfError()).isTrue();
    }

    // ------------------------------------------------------------ lazy

    @Test
    void compileLazyCompilesOnFirstUse() {
        DefaultWorkflowCompilerRegistry registry = registry(false);
        CompiledGraph lazy = registry.compileLazy("tiny://later.tiny", "w");
        assertThat(registry.cacheStatistics().misses()).isZero();
        assertThat(lazy.name()).isEqualTo("w");
        store.put("later.tiny", "w: a");
        RunResult result = lazy.invoke(Map.of(), RunConfig.defaults().services(handlers("a")));
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(registry.cacheStatistics().misses()).isEqualTo(1);
        lazy.invoke(Map.of(), RunConfig.defaults().services(handlers("a")));
        assertThat(registry.cacheStatistics().hits()).isEqualTo(1);
    }

    @Test
    void compileLazyReportsACompileErrorAtFirstUseClearly() {
        DefaultWorkflowCompilerRegistry registry = registry(false);
        store.put("bad.tiny", "nonsense");
        CompiledGraph lazy = registry.compileLazy("tiny://bad.tiny");
        assertThatThrownBy(() -> lazy.invoke(Map.of()))
                .isInstanceOf(LazyCompileException.class)
                .hasMessageStartingWith("The workflow 'tiny://bad.tiny' (compiled lazily, on first use) failed to"
                        + " compile: Invalid workflow source")
                .hasMessageContaining("expected 'name: a -> b', got 'nonsense'")
                .hasCauseInstanceOf(InvalidWorkflowException.class);
        assertThat(((LazyCompileException) catchIt(lazy::getGraph)).problems()).hasSize(1);
        assertThatThrownBy(() -> registry.compileLazy("tiny://nothing").invoke(Map.of()))
                .isInstanceOf(LazyCompileException.class).hasMessageContaining("No such file: nothing");
        assertThatThrownBy(() -> registry.compileLazy("nope://x").getGraph())
                .isInstanceOf(LazyCompileException.class).hasCauseInstanceOf(UnknownSchemeException.class);
        assertThatThrownBy(() -> registry.compileLazy("bad_scheme://x"))
                .isInstanceOf(InvalidWorkflowUriException.class);
    }

    private static Throwable catchIt(Runnable runnable) {
        try {
            runnable.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("no exception");
    }

    @Test
    void lazyGraphFollowsAReplacedPlugin() {
        DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.create();
        CompiledGraph lazy = registry.compileLazy("yaml://w: a");
        TinyPlugin first = new TinyPlugin(Map.of("who", 1));
        registry.addService(first, Map.of("scheme", "yaml", "service.id", 1L), "b");
        assertThat(lazy.getGraph().entry()).isEqualTo("a");
        TinyPlugin second = new TinyPlugin(Map.of("who", 2));
        registry.addService(second, Map.of("scheme", "yaml", "service.id", 2L, "service.ranking", 3), "b");
        lazy.getGraph();
        assertThat(second.compiles.get()).isEqualTo(1);
    }

    // ------------------------------------------------------------ ServiceLoader

    @Test
    void serviceLoaderPluginsAreFound() {
        RecordingLogger logger = new RecordingLogger();
        DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.builder().logger(logger)
                .discover(getClass().getClassLoader()).build();
        assertThat(registry.schemes()).contains("tiny", "tiny+text");
        assertThat(registry.resolve("tiny+text://x").scheme()).isEqualTo("tiny+text");
        TinyGraph graph = (TinyGraph) RegistrationTest.unwrap(registry.compile("tiny://w: a"));
        assertThat(graph.compiledBy()).contains("who");
        assertThat(registry.create("tiny://", Map.of())).isInstanceOf(LoaderPlugins.Better.class);
        assertThat(registry.create("tiny+text://", Map.of())).isInstanceOf(LoaderPlugins.Tiny.class);
        assertThat(registry.plugins()).filteredOn(PluginInfo::active).extracting(PluginInfo::name)
                .contains("better-tiny");
        assertThat(logger.messages).anySatisfy(m -> assertThat(m).contains("Undeclared").contains("declares no scheme"));
        // configured options reach a ServiceLoader plugin through its Map constructor
        registry.configurePlugin("better-tiny", PluginSettings.defaults().withOptions(Map.of("who", "configured")));
        assertThat(((TinyPlugin) registry.create("tiny://", Map.of())).options()).containsEntry("who", "configured");
    }

    // ------------------------------------------------------------ run defaults

    @Test
    void runsGetTheRegistrysServicesUnlessTheCallerSetSome() {
        NodeServices registryServices = handlers("a", "b");
        DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.builder()
                .nodeServices(registryServices)
                .settings(RegistrySettings.defaults().withDefaultMaxIterations(7)).build();
        registry.register("tiny", TinyPlugin.class);
        CompiledGraph graph = registry.compile("tiny://w: a -> b");
        TinyGraph inner = (TinyGraph) RegistrationTest.unwrap(graph);
        assertThat(graph.invoke(Map.of()).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(inner.lastConfig.get().services()).isSameAs(registryServices);
        assertThat(inner.lastConfig.get().maxIterations()).isNull();
        assertThat(inner.lastConfig.get().defaultMaxIterations()).isEqualTo(7);
        NodeServices mine = handlers("a");
        RunResult result = graph.invoke(Map.of(), RunConfig.defaults().services(mine).maxIterations(3));
        assertThat(inner.lastConfig.get().services()).isSameAs(mine);
        assertThat(inner.lastConfig.get().maxIterations()).isEqualTo(3);
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().message()).isEqualTo("No compute handler 'b' is installed");
    }
}
