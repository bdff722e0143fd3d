package dev.victor.workflow.registry.internal.core;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.registry.CacheStatistics;
import dev.victor.workflow.registry.RegistrySettings;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The compiled graphs: a bounded Caffeine cache under {@link GraphKey}s with an optional time to
 * live, where concurrent compiles of one key compile once and failures are never cached; the last
 * good graph of each key for stale serving; hit, miss and invalidation counters. A new cache size
 * or TTL starts a new, empty generation. Thread-safe.
 */
public final class GraphCache {

    /** A graph kept for stale serving, and when it was compiled. */
    public record LastGood(CompiledGraph graph, Instant compiledAt) {
    }

    private final Clock clock;
    private final LongSupplier nanoTime;
    private final ThreadLocal<Set<GraphKey>> loading = ThreadLocal.withInitial(HashSet::new);
    private final LongAdder invalidations = new LongAdder();
    private volatile Generation current;

    public GraphCache(RegistrySettings settings, Clock clock, LongSupplier nanoTime) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.current = new Generation(settings);
    }

    /** The generation that serves now; a compile keeps using the one it started with. */
    public Generation generation() {
        return current;
    }

    /** Starts a new, empty generation when the cache size or TTL changes. */
    public void configure(RegistrySettings old, RegistrySettings settings) {
        if (old.cacheSize() != settings.cacheSize() || !Objects.equals(old.cacheTtl(), settings.cacheTtl())) {
            Generation previous = current;
            current = new Generation(settings);
            previous.clear();
        }
    }

    /** Drops the graphs (and last good graphs) that these plugin instances compiled for these schemes. */
    public void invalidate(Map<String, WorkflowCompilerPlugin> dropped) {
        if (dropped.isEmpty()) {
            return;
        }
        Predicate<GraphKey> stale = key -> dropped.get(key.scheme) == key.plugin;
        Generation now = current;
        int before = now.graphs.asMap().size();
        now.graphs.asMap().keySet().removeIf(stale);
        invalidations.add(Math.max(0, before - now.graphs.asMap().size()));
        now.lastGood.asMap().keySet().removeIf(stale);
    }

    /** The cache's counters. */
    public CacheStatistics statistics() {
        Generation now = current;
        now.graphs.synchronous().cleanUp();
        var stats = now.graphs.synchronous().stats();
        return new CacheStatistics(now.graphs.synchronous().estimatedSize(), now.settings.cacheSize(),
                now.settings.cacheTtl(), stats.hitCount(), stats.missCount(), stats.loadFailureCount(),
                stats.evictionCount(), invalidations.sum(), stats.averageLoadPenalty());
    }

    /** Drops every cached graph and every last good graph. */
    public void clear() {
        current.clear();
    }

    /** One cache of one size and TTL. */
    public final class Generation {
        private final RegistrySettings settings;
        private final AsyncCache<GraphKey, CompiledGraph> graphs;
        private final Cache<GraphKey, LastGood> lastGood;

        private Generation(RegistrySettings settings) {
            this.settings = settings;
            Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(settings.cacheSize()).recordStats()
                    .ticker(nanoTime::getAsLong);
            if (settings.cacheTtl() != null) {
                builder.expireAfterWrite(settings.cacheTtl());
            }
            // Compiles run in the calling thread (see load), so the executor only runs removal work.
            this.graphs = builder.executor(Runnable::run).buildAsync();
            this.lastGood = Caffeine.newBuilder().maximumSize(Math.max(settings.cacheSize(), 1)).build();
        }

        /**
         * The cached graph of a key, or the one {@code compile} makes now in the calling thread
         * (others asking for the key meanwhile wait for it). The graph stays cached only while
         * {@code keep} says so; a failure is not cached. A compile that asks for its own key fails.
         */
        public CompiledGraph load(GraphKey key, Supplier<CompiledGraph> compile, BooleanSupplier keep) {
            Loading mine = new Loading();
            CompletableFuture<CompiledGraph> cached = graphs.get(key, (k, executor) -> mine);
            if (cached != mine) {
                if (!cached.isDone() && loading.get().contains(key)) {
                    throw new WorkflowException("The workflow " + key + " includes itself: it is being compiled by"
                            + " this very compile");
                }
                return join(cached);
            }
            Set<GraphKey> mineNow = loading.get();
            mineNow.add(key);
            try {
                CompiledGraph graph = compile.get();
                mine.complete(graph);
                if (!keep.getAsBoolean()) {
                    graphs.asMap().remove(key, mine);
                }
                return graph;
            } catch (RuntimeException | Error e) {
                graphs.asMap().remove(key, mine);
                mine.fail(e);
                throw e;
            } finally {
                mineNow.remove(key);
            }
        }

        /** Keeps a graph as the last good one of a key ({@code null}: nothing kept). */
        public void remember(GraphKey key, CompiledGraph graph) {
            if (key != null) {
                lastGood.put(key, new LastGood(graph, clock.instant()));
            }
        }

        /** The last good graph of a key. */
        public Optional<LastGood> lastGood(GraphKey key) {
            return Optional.ofNullable(lastGood.getIfPresent(key));
        }

        private void clear() {
            graphs.synchronous().invalidateAll();
            lastGood.invalidateAll();
        }
    }

    /**
     * A compile in progress. A failure cancels it (Caffeine logs other exceptional completions
     * as warnings with a stack trace, and a failed compile is not a fault of the cache) and keeps
     * the real exception for those waiting on it.
     */
    private static final class Loading extends CompletableFuture<CompiledGraph> {
        volatile Throwable failure;

        void fail(Throwable e) {
            failure = e;
            cancel(false);
        }
    }

    private static CompiledGraph join(CompletableFuture<CompiledGraph> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkflowException("Interrupted while waiting for a compile", e);
        } catch (CancellationException e) {
            Throwable failure = future instanceof Loading loading ? loading.failure : null;
            throw rethrow(failure != null ? failure : e);
        } catch (ExecutionException | CompletionException e) {
            throw rethrow(e.getCause());
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new WorkflowException("Compile failed: " + cause, cause);
    }
}
