package dev.victor.workflow.registry.compose;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The documents composed plugins parsed and read last, one per plugin and location, so that
 * compiling the second and later workflows of an unchanged document parses it no more. An entry
 * is used only under the cache key it was read with (location, fingerprint and the generation of
 * its {@code $ref}ed documents and {@code $env} values, see {@link SourceCompilerPlugin#getCacheKey}):
 * a changed document, referenced document or environment value is read again.
 *
 * <p>Bounded: the documents kept weigh at most {@value #MAX_BYTES} bytes of source text
 * together (a larger document is never kept), and an entry unused for {@link #IDLE} is dropped.
 * Thread-safe.
 */
public final class ParsedDocuments {
    /** The most bytes of document text whose parsed documents are kept, all plugins together. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    /** An entry not used for this long is dropped. */
    public static final Duration IDLE = Duration.ofMinutes(1);

    private record Key(Object plugin, String location) {
    }

    private record Entry(String cacheKey, Object document, int bytes) {
    }

    private final Cache<Key, Entry> entries = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((Key key, Entry entry) -> entry.bytes())
            .expireAfterAccess(IDLE)
            .executor(Runnable::run)
            .build();

    /**
     * The document a plugin kept for a location, when the location's cache key is still the one it
     * was read with; {@code null} otherwise.
     *
     * @param cacheKey the location's cache key now, asked only when an entry is there (it may
     *                 return {@code null}: nothing is used)
     */
    public <T> T get(Object plugin, String location, Class<T> type, Supplier<String> cacheKey) {
        Entry entry = entries.getIfPresent(new Key(plugin, location));
        if (entry == null) {
            return null;
        }
        String now = cacheKey.get();
        return now != null && now.equals(entry.cacheKey()) ? type.cast(entry.document()) : null;
    }

    /**
     * Keeps a plugin's document of a location under the cache key it was read with, replacing what
     * the plugin kept for that location; a document over {@value #MAX_BYTES} bytes is not kept.
     */
    public void put(Object plugin, String location, String cacheKey, Object document, int bytes) {
        Objects.requireNonNull(cacheKey, "cacheKey");
        Key key = new Key(plugin, location);
        if (bytes > MAX_BYTES) {
            entries.invalidate(key);
            return;
        }
        entries.put(key, new Entry(cacheKey, document, Math.max(bytes, 1)));
    }

    /** Drops every document kept. */
    public void clear() {
        entries.invalidateAll();
    }
}
