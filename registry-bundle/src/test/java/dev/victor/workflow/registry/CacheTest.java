package dev.victor.workflow.registry;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CacheTest {

    private final TinyStore store = new TinyStore().put("flow.tiny", "w: a -> b; v: c");
    private final AtomicLong nanos = new AtomicLong();
    private final DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.builder()
            .ticker(nanos::get)
            .settings(RegistrySettings.defaults().withCache(100, Duration.ofMinutes(10)))
            .pluginSettings("tiny", PluginSettings.defaults().withOptions(Map.of("store", store)))
            .build();

    CacheTest() {
        registry.register("tiny", TinyPlugin.class);
    }

    private TinyPlugin plugin() {
        return (TinyPlugin) registry.create("tiny://", Map.of());
    }

    @Test
    void aSecondCompileIsAHit() {
        CompiledGraph first = registry.compile("tiny://flow.tiny", "w");
        CompiledGraph second = registry.compile("tiny://flow.tiny", "w");
        assertThat(second).isSameAs(first);
        CacheStatistics stats = registry.cacheStatistics();
        assertThat(stats.hits()).isEqualTo(1);
        assertThat(stats.misses()).isEqualTo(1);
        assertThat(stats.size()).isEqualTo(1);
        assertThat(stats.hitRate()).isEqualTo(0.5);
    }

    @Test
    void keyHoldsWorkflowNameAndValidate() {
        CompiledGraph w = registry.compile("tiny://flow.tiny", "w", true);
        assertThat(registry.compile("tiny://flow.tiny", "v", true)).isNotSameAs(w);
        assertThat(registry.compile("tiny://flow.tiny", "w", false)).isNotSameAs(w);
        assertThat(registry.cacheStatistics().misses()).isEqualTo(3);
    }

    @Test
    void aChangedSourceChangesTheKey() {
        CompiledGraph before = registry.compile("tiny://flow.tiny", "w");
        store.put("flow.tiny", "w: a -> b -> c");
        CompiledGraph after = registry.compile("tiny://flow.tiny", "w");
        assertThat(after).isNotSameAs(before);
        assertThat(((TinyGraph) RegistrationTest.unwrap(after)).nodes()).containsExactly("a", "b", "c");
    }

    @Test
    void failuresAreNeverCached() {
        assertThatThrownBy(() -> registry.compile("tiny://missing.tiny", "w"))
                .isInstanceOf(WorkflowSourceNotFoundException.class);
        store.put("bad.tiny", "nonsense");
        assertThatThrownBy(() -> registry.compile("tiny://bad.tiny", "w")).isInstanceOf(InvalidWorkflowException.class);
        assertThatThrownBy(() -> registry.compile("tiny://bad.tiny", "w")).isInstanceOf(InvalidWorkflowException.class);
        assertThat(registry.cacheStatistics().size()).isZero();
        assertThat(registry.cacheStatistics().loadFailures()).isEqualTo(2);
        store.put("bad.tiny", "w: fixed");
        assertThat(registry.compile("tiny://bad.tiny", "w").name()).isEqualTo("w");
    }

    @Test
    void ttlExpires() {
        CompiledGraph first = registry.compile("tiny://flow.tiny", "w");
        nanos.addAndGet(Duration.ofMinutes(9).toNanos());
        assertThat(registry.compile("tiny://flow.tiny", "w")).isSameAs(first);
        nanos.addAndGet(Duration.ofMinutes(2).toNanos());
        assertThat(registry.compile("tiny://flow.tiny", "w")).isNotSameAs(first);
        assertThat(registry.cacheStatistics().evictions()).isEqualTo(1);
    }

    @Test
    void sizeIsBounded() {
        registry.configure(RegistrySettings.defaults().withCache(2, null));
        for (int i = 0; i < 10; i++) {
            store.put("f" + i, "w: n" + i);
            registry.compile("tiny://f" + i);
        }
        registry.cacheStatistics();
        assertThat(registry.cacheStatistics().size()).isLessThanOrEqualTo(2);
        assertThat(registry.cacheStatistics().evictions()).isGreaterThanOrEqualTo(8);
        assertThat(registry.cacheStatistics().maximumSize()).isEqualTo(2);
    }

    @Test
    void aPluginThatLeavesOrIsReplacedDropsItsEntriesAtOnce() {
        DefaultWorkflowCompilerRegistry services = DefaultWorkflowCompilerRegistry.create();
        services.addService(new TinyPlugin(), Map.of("scheme", "yaml", "service.id", 1L), "a");
        services.compile("yaml://w: a");
        services.compile("yaml://v: b");
        assertThat(services.cacheStatistics().size()).isEqualTo(2);
        services.addService(new TinyPlugin(), Map.of("scheme", "yaml", "service.id", 2L, "service.ranking", 1), "b");
        assertThat(services.cacheStatistics().size()).isZero();
        assertThat(services.cacheStatistics().invalidations()).isEqualTo(2);
        services.compile("yaml://w: a");
        services.removeService(2);
        assertThat(services.cacheStatistics().size()).isZero();
    }

    @Test
    void newOptionsRebuildThePluginAndDropItsEntries() {
        registry.compile("tiny://flow.tiny", "w");
        TinyStore other = new TinyStore().put("flow.tiny", "w: other");
        registry.configurePlugin("tiny", PluginSettings.defaults().withOptions(Map.of("store", other)));
        assertThat(registry.cacheStatistics().size()).isZero();
        assertThat(((TinyGraph) RegistrationTest.unwrap(registry.compile("tiny://flow.tiny", "w"))).nodes())
                .containsExactly("other");
    }

    @Test
    void clearEmptiesTheCache() {
        registry.compile("tiny://flow.tiny", "w");
        registry.clearCache();
        assertThat(registry.cacheStatistics().size()).isZero();
    }

    @Test
    void aNullCacheKeyIsNeverCached() {
        DefaultWorkflowCompilerRegistry uncached = DefaultWorkflowCompilerRegistry.create();
        uncached.register("raw", options -> new TinyPlugin() {
            @Override
            public String getCacheKey(String source) {
                return null;
            }
        });
        assertThat(uncached.compile("raw://w: a")).isNotSameAs(uncached.compile("raw://w: a"));
        assertThat(uncached.cacheStatistics().size()).isZero();
    }

    @Test
    void pluginsGetTheRestOfTheUri() {
        assertThat(plugin().getCacheKey("flow.tiny")).startsWith("flow.tiny@");
    }
}
