package dev.victor.workflow.web.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Who may call, checked before any route: the rate limit per client address; authentication
 * (a configured bearer token or user and password; without them, only requests that arrived on a
 * loopback address); and, for a POST, the checks that keep another site's page from posting in
 * the user's name: the body must be declared {@code application/json} (which a browser sends
 * across sites only after a CORS preflight this server never approves), and an {@code Origin}
 * header, when present, must be this server's own.
 */
final class AccessGuard {

    /** What the guard needs of a request. */
    record Request(String method, String localAddress, String remoteAddress, String authorization,
                   String contentType, String origin, String fetchSite, String scheme, String host) {
    }

    private final Settings settings;
    private final RateLimiter limiter;

    AccessGuard(Settings settings, RateLimiter limiter) {
        this.settings = settings;
        this.limiter = limiter;
    }

    /** @throws ApiException 429, 401, 403 or 415 when the request may not go on */
    void check(Request request) {
        if (!limiter.tryAcquire(request.remoteAddress() == null ? "" : request.remoteAddress())) {
            throw ApiException.tooMany("More than " + settings.requestsPerMinute()
                    + " requests a minute from this address (requests.per.minute); try again shortly");
        }
        authenticate(request);
        if ("POST".equals(request.method())) {
            sameSite(request);
        }
    }

    private void authenticate(Request request) {
        if (!settings.authenticationConfigured()) {
            if (!isLoopback(request.localAddress())) {
                throw ApiException.forbidden("This server answers only on a loopback address unless authentication is"
                        + " configured (auth.token, or auth.user and auth.password, in etc/dev.victor.workflow.web.cfg)");
            }
            return;
        }
        String authorization = request.authorization() == null ? "" : request.authorization().strip();
        int space = authorization.indexOf(' ');
        String kind = space < 0 ? authorization.toLowerCase(Locale.ROOT) : authorization.substring(0, space).toLowerCase(Locale.ROOT);
        String credentials = space < 0 ? "" : authorization.substring(space + 1).strip();
        if (!settings.token().isEmpty() && kind.equals("bearer") && same(credentials, settings.token())) {
            return;
        }
        if (!settings.user().isEmpty() && kind.equals("basic") && same(decode(credentials),
                settings.user() + ":" + settings.password())) {
            return;
        }
        String challenge = !settings.user().isEmpty() ? "Basic realm=\"victor\", charset=\"UTF-8\"" : "Bearer realm=\"victor\"";
        throw new ApiException(401, "Unauthorized", authorization.isEmpty()
                ? "Authentication required: " + (settings.token().isEmpty() ? "" : "'Authorization: Bearer <token>'")
                + (settings.token().isEmpty() || settings.user().isEmpty() ? "" : " or ")
                + (settings.user().isEmpty() ? "" : "HTTP basic authentication")
                : "The credentials were not accepted", java.util.List.of(), Map.of("WWW-Authenticate", challenge));
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Compares in time that does not depend on where the texts differ. */
    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static void sameSite(Request request) {
        String type = request.contentType() == null ? "" : request.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw new ApiException(415, "Unsupported media type", "A POST must carry 'Content-Type: application/json'"
                    + " (even with an empty body): it keeps other sites' pages from posting here");
        }
        if ("cross-site".equals(request.fetchSite())) {
            throw ApiException.forbidden("A request from another site's page is refused (Sec-Fetch-Site: cross-site)");
        }
        String origin = request.origin();
        if (origin != null && !origin.isBlank()) {
            String own = request.scheme() + "://" + request.host();
            if (!sameOrigin(origin.strip(), own)) {
                throw ApiException.forbidden("A request from the page of another origin (" + origin.strip()
                        + ") is refused; this server is " + own);
            }
        }
    }

    private static boolean sameOrigin(String origin, String own) {
        try {
            URI a = new URI(origin);
            URI b = new URI(own);
            return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                    && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        // only literal addresses: never a name lookup
        if (!literal.matches("[0-9.]+") && !literal.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
