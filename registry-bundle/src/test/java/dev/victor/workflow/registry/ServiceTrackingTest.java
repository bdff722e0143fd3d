package dev.victor.workflow.registry;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.UnknownSchemeException;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plugins published as services: scheme property, ranking, takeover, hot swap. */
class ServiceTrackingTest {

    private final RecordingLogger logger = new RecordingLogger();
    private final DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.builder().logger(logger).build();

    private static Map<String, Object> props(Object scheme, long id, int ranking) {
        return Map.of("scheme", scheme, "service.id", id, "service.ranking", ranking);
    }

    private String compiledBy(String uri) {
        return ((TinyGraph) RegistrationTest.unwrap(registry.compile(uri))).compiledBy();
    }

    @Test
    void schemePropertyMayBeAStringOrAnArray() {
        registry.addService(new TinyPlugin(Map.of("n", 1)), props("YAML", 1, 0), "b1");
        registry.addService(new TinyPlugin(Map.of("n", 2)), props(new String[] {"json", "json+file"}, 2, 0), "b2");
        registry.addService(new TinyPlugin(Map.of("n", 3)), props(List.of("s3", "s3+https"), 3, 0), "b3");
        assertThat(registry.schemes()).containsExactlyInAnyOrder("yaml", "json", "json+file", "s3", "s3+https");
    }

    @Test
    void highestRankingWinsAndTheNextTakesOverWhenItLeaves() {
        TinyPlugin low = new TinyPlugin(Map.of("who", "low"));
        TinyPlugin high = new TinyPlugin(Map.of("who", "high"));
        registry.addService(low, props("yaml", 1, 0), "low-bundle");
        assertThat(compiledBy("yaml://w: a")).isEqualTo(low.toString());
        registry.addService(high, props("yaml", 2, 10), "high-bundle");
        assertThat(compiledBy("yaml://w: a")).isEqualTo(high.toString());
        registry.removeService(2);
        assertThat(compiledBy("yaml://w: a")).isEqualTo(low.toString());
        registry.removeService(1);
        assertThatThrownBy(() -> registry.compile("yaml://w: a")).isInstanceOf(UnknownSchemeException.class);
    }

