package dev.victor.workflow.registry;

import dev.victor.workflow.api.WorkflowCompilers;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The registry's own settings.
 *
 * @param defaultScheme        the scheme of a URI that names none and whose extension picks none
 * @param cacheSize            the most compiled graphs kept (0 disables the cache)
 * @param cacheTtl             how long a compiled graph stays cached after it was compiled;
 *                             {@code null} for no limit
 * @param defaultMaxIterations the iteration budget of runs whose caller and workflow set none
 *                             ({@code RunConfig.defaultMaxIterations}); 0 for the engine's default
 * @param validate             whether {@code compile(uri, name)} validates (and calls
 *                             {@code validateSource} first)
 */
public record RegistrySettings(String defaultScheme, long cacheSize, Duration cacheTtl, int defaultMaxIterations,
                               boolean validate) {

    public static final long DEFAULT_CACHE_SIZE = 500;

    public RegistrySettings {
        Objects.requireNonNull(defaultScheme, "defaultScheme");
        if (!WorkflowCompilers.isValidScheme(defaultScheme)) {
            throw new IllegalArgumentException("Invalid default scheme '" + defaultScheme
                    + "': a scheme starts with a letter, followed by letters, digits, '+', '-' or '.'");
        }
        defaultScheme = defaultScheme.toLowerCase(Locale.ROOT);
        if (cacheSize < 0) {
            throw new IllegalArgumentException("cache size must not be negative, was " + cacheSize);
        }
        if (cacheTtl != null && (cacheTtl.isNegative() || cacheTtl.isZero())) {
            cacheTtl = null;
        }
        if (defaultMaxIterations < 0) {
            throw new IllegalArgumentException("default max_iterations must not be negative, was " + defaultMaxIterations);
        }
    }

    /** yaml, 500 graphs, no TTL, no default max_iterations, validation on. */
    public static RegistrySettings defaults() {
        return new RegistrySettings(SchemeResolver.DEFAULT_SCHEME, DEFAULT_CACHE_SIZE, null, 0, true);
    }

    public RegistrySettings withDefaultScheme(String scheme) {
        return new RegistrySettings(scheme, cacheSize, cacheTtl, defaultMaxIterations, validate);
    }

    public RegistrySettings withCache(long size, Duration ttl) {
        return new RegistrySettings(defaultScheme, size, ttl, defaultMaxIterations, validate);
    }

    public RegistrySettings withDefaultMaxIterations(int maxIterations) {
        return new RegistrySettings(defaultScheme, cacheSize, cacheTtl, maxIterations, validate);
    }

    public RegistrySettings withValidate(boolean newValidate) {
        return new RegistrySettings(defaultScheme, cacheSize, cacheTtl, defaultMaxIterations, newValidate);
    }
}
