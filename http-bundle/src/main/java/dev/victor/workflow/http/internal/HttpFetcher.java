package dev.victor.workflow.http.internal;

import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;

import javax.net.ssl.SSLException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Fetches one document over HTTP(S) with the JDK's {@link HttpClient}: redirects are followed
 * here, not by the client, so that every hop is checked (scheme, no https to http, the
 * {@link NetworkPolicy}); each hop has {@code read_timeout} from sending the request to the last
 * byte of the body; the body is counted while it is read and refused past {@code max_body_bytes}.
 *
 * <p>Errors: 404 and 410 are {@link WorkflowSourceNotFoundException}; other statuses, timeouts,
 * I/O failures, oversize bodies, redirect loops and too many redirects are
 * {@link WorkflowSourceUnavailableException} (so a registry may serve a last good compile); a
 * refused hop (scheme, downgrade, host, address) is a plain {@link WorkflowException}; text that
 * cannot be decoded from the charset its Content-Type names is an {@link InvalidWorkflowException}. Messages name the URL and the limit,
 * and never a header's value.
 */
final class HttpFetcher implements AutoCloseable {

    /** What a fetch gave. */
    sealed interface Result permits Fetched, NotModified {
    }

    /** A 200 with its body. */
    record Fetched(Document document) implements Result {
    }

    /** A 304 to the conditional request: the document known before is still current. */
    record NotModified(URI finalUrl) implements Result {
    }

    private static final String ACCEPT = "application/yaml, application/x-yaml, text/yaml, application/json;q=0.9,"
            + " */*;q=0.1";
    private static final int BUFFER = 8192;

    private final HttpOptions options;
    private final NetworkPolicy policy;
    private final System.Logger log;
    private final HttpClient.Builder clientBuilder;
    /** Built at the first fetch: building one initialises TLS, which costs a runtime's start a few hundred ms. */
    private HttpClient client;
    private final ScheduledThreadPoolExecutor deadlines;
    private final LongSupplier nanoTime;

