package dev.victor.workflow.registry;

import java.time.Duration;

/**
 * Counters of the compiled-graph cache since it was (re)built.
 *
 * @param size             graphs cached now (an estimate)
 * @param maximumSize      the bound
 * @param ttl              the time to live after a compile, or {@code null}
 * @param hits             lookups served from the cache
 * @param misses           lookups that compiled
 * @param loadFailures     compiles that failed (never cached)
 * @param evictions        graphs dropped for size or age
 * @param invalidations    graphs dropped because their plugin left, was replaced or was reconfigured
 * @param averageLoadNanos mean time of a compile
 */
public record CacheStatistics(long size, long maximumSize, Duration ttl, long hits, long misses, long loadFailures,
                              long evictions, long invalidations, double averageLoadNanos) {

    /** Hits over lookups; 1.0 when nothing was looked up. */
    public double hitRate() {
        long lookups = hits + misses;
        return lookups == 0 ? 1.0 : (double) hits / lookups;
    }
}
