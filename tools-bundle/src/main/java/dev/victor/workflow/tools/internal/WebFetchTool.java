package dev.victor.workflow.tools.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code web_fetch}: GET of an http or https URL, redirects followed hop by hop (each hop checked by
 * the network policy; never https to http), within a timeout, at most max bytes of body (text
 * shown, other content only counted). (The address is checked when resolved here; a host whose DNS
 * answer changes between the check and the connection is not guarded against.)
 */
final class WebFetchTool implements StandardTool {
    static final int MAX_REDIRECTS = 5;

    private final NetworkPolicy policy;
    private final HttpClient http;
    private final Duration timeout;
    private final int maxBytes;

    WebFetchTool(NetworkPolicy policy, Duration timeout, int maxBytes) {
        this.policy = policy;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    @Override
    public String name() {
        return "web_fetch";
    }

    @Override
    public String description() {
        return "Fetches a web page or document by URL (GET) and answers its status, content type and text.";
    }

    @Override
    public String parameters() {
        return """
                {"type": "object", "properties": {
                  "url": {"type": "string", "description": "an http or https URL"}},
                 "required": ["url"], "additionalProperties": false}""";
    }

    @Override
    public Object run(Args args) throws ToolException, InterruptedException {
        URI uri = parse(args.text("url"));
        for (int hop = 0; ; hop++) {
            policy.check(name(), uri.getHost());
            HttpResponse<InputStream> response;
            try {
                response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET()
                        .header("User-Agent", "victor-workflows web_fetch").build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new ToolException(name() + ": cannot fetch " + uri + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                closeQuietly(response.body());
                if (hop == MAX_REDIRECTS) {
                    throw new ToolException(name() + ": more than " + MAX_REDIRECTS + " redirects");
                }
                URI next = parse(uri.resolve(response.headers().firstValue("Location").get()).toString());
                if (uri.getScheme().equals("https") && next.getScheme().equals("http")) {
                    throw new ToolException(name() + ": refused a redirect from https to http");
                }
                uri = next;
                continue;
            }
            return answer(uri, response);
        }
    }

    private Map<String, Object> answer(URI uri, HttpResponse<InputStream> response) throws ToolException {
        byte[] body;
        boolean truncated;
        try (InputStream in = response.body()) {
            body = in.readNBytes(maxBytes);
            truncated = in.read() >= 0;
        } catch (IOException e) {
            throw new ToolException(name() + ": the body of " + uri + " broke off: " + e.getMessage(), e);
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("url", uri.toString());
        result.put("status", response.statusCode());
        result.put("content_type", type);
        String lower = type.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.startsWith("text/") || lower.contains("json") || lower.contains("xml")
                || lower.contains("javascript") || lower.contains("yaml")) {
            result.put("body", new String(body, StandardCharsets.UTF_8));
        } else {
            result.put("body", "(" + body.length + " bytes of " + type + ", not shown)");
        }
        result.put("truncated", truncated);
        if (truncated) {
            result.put("note", "body cut at " + maxBytes + " bytes (web.max.bytes)");
        }
        return result;
    }

    private URI parse(String text) throws ToolException {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (java.net.URISyntaxException e) {
            throw new ToolException(name() + ": '" + text + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new ToolException(name() + ": only http and https URLs with a host are fetched, not '" + text + "'");
        }
        if (uri.getUserInfo() != null) {
            throw new ToolException(name() + ": URLs with credentials are not fetched");
        }
        return uri;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the redirect's body is not needed
        }
    }
}