    HttpFetcher(HttpOptions options, NetworkPolicy policy, System.Logger log) {
        this.options = options;
        this.policy = policy;
        this.log = log;
        this.nanoTime = System::nanoTime;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(options.connectTimeout())
                // Never through a proxy: the address checks would be meaningless if a proxy resolved the host.
                .proxy(HttpClient.Builder.NO_PROXY);
        if (options.sslContext() != null) {
            builder.sslContext(options.sslContext());
        }
        this.clientBuilder = builder;
        this.deadlines = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "victor-http-deadline");
            thread.setDaemon(true);
            return thread;
        });
        deadlines.setRemoveOnCancelPolicy(true);
        deadlines.setKeepAliveTime(10, TimeUnit.SECONDS);
        deadlines.allowCoreThreadTimeOut(true);
    }

    /**
     * Fetches a URL, conditionally when {@code known} (the document fetched before from it) has a
     * validator.
     *
     * @param url   an absolute http or https URL, already checked by {@link Urls#parse}
     * @param known the last document of this URL, or {@code null}
     */
    Result fetch(URI url, Document known) {
        String display = Urls.display(url);
        URI current = url;
        Set<URI> visited = new LinkedHashSet<>();
        visited.add(current);
        for (int redirects = 0; ; redirects++) {
            policy.check(current, Urls.display(current));
            long hopStart = nanoTime.getAsLong();
            HttpRequest request = request(current, Urls.sameOrigin(url, current), known);
            HttpResponse<InputStream> response = send(request, display, current);
            int status = response.statusCode();
            log.log(System.Logger.Level.DEBUG, "GET {0} -> HTTP {1}", Urls.display(current), status);
            if (isRedirect(status)) {
                close(response.body());
                URI next = redirectTarget(response, current, display, status);
                if (redirects >= options.maxRedirects()) {
                    throw unavailable(display, "Cannot fetch " + display + ": more than " + options.maxRedirects()
                            + " redirects (max_redirects = " + options.maxRedirects() + ")", null);
                }
                if (!visited.add(next)) {
                    List<String> chain = new ArrayList<>();
                    visited.forEach(hop -> chain.add(Urls.display(hop)));
                    chain.add(Urls.display(next));
                    throw unavailable(display, "Cannot fetch " + display + ": redirect loop "
                            + String.join(" -> ", chain), null);
                }
                current = next;
                continue;
            }
            String where = current.equals(url) ? "" : " (redirected to " + Urls.display(current) + ")";
            if (status == 304) {
                close(response.body());
                if (known == null) {
                    throw unavailable(display, "Cannot fetch " + display + ": HTTP 304 to a request that was not"
                            + " conditional" + where, null);
                }
                return new NotModified(current);
            }
            if (status == 404 || status == 410) {
                close(response.body());
                throw new WorkflowSourceNotFoundException(display, "Workflow not found: " + display + " (HTTP "
                        + status + where + ")");
            }
            if (status != 200) {
                close(response.body());
                throw unavailable(display, "Cannot fetch " + display + ": HTTP " + status + where, null);
            }
            String encoding = response.headers().firstValue("content-encoding").orElse("identity").strip();
            if (!encoding.isEmpty() && !encoding.equalsIgnoreCase("identity")) {
                close(response.body());
                throw unavailable(display, "Cannot fetch " + display + ": the server sent the body with the"
                        + " content encoding '" + encoding + "', which was not asked for" + where, null);
            }
            byte[] body = readBody(response, hopStart, display, where);
            String contentType = response.headers().firstValue("content-type").map(String::strip)
                    .filter(s -> !s.isEmpty()).orElse(null);
            byte[] content = toUtf8(body, contentType, display);
            String mediaType = content == body ? contentType : withUtf8Charset(contentType);
            String etag = response.headers().firstValue("etag").map(String::strip).filter(s -> !s.isEmpty())
                    .orElse(null);
            String lastModified = response.headers().firstValue("last-modified").map(String::strip)
                    .filter(s -> !s.isEmpty()).orElse(null);
            log.log(System.Logger.Level.DEBUG, "Fetched {0}: {1} bytes, {2}", Urls.display(current), body.length,
                    contentType);
            return new Fetched(Document.of(url, current, content, mediaType, etag, lastModified));
        }
    }

    private HttpRequest request(URI uri, boolean sameOrigin, Document known) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET().timeout(options.readTimeout())
                .header("Accept", ACCEPT);
        if (sameOrigin) {
            options.headers().forEach(builder::setHeader);
        }
        if (known != null && known.etag() != null) {
            builder.header("If-None-Match", known.etag());
        } else if (known != null && known.lastModified() != null) {
            builder.header("If-Modified-Since", known.lastModified());
        }
        return builder.build();
    }

    private HttpResponse<InputStream> send(HttpRequest request, String display, URI current) {
        String where = Urls.display(current);
        try {
            return client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw unavailable(display, "Cannot fetch " + display + ": no connection to " + where + " within "
                    + seconds(options.connectTimeout()) + " (connect_timeout)", e);
        } catch (HttpTimeoutException e) {
            throw unavailable(display, "Cannot fetch " + display + ": no response from " + where + " within "
                    + seconds(options.readTimeout()) + " (read_timeout)", e);
        } catch (ConnectException e) {
            throw unavailable(display, "Cannot fetch " + display + ": cannot connect to " + where
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        } catch (SSLException e) {
            throw unavailable(display, "Cannot fetch " + display + ": TLS failed with " + where + " ("
                    + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw unavailable(display, "Cannot fetch " + display + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkflowException("Interrupted while fetching " + display, e);
        } catch (IllegalArgumentException e) {
            throw new WorkflowException("Cannot fetch " + display + ": the HTTP client refuses the request", e);
        }
    }

    private URI redirectTarget(HttpResponse<?> response, URI current, String display, int status) {
        String location = response.headers().firstValue("location").map(String::strip).orElse("");
        if (location.isEmpty()) {
            throw unavailable(display, "Cannot fetch " + display + ": HTTP " + status + " from "
                    + Urls.display(current) + " without a Location header", null);
        }
        URI target;
        try {
            target = current.resolve(new URI(location));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw unavailable(display, "Cannot fetch " + display + ": " + Urls.display(current)
                    + " redirects to an invalid URL", e);
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        String shown = Urls.redact(target.toString());
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new WorkflowException("Refused to fetch " + display + ": " + Urls.display(current)
                    + " redirects to a '" + scheme + ":' URL (" + shown + "); only http and https redirects are"
                    + " followed");
        }
        if (current.getScheme().equalsIgnoreCase("https") && scheme.equals("http")) {
            throw new WorkflowException("Refused to fetch " + display + ": " + Urls.display(current)
                    + " redirects from https to http (" + shown + ")");
        }
        try {
            return Urls.normalize(target);
        } catch (IllegalArgumentException e) {
            throw new WorkflowException("Refused to fetch " + display + ": " + Urls.display(current)
                    + " redirects to " + shown + ": " + e.getMessage());
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * Reads the body, counting bytes against the limit; refused at once when Content-Length
     * already says it is too large. A watchdog closes the stream when the hop's time is up, which
     * ends a read that is waiting for bytes.
     */
    private byte[] readBody(HttpResponse<InputStream> response, long hopStart, String display, String where) {
        long limit = options.maxBodyBytes();
        InputStream in = response.body();
        OptionalLong declared = response.headers().firstValueAsLong("content-length");
        if (declared.isPresent() && declared.getAsLong() > limit) {
            close(in);
            throw unavailable(display, "Cannot fetch " + display + ": the body (" + declared.getAsLong()
                    + " bytes by its Content-Length) is larger than the limit of " + limit
                    + " bytes (max_body_bytes)" + where, null);
        }
        long remaining = options.readTimeout().toNanos() - (nanoTime.getAsLong() - hopStart);
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> watchdog = deadlines.schedule(() -> {
            timedOut.set(true);
            close(in);
        }, Math.max(remaining, 0L), TimeUnit.NANOSECONDS);
        ByteArrayOutputStream out = new ByteArrayOutputStream(
                (int) Math.min(limit + 1, declared.isPresent() ? declared.getAsLong() + 1 : BUFFER));
        try {
            byte[] buffer = new byte[BUFFER];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > limit) {
                    throw unavailable(display, "Cannot fetch " + display + ": the body is larger than the limit of "
                            + limit + " bytes (max_body_bytes)" + where, null);
                }
                out.write(buffer, 0, read);
            }
            if (timedOut.get()) {
                throw timeout(display, where, null);
            }
            return out.toByteArray();
        } catch (IOException e) {
            if (timedOut.get()) {
                throw timeout(display, where, e);
            }
            throw unavailable(display, "Cannot fetch " + display + ": the body could not be read" + where + " ("
                    + describe(e) + ")", e);
        } finally {
            watchdog.cancel(false);
            close(in);
        }
    }

    private WorkflowSourceUnavailableException timeout(String display, String where, Throwable cause) {
        return unavailable(display, "Cannot fetch " + display + ": the body was not received within "
                + seconds(options.readTimeout()) + " (read_timeout)" + where, cause);
    }

    /**
     * The body in UTF-8, which is what the formats read: as it is when the Content-Type names no
     * charset or UTF-8 (the format then decodes it strictly and says where a bad byte is), else
     * decoded strictly from the named charset (a byte order mark dropped) and encoded in UTF-8.
     */
    static byte[] toUtf8(byte[] body, String contentType, String display) {
        String name = charsetParameter(contentType);
        if (name == null) {
            return body;
        }
        Charset charset;
        try {
            charset = Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw invalid(display, display + " is in the unknown charset '" + name + "'");
        }
        if (charset.equals(StandardCharsets.UTF_8)) {
            return body;
        }
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw invalid(display, display + " is not valid " + charset.name() + " text");
        }
        return (text.startsWith("\uFEFF") ? text.substring(1) : text).getBytes(StandardCharsets.UTF_8);
    }

    /** The Content-Type with its charset parameter replaced by {@code utf-8}. */
    static String withUtf8Charset(String contentType) {
        StringBuilder type = new StringBuilder();
        for (String part : contentType.split(";")) {
            String parameter = part.strip();
            int equals = parameter.indexOf('=');
            boolean charset = equals > 0 && parameter.substring(0, equals).strip().equalsIgnoreCase("charset");
            if (!charset && !parameter.isEmpty()) {
                type.append(type.length() == 0 ? "" : "; ").append(parameter);
            }
        }
        return type.append("; charset=utf-8").toString();
    }

    static String charsetParameter(String contentType) {
        if (contentType == null) {
            return null;
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            int equals = part.indexOf('=');
            if (equals > 0 && part.substring(0, equals).strip().equalsIgnoreCase("charset")) {
                String value = part.substring(equals + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static InvalidWorkflowException invalid(String display, String message) {
        return new InvalidWorkflowException(message, List.of(Problem.error(message).withSource(display)));
    }

    private static WorkflowSourceUnavailableException unavailable(String display, String message, Throwable cause) {
        return new WorkflowSourceUnavailableException(display, message, cause);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** {@code 5 s}, {@code 0.25 s}. */
    static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toNanos(), 9).stripTrailingZeros().toPlainString() + " s";
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = clientBuilder.build();
        }
        return client;
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException ignored) {
            // closing is best effort: the stream is dropped either way
        }
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
    }
}
