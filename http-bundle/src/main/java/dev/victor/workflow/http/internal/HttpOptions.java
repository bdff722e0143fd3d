package dev.victor.workflow.http.internal;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The options of the HTTP source. Off OSGi they come from a {@code Map} (keys in
 * {@code snake_case}, or with dots as in OSGi configuration); on OSGi from
 * {@link HttpSourceConfig}.
 *
 * <p>The values of {@link #headers()} are secrets (an {@code Authorization} token, an API key):
 * {@link #toString()} shows only their names, and no message of this source ever contains them.
 *
 * @param connectTimeout       longest wait for a connection (default 5 s)
 * @param readTimeout          longest a request may take, from sending it to the last byte of
 *                             its body (default 30 s); each redirect hop gets its own
 * @param maxBodyBytes         largest body read, counted while reading (default 1 MiB)
 * @param maxRedirects         redirects followed per fetch (default 5; 0 follows none)
 * @param headers              sent with every request to the origin of the URL asked for (not to
 *                             other origins a redirect leads to)
 * @param allowedHosts         host patterns ({@code *} any run of characters, {@code ?} one);
 *                             default {@code *}; an empty list allows no host
 * @param allowPrivateNetworks when false (default), loopback, private, link-local, unique-local,
 *                             multicast and unspecified addresses are refused, on every hop
 * @param cacheSize            URLs whose last document and validator are kept
 *                             for conditional requests (default 64; 0 keeps none)
 * @param revalidateAfter      how long after a successful check the source trusts what it has
 *                             without asking the server again (default 0: it always asks)
 * @param sslContext           the TLS context (code only, for example to trust a test
 *                             certificate); {@code null} for the JDK's default
 */
public record HttpOptions(Duration connectTimeout, Duration readTimeout, long maxBodyBytes, int maxRedirects,
                          Map<String, String> headers, List<String> allowedHosts, boolean allowPrivateNetworks,
                          int cacheSize, Duration revalidateAfter, SSLContext sslContext) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MAX_BODY_BYTES = 1024L * 1024L;
    public static final int DEFAULT_MAX_REDIRECTS = 5;
    public static final int DEFAULT_CACHE_SIZE = 64;
    /** The most redirects that may be configured. */
    public static final int MAX_REDIRECTS_LIMIT = 20;

    /** Headers this source sets itself, or that the JDK's client does not let a caller set. */
    private static final Set<String> RESERVED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "if-none-match", "if-modified-since", "transfer-encoding", "te", "keep-alive",
            "proxy-connection", "accept-encoding");

    /** The option keys ({@code snake_case}); dotted forms ({@code connect.timeout}) are accepted too. */
    static final Set<String> KEYS = Set.of("connect_timeout", "read_timeout", "max_body_bytes", "max_redirects",
            "headers", "allowed_hosts", "allow_private_networks", "cache_size", "revalidate_after", "ssl_context");

    /** Keys that belong to others and are ignored: the registry's, and Victor's reserved ones. */
    private static final Set<String> IGNORED = Set.of("stale_if_error", "enable_caching", "cache_ttl");

    public HttpOptions {
        requirePositive(connectTimeout, "connect_timeout");
        requirePositive(readTimeout, "read_timeout");
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("max_body_bytes must be positive, was " + maxBodyBytes);
        }
        if (maxRedirects < 0 || maxRedirects > MAX_REDIRECTS_LIMIT) {
            throw new IllegalArgumentException("max_redirects must be between 0 and " + MAX_REDIRECTS_LIMIT
                    + ", was " + maxRedirects);
        }
        if (cacheSize < 0) {
            throw new IllegalArgumentException("cache_size must not be negative, was " + cacheSize);
        }
        Objects.requireNonNull(revalidateAfter, "revalidate_after");
        if (revalidateAfter.isNegative()) {
            throw new IllegalArgumentException("revalidate_after must not be negative");
        }
        headers = checkedHeaders(headers == null ? Map.of() : headers);
        allowedHosts = List.copyOf(allowedHosts == null ? List.of("*") : allowedHosts);
        for (String pattern : allowedHosts) {
            if (pattern == null || pattern.isBlank()) {
                throw new IllegalArgumentException("allowed_hosts holds an empty pattern");
            }
        }
    }

    private static void requirePositive(Duration duration, String key) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(key + " must be a positive duration, was " + duration);
        }
    }

    /** Every option at its default. */
    public static HttpOptions defaults() {
        return new HttpOptions(DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_MAX_BODY_BYTES,
                DEFAULT_MAX_REDIRECTS, Map.of(), List.of("*"), false, DEFAULT_CACHE_SIZE, Duration.ZERO, null);
    }

    public HttpOptions withHeaders(Map<String, String> newHeaders) {
        return new HttpOptions(connectTimeout, readTimeout, maxBodyBytes, maxRedirects, newHeaders, allowedHosts,
                allowPrivateNetworks, cacheSize, revalidateAfter, sslContext);
    }

    public HttpOptions withAllowedHosts(List<String> newAllowedHosts) {
        return new HttpOptions(connectTimeout, readTimeout, maxBodyBytes, maxRedirects, headers, newAllowedHosts,
                allowPrivateNetworks, cacheSize, revalidateAfter, sslContext);
    }

    public HttpOptions withAllowPrivateNetworks(boolean allow) {
        return new HttpOptions(connectTimeout, readTimeout, maxBodyBytes, maxRedirects, headers, allowedHosts,
                allow, cacheSize, revalidateAfter, sslContext);
    }

    public HttpOptions withTimeouts(Duration connect, Duration read) {
        return new HttpOptions(connect, read, maxBodyBytes, maxRedirects, headers, allowedHosts,
                allowPrivateNetworks, cacheSize, revalidateAfter, sslContext);
    }

    public HttpOptions withMaxBodyBytes(long limit) {
        return new HttpOptions(connectTimeout, readTimeout, limit, maxRedirects, headers, allowedHosts,
                allowPrivateNetworks, cacheSize, revalidateAfter, sslContext);
    }

    public HttpOptions withSslContext(SSLContext context) {
        return new HttpOptions(connectTimeout, readTimeout, maxBodyBytes, maxRedirects, headers, allowedHosts,
                allowPrivateNetworks, cacheSize, revalidateAfter, context);
    }

    /**
     * Options from a map. Keys are {@code snake_case} or dotted ({@code connect.timeout}). A dotted
     * key that is no option (such as {@code service.pid}) is ignored, as are {@code stale_if_error}
     * (the registry's), {@code enable_caching} and {@code cache_ttl} (Victor's reserved keys); any
     * other unknown key is an error, so that a misspelt option is noticed.
     *
     * <p>Durations are seconds (a number, fractions allowed) or ISO-8601 ({@code PT0.5S}); lists
     * are lists, arrays or comma-separated text; {@code headers} is a map of names to values, or
     * a list of {@code "Name: value"} lines (one string may hold several, one per line).
     *
     * @throws IllegalArgumentException naming the option (never a header's value) when a value is wrong
     */
    public static HttpOptions from(Map<String, ?> options) {
        HttpOptions base = defaults();
        if (options == null || options.isEmpty()) {
            return base;
        }
        Map<String, Object> given = new LinkedHashMap<>();
        Set<String> unknown = new TreeSet<>();
        for (Map.Entry<String, ?> entry : options.entrySet()) {
            String raw = entry.getKey();
            String key = raw.startsWith(".") ? raw.substring(1) : raw;
            key = key.replace('.', '_').toLowerCase(Locale.ROOT);
            if (KEYS.contains(key)) {
                given.put(key, entry.getValue());
            } else if (!IGNORED.contains(key) && !raw.contains(".")) {
                unknown.add(raw);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown option(s) of the HTTP source: " + String.join(", ", unknown)
                    + "; it accepts: " + String.join(", ", new TreeSet<>(KEYS)));
        }
        return new HttpOptions(
                duration(given, "connect_timeout", base.connectTimeout()),
                duration(given, "read_timeout", base.readTimeout()),
                number(given, "max_body_bytes", base.maxBodyBytes()),
                Math.toIntExact(number(given, "max_redirects", base.maxRedirects())),
                given.containsKey("headers") ? parseHeaders(given.get("headers")) : base.headers(),
                given.containsKey("allowed_hosts") ? list(given.get("allowed_hosts")) : base.allowedHosts(),
                bool(given, "allow_private_networks", base.allowPrivateNetworks()),
                Math.toIntExact(number(given, "cache_size", base.cacheSize())),
                duration(given, "revalidate_after", base.revalidateAfter()),
                sslContext(given.get("ssl_context")));
    }

    private static Duration duration(Map<String, Object> given, String key, Duration fallback) {
        Object value = given.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Duration duration) {
            return duration;
        }
        try {
            if (value instanceof Number number) {
                return Duration.ofNanos(Math.round(number.doubleValue() * 1e9));
            }
            String text = value.toString().strip();
            if (text.startsWith("P") || text.startsWith("p")) {
                return Duration.parse(text);
            }
            return Duration.ofNanos(Math.round(Double.parseDouble(text) * 1e9));
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException(key + " must be a duration (seconds, such as 2.5, or ISO-8601 such"
                    + " as PT2.5S), was '" + value + "'", e);
        }
    }

    private static long number(Map<String, Object> given, String key, long fallback) {
        Object value = given.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            if (value instanceof Number number) {
                if (number.doubleValue() != Math.rint(number.doubleValue())) {
                    throw new NumberFormatException("not whole");
                }
                return number.longValue();
            }
            return Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + value + "'", e);
        }
    }

    private static boolean bool(Map<String, Object> given, String key, boolean fallback) {
        Object value = given.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        String text = value.toString().strip().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException(key + " must be true or false, was '" + value + "'");
    }

    private static List<String> list(Object value) {
        List<String> items = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(item -> items.add(String.valueOf(item).strip()));
        } else if (value instanceof Object[] array) {
            for (Object item : array) {
                items.add(String.valueOf(item).strip());
            }
        } else if (value != null) {
            for (String part : value.toString().split(",")) {
                if (!part.isBlank()) {
                    items.add(part.strip());
                }
            }
        }
        return items;
    }

    private static SSLContext sslContext(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof SSLContext context) {
            return context;
        }
        throw new IllegalArgumentException("ssl_context must be a javax.net.ssl.SSLContext object (it can only be"
                + " given in code), was a " + value.getClass().getName());
    }

    /**
     * Headers from a map, or from {@code "Name: value"} lines (a list, an array, or text with one
     * line per header). Messages name the header, never its value.
     */
    static Map<String, String> parseHeaders(Object value) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (value == null) {
            return headers;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((name, headerValue) -> put(headers, String.valueOf(name).strip(),
                    headerValue == null ? "" : headerValue.toString().strip()));
            return headers;
        }
        List<Object> lines = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            lines.addAll(collection);
        } else if (value instanceof Object[] array) {
            lines.addAll(List.of(array));
        } else {
            lines.add(value);
        }
        int number = 0;
        for (Object item : lines) {
            for (String line : String.valueOf(item).split("\\R")) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("headers: entry " + number + " is not of the form"
                            + " 'Name: value'");
                }
                put(headers, line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return headers;
    }

    private static void put(Map<String, String> headers, String name, String value) {
        for (String existing : headers.keySet()) {
            if (existing.equalsIgnoreCase(name)) {
                throw new IllegalArgumentException("headers: '" + name + "' is given twice");
            }
        }
        headers.put(name, value);
    }

    private static Map<String, String> checkedHeaders(Map<String, String> headers) {
        Map<String, String> copy = new LinkedHashMap<>();
        HttpRequest.Builder probe = HttpRequest.newBuilder(URI.create("http://probe.invalid/"));
        for (Map.Entry<String, String> entry : headers.entrySet()) {
            String name = entry.getKey();
            String value = entry.getValue() == null ? "" : entry.getValue();
            if (name == null || !isToken(name)) {
                throw new IllegalArgumentException("headers: '" + name + "' is not a valid header name");
            }
            if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("headers: '" + name + "' cannot be configured (the HTTP client"
                        + " or this source sets it)");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\r' || c == '\n' || c == 0 || (c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
                    throw new IllegalArgumentException("headers: the value of '" + name + "' holds a control"
                            + " character or a character outside ISO-8859-1 (the value is not shown)");
                }
            }
            try {
                probe.header(name, value);
            } catch (IllegalArgumentException e) {
                // The JDK's message may quote the value: do not pass it on.
                throw new IllegalArgumentException("headers: the HTTP client refuses the header '" + name
                        + "' (the value is not shown)");
            }
            copy.put(name, value);
        }
        return Collections.unmodifiableMap(copy);
    }

    private static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The options with the headers' values hidden. */
    @Override
    public String toString() {
        return "HttpOptions[connect_timeout=" + connectTimeout + ", read_timeout=" + readTimeout
                + ", max_body_bytes=" + maxBodyBytes + ", max_redirects=" + maxRedirects
                + ", headers=" + headers.keySet() + " (values hidden), allowed_hosts=" + allowedHosts
                + ", allow_private_networks=" + allowPrivateNetworks + ", cache_size=" + cacheSize
                + ", revalidate_after=" + revalidateAfter + ", ssl_context=" + (sslContext == null ? "default" : "custom")
                + "]";
    }
}
