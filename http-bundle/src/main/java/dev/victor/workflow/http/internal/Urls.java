package dev.victor.workflow.http.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The URL rules of the source.
 *
 * <p>The registry hands a source the part of the workflow URI after {@code ://}: for
 * {@code https://example.com/flows/build.yaml} the https source receives
 * {@code example.com/flows/build.yaml}, and puts its own scheme back in front. A full URL is
 * accepted too (for code that calls the source directly): the http source accepts {@code http://}
 * and {@code https://} URLs, the https source only {@code https://} ones, so that
 * {@code https://http://host/} cannot turn into a plain-text request.
 *
 * <p>A URL must be absolute, http or https, with a host, and without user information
 * ({@code user:password@}: credentials belong in the {@code headers} option, where they are kept
 * out of messages). The fragment is dropped; scheme and host are lower-cased. Messages and
 * document names show a URL through {@link #display}, which hides secret query values.
 */
final class Urls {

    private static final Pattern SCHEME_PREFIX = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");
    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/?#@]*@");
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)token|secret|passw|pwd|key|sig|credential|auth|session");

    private Urls() {
    }

    /**
     * The URL a location names for the source of {@code sourceScheme}.
     *
     * @throws IllegalArgumentException saying what is wrong (never echoing user information)
     */
    static URI parse(String source, String sourceScheme) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("no URL given");
        }
        String text = source.strip();
        String full;
        if (SCHEME_PREFIX.matcher(text).find()) {
            String scheme = text.substring(0, text.indexOf("://")).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("'" + redact(text) + "' is not an http or https URL");
            }
            if (sourceScheme.equals("https") && scheme.equals("http")) {
                throw new IllegalArgumentException("the https source does not fetch the http URL '" + redact(text)
                        + "'");
            }
            full = text;
        } else {
            full = sourceScheme + "://" + text;
        }
        URI uri;
        try {
            uri = new URI(full);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + redact(full) + "' is not a valid URL (" + e.getReason()
                    + (e.getIndex() >= 0 ? " at index " + e.getIndex() : "") + ")");
        }
        return normalize(uri);
    }

    /**
     * Checks an absolute http(s) URL and drops its fragment; scheme and host in lower case, an
     * empty path becomes {@code /}.
     *
     * @throws IllegalArgumentException when it is not an absolute http(s) URL with a host, or has user information
     */
    static URI normalize(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("'" + redact(uri.toString()) + "' is not an http or https URL");
        }
        if (uri.isOpaque()) {
            throw new IllegalArgumentException("'" + redact(uri.toString()) + "' is not a hierarchical URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("'" + redact(uri.toString()) + "' holds user information"
                    + " (user:password@); configure credentials as headers instead");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("'" + redact(uri.toString()) + "' has no host (or a host that is"
                    + " not a valid ASCII host name)");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder text = new StringBuilder(scheme).append("://").append(host.toLowerCase(Locale.ROOT));
        if (uri.getPort() >= 0) {
            text.append(':').append(uri.getPort());
        }
        text.append(path);
        if (uri.getRawQuery() != null) {
            text.append('?').append(uri.getRawQuery());
        }
        try {
            return new URI(text.toString());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + redact(uri.toString()) + "' is not a valid URL ("
                    + e.getReason() + ")");
        }
    }

    /** True for a well-formed URL this source would fetch; never throws. */
    static boolean isValid(String source, String sourceScheme) {
        try {
            parse(source, sourceScheme);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The URL as messages and document names show it: user information (refused earlier) and the
     * values of secret query parameters hidden (see {@link #redact}).
     */
    static String display(URI uri) {
        return redact(uri.toString());
    }

    /**
     * A URL's text with any {@code user:password@} after {@code ://} replaced by {@code ***@}, and
     * the value of every query parameter whose name looks secret (it contains {@code token},
     * {@code secret}, {@code passw}, {@code pwd}, {@code key}, {@code sig}, {@code credential},
     * {@code auth} or {@code session}, in any case: {@code access_token}, {@code api_key},
     * {@code X-Amz-Signature} ...) replaced by {@code ***}.
     */
    static String redact(String text) {
        String hidden = USER_INFO.matcher(text).replaceAll("***@");
        int question = hidden.indexOf('?');
        if (question < 0) {
            return hidden;
        }
        int hash = hidden.indexOf('#', question);
        int end = hash < 0 ? hidden.length() : hash;
        StringBuilder query = new StringBuilder();
        for (String parameter : hidden.substring(question + 1, end).split("&", -1)) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            boolean secret = equals >= 0 && SECRET_PARAMETER.matcher(name).find();
            query.append(query.length() == 0 ? "" : "&").append(secret ? name + "=***" : parameter);
        }
        return hidden.substring(0, question + 1) + query + hidden.substring(end);
    }

    /** Same scheme, host and port (default ports filled in). */
    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && NetworkPolicy.normalizeHost(a.getHost()).equals(NetworkPolicy.normalizeHost(b.getHost()))
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }
}