    @Test
    void tiesGoToTheLowestServiceId() {
        TinyPlugin first = new TinyPlugin(Map.of("who", "first"));
        TinyPlugin second = new TinyPlugin(Map.of("who", "second"));
        registry.addService(second, props("yaml", 9, 5), "b");
        registry.addService(first, props("yaml", 4, 5), "a");
        assertThat(compiledBy("yaml://w: a")).isEqualTo(first.toString());
        assertThat(registry.plugins()).extracting(PluginInfo::id, PluginInfo::active)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, true), org.assertj.core.groups.Tuple.tuple(9L, false));
    }

    @Test
    void rankingChangeReorders() {
        TinyPlugin a = new TinyPlugin(Map.of("who", "a"));
        TinyPlugin b = new TinyPlugin(Map.of("who", "b"));
        registry.addService(a, props("yaml", 1, 5), "a");
        registry.addService(b, props("yaml", 2, 0), "b");
        assertThat(compiledBy("yaml://w: a")).isEqualTo(a.toString());
        registry.modifiedService(b, props("yaml", 2, 50), "b");
        assertThat(compiledBy("yaml://w: a")).isEqualTo(b.toString());
    }

    @Test
    void anInvalidSchemeIsLoggedAndIgnoredNotFatal() {
        boolean added = registry.addService(new TinyPlugin(), props(new String[] {"my_scheme", "good"}, 1, 0), "odd-bundle");
        assertThat(added).isTrue();
        assertThat(registry.schemes()).containsExactly("good");
        assertThat(logger.messages).anySatisfy(m -> assertThat(m).startsWith("WARNING")
                .contains("invalid scheme 'my_scheme'").contains("odd-bundle"));
        boolean none = registry.addService(new TinyPlugin(), props("1abc", 2, 0), "bad-bundle");
        assertThat(none).isFalse();
        assertThat(registry.addService(new TinyPlugin(), Map.of("service.id", 3L), "no-scheme")).isFalse();
        assertThat(registry.schemes()).containsExactly("good");
    }

    /** A plugin whose compile waits until released. */
    public static final class SlowPlugin implements WorkflowCompilerPlugin {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public CompiledGraph compile(String source, String workflowName, boolean validate) {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new TinyGraph("slow", List.of("a"), "slow");
        }
    }

    @Test
    void hotSwapWhileACompileRuns() throws Exception {
        SlowPlugin slow = new SlowPlugin();
        registry.addService(slow, props("yaml", 1, 0), "slow-bundle");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<CompiledGraph> running = pool.submit(() -> registry.compile("yaml://w: a"));
            assertThat(slow.entered.await(5, TimeUnit.SECONDS)).isTrue();
            // A new, better plugin arrives while the compile runs: the next compile uses it.
            TinyPlugin fresh = new TinyPlugin(Map.of("who", "fresh"));
            registry.addService(fresh, props("yaml", 2, 10), "fresh-bundle");
            assertThat(compiledBy("yaml://w: a")).isEqualTo(fresh.toString());
            // The old one leaves while its compile is still inside it: that compile finishes.
            registry.removeService(1);
            slow.release.countDown();
            CompiledGraph finished = running.get(5, TimeUnit.SECONDS);
            assertThat(((TinyGraph) RegistrationTest.unwrap(finished)).compiledBy()).isEqualTo("slow");
            // ... and its result was not cached under the plugin that left.
            assertThat(compiledBy("yaml://w: a")).isEqualTo(fresh.toString());
            assertThat(registry.cacheStatistics().size()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentCompilesOfOneKeyCompileOnce() throws Exception {
        TinyPlugin plugin = new TinyPlugin();
        registry.addService(plugin, props("yaml", 1, 0), "b");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<CompiledGraph>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> registry.compile("yaml://w: a -> b")));
            }
            CompiledGraph first = futures.get(0).get(5, TimeUnit.SECONDS);
            for (Future<CompiledGraph> future : futures) {
                assertThat(future.get(5, TimeUnit.SECONDS)).isSameAs(first);
            }
            assertThat(plugin.compiles.get()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Fails its compile once released. */
    public static final class FailingSlowPlugin implements WorkflowCompilerPlugin {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public CompiledGraph compile(String source, String workflowName, boolean validate) {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new dev.victor.workflow.api.InvalidWorkflowException("broken on purpose", List.of());
        }
    }

    @Test
    void whoeverWaitsOnAFailedCompileGetsItsRealError() throws Exception {
        FailingSlowPlugin plugin = new FailingSlowPlugin();
        registry.addService(plugin, props("yaml", 1, 0), "b");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<CompiledGraph> first = pool.submit(() -> registry.compile("yaml://w: a"));
            assertThat(plugin.entered.await(5, TimeUnit.SECONDS)).isTrue();
            Future<CompiledGraph> second = pool.submit(() -> registry.compile("yaml://w: a"));
            Thread.sleep(50);
            plugin.release.countDown();
            for (Future<CompiledGraph> future : List.of(first, second)) {
                assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(dev.victor.workflow.api.InvalidWorkflowException.class)
                        .hasMessageContaining("broken on purpose");
            }
            assertThat(registry.cacheStatistics().size()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void disabledPluginHidesItsSchemeAndTheNextMayServe() {
        TinyPlugin a = new TinyPlugin(Map.of("who", "a"));
        TinyPlugin b = new TinyPlugin(Map.of("who", "b"));
        registry.addService(a, Map.of("scheme", "yaml", "service.id", 1L, "service.ranking", 5, "plugin.name", "fancy"), "a");
        registry.addService(b, Map.of("scheme", "yaml", "service.id", 2L, "plugin.name", "plain"), "b");
        registry.configurePlugin("fancy", PluginSettings.defaults().withEnabled(false));
        assertThat(compiledBy("yaml://w: a")).isEqualTo(b.toString());
        registry.configurePlugin("yaml", PluginSettings.defaults().withEnabled(false));
        assertThat(registry.schemes()).isEmpty();
        assertThat(registry.plugins()).allSatisfy(info -> assertThat(info.enabled()).isFalse());
        registry.configurePlugin("yaml", null);
        registry.configurePlugin("fancy", null);
        assertThat(compiledBy("yaml://w: a")).isEqualTo(a.toString());
    }

    /** Like a DS component: built by the framework with its configuration, not from options. */
    public static final class ConfiguredComponent extends TinyPlugin {
        public ConfiguredComponent(Object configuration) {
            super(Map.of());
        }
    }

    @Test
    void optionsInThePluginSettingsOfAServiceAreRefusedNotIgnored() {
        registry.addService(new TinyPlugin(Map.of()), Map.of("scheme", "yaml", "service.id", 7L, "plugin.name", "tiny"),
                "tiny-bundle");
        assertThat(compiledBy("yaml://w: a")).isNotNull();

        for (String key : List.of("yaml", "tiny")) {
            registry.configurePlugin(key, PluginSettings.defaults().withOptions(Map.of("strict", true, "max_values", 9)));

            assertThatThrownBy(() -> registry.compile("yaml://w: b"))
                    .isInstanceOf(dev.victor.workflow.api.WorkflowException.class)
                    .hasMessageContaining("'tiny' is a service")
                    .hasMessageContaining("options [max_values, strict] that it cannot take")
                    .hasMessageContaining("tiny-bundle");
            assertThatThrownBy(() -> registry.workflowNames("yaml://w: b"))
                    .hasMessageContaining("that it cannot take");
            assertThat(logger.messages).anyMatch(message -> message.contains("give options [max_values, strict] to"
                    + " 'tiny'"));
            registry.configurePlugin(key, null);
            logger.messages.clear();
        }
        // enabling, disabling and stale serving are not options: they apply to a service
        registry.configurePlugin("yaml", PluginSettings.defaults().withStaleIfError(true));
        assertThat(compiledBy("yaml://w: c")).isNotNull();
        assertThat(logger.messages).noneMatch(message -> message.contains("give options"));
    }

    @Test
    void aServiceThatCannotBeBuiltWithOptionsSaysHowToConfigureIt() {
        ConfiguredComponent component = new ConfiguredComponent(null);
        registry.addService(component, props("yaml", 0, 0), "component-bundle");

        assertThat(registry.create("yaml://", Map.of())).isSameAs(component);
        assertThatThrownBy(() -> registry.create("yaml://", Map.of("strict", true)))
                .isInstanceOf(dev.victor.workflow.api.WorkflowException.class)
                .hasMessageContaining("is a service (" + ConfiguredComponent.class.getName() + ")")
                .hasMessageContaining("cannot be built again with options [strict]")
                .hasMessageContaining("configure the service instead");
    }
}
