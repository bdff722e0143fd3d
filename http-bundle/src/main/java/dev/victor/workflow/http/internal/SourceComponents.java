package dev.victor.workflow.http.internal;

import dev.victor.workflow.kernel.osgi.ConfigurationKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the http and https components share: options from the configuration, and building the source. */
final class SourceComponents {

    /** The non-private configuration key for headers, honoured with a warning. */
    static final String PUBLIC_HEADERS_KEY = "headers";

    private SourceComponents() {
    }

    static HttpSource source(String scheme, HttpSourceConfig config, Map<String, Object> properties,
                             System.Logger log) {
        HttpOptions options = options(config, properties, log);
        return new HttpSource(scheme, options, log,
                new NetworkPolicy(options.allowedHosts(), options.allowPrivateNetworks()), System::nanoTime);
    }

    /** The OSGi names of the keys of {@link HttpSourceConfig}, and the component's own properties. */
    static final Set<String> KEYS = Set.of("connect.timeout", "read.timeout", "max.body.bytes", "max.redirects",
            ".headers", PUBLIC_HEADERS_KEY, "allowed.hosts", "allow.private.networks", "cache.size",
            "revalidate.after", "stale_if_error", "scheme", "plugin.name");

    /** The options of a configuration; {@code properties} are the component's properties as given. */
    static HttpOptions options(HttpSourceConfig config, Map<String, Object> properties, System.Logger log) {
        String unknown = ConfigurationKeys.warning(properties, KEYS, HttpSourceConfig.PID);
        if (unknown != null) {
            log.log(System.Logger.Level.WARNING, unknown);
        }
        List<Object> headerLines = new ArrayList<>(Arrays.asList(config._headers()));
        Object published = properties == null ? null : properties.get(PUBLIC_HEADERS_KEY);
        if (published != null) {
            log.log(System.Logger.Level.WARNING, "The HTTP source''s configuration sets ''headers'': it is published"
                    + " as a service property that every bundle can read. Use the key ''.headers'' (with a leading"
                    + " dot) to keep header values private.");
            if (published instanceof Object[] array) {
                headerLines.addAll(Arrays.asList(array));
            } else if (published instanceof java.util.Collection<?> collection) {
                headerLines.addAll(collection);
            } else {
                headerLines.add(published);
            }
        }
        try {
            Map<String, String> headers = new LinkedHashMap<>(HttpOptions.parseHeaders(headerLines));
            return new HttpOptions(seconds(config.connect_timeout(), "connect.timeout"),
                    seconds(config.read_timeout(), "read.timeout"), config.max_body_bytes(), config.max_redirects(),
                    headers, hostPatterns(config.allowed_hosts()), config.allow_private_networks(), config.cache_size(),
                    config.revalidate_after() <= 0 ? Duration.ZERO : seconds(config.revalidate_after(),
                            "revalidate.after"), null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid configuration " + HttpSourceConfig.PID + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * The patterns, each entry also split at commas: a {@code .cfg} file gives a list as one
     * string ({@code allowed.hosts = *.example.com, example.com}).
     */
    static List<String> hostPatterns(String[] entries) {
        List<String> patterns = new ArrayList<>();
        for (String entry : entries) {
            for (String part : entry.split(",")) {
                if (!part.isBlank()) {
                    patterns.add(part.strip());
                }
            }
        }
        return patterns;
    }

    private static Duration seconds(double value, String key) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(key + " must be a positive number of seconds, was " + value);
        }
        return Duration.ofNanos(Math.round(value * 1e9));
    }
}
