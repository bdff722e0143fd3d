package dev.victor.workflow.http.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;
import dev.victor.workflow.source.SourceDocument;
import dev.victor.workflow.source.WorkflowSource;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * The {@code http} / {@code https} workflow source: fetches a document over the network and hands
 * its bytes, with the server's Content-Type as the media type, to the registry, which picks the
 * format and compiles it. One instance serves one scheme (the registry gives a source only the
 * part of the URI after {@code ://}, so the instance must know which scheme to put back; see
 * {@link Urls}). Fetched content is never trusted: no {@code $env}, no {@code $ref}. Documents are
 * named by their URL as {@link Urls#display} shows it (no user information, no secret query
 * value).
 *
 * <h2>Conditional requests</h2>
 * For each URL (up to {@code cache_size} of them) the source keeps the last document and the
 * server's validator (ETag, else Last-Modified). {@link #fingerprint} asks the server (a
 * conditional GET, so usually a bodiless 304) and returns the validator (or the SHA-256 of the
 * body when the server sends none) with the media type: it changes exactly when the document
 * does. The {@link #read} that the registry runs right after it on the same thread (within
 * {@value #HANDOFF_SECONDS} s) uses what that request returned instead of asking again: a cache
 * miss is one request, a hit one conditional request. A read on its own sends a conditional GET
 * and, on a 304, returns the document it kept. {@code revalidate_after} (default 0) lets the
 * source trust a check for that long without asking the server: the window in which a changed
 * document is not seen.
 */
public final class HttpSource implements WorkflowSource, AutoCloseable {

    /** The schemes this source serves, one instance each. */
    public static final List<String> SCHEMES = List.of("http", "https");

    static final long HANDOFF_SECONDS = 2;
    private static final Duration HANDOFF_WINDOW = Duration.ofSeconds(HANDOFF_SECONDS);

    private final String scheme;
    private final HttpOptions options;
    private final System.Logger log;
    private final HttpFetcher fetcher;
    private final LongSupplier nanoTime;
    private final Cache<String, UrlState> states;
    private final Cache<Thread, Handoff> handoffs;

    /**
     * @param scheme  {@code http} or {@code https}: the scheme put in front of the locations it is given
     * @param options the options
     */
    public HttpSource(String scheme, HttpOptions options) {
        this(scheme, options, System.getLogger(HttpSource.class.getName()),
                new NetworkPolicy(options.allowedHosts(), options.allowPrivateNetworks()), System::nanoTime);
    }

    HttpSource(String scheme, HttpOptions options, System.Logger log, NetworkPolicy policy, LongSupplier nanoTime) {
        if (!SCHEMES.contains(scheme)) {
            throw new IllegalArgumentException("The HTTP source serves http or https, not '" + scheme + "'");
        }
        this.scheme = scheme;
        this.options = Objects.requireNonNull(options, "options");
        this.log = Objects.requireNonNull(log, "log");
        this.nanoTime = nanoTime;
        this.fetcher = new HttpFetcher(options, policy, log);
        this.states = Caffeine.newBuilder().maximumSize(options.cacheSize()).executor(Runnable::run).build();
        this.handoffs = Caffeine.newBuilder().weakKeys().maximumSize(1024).expireAfterWrite(HANDOFF_WINDOW)
                .executor(Runnable::run).build();
    }

    // ---------------------------------------------------------------- off OSGi

    /**
     * Builds the sources for {@code http} and {@code https} with these options and hands each, with
     * its scheme, to {@code registry}: {@code HttpSource.register(registry::register, options)}
     * with a {@code DefaultWorkflowCompilerRegistry}, whose formats then read what they fetch.
     *
     * @return the two sources, http first
     * @throws WorkflowException when an option is invalid (naming it, never a header's value)
     */
    public static List<HttpSource> register(BiConsumer<? super HttpSource, String> registry, Map<String, ?> options) {
        Objects.requireNonNull(registry, "registry");
        HttpOptions parsed = options(options);
        List<HttpSource> sources = SCHEMES.stream().map(each -> new HttpSource(each, parsed)).toList();
        sources.forEach(source -> registry.accept(source, source.scheme()));
        return sources;
    }

    /** {@link HttpOptions#from(Map)}, failing with a {@link WorkflowException}. */
    static HttpOptions options(Map<String, ?> options) {
        try {
            return HttpOptions.from(options);
        } catch (IllegalArgumentException e) {
            throw new WorkflowException("Invalid options for the HTTP source: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- the source

    /** True only for a well-formed http(s) URL (see {@link Urls}); asks no server. */
    @Override
    public boolean accepts(String location) {
        return Urls.isValid(location, scheme);
    }

    /**
     * The server's validator (or the SHA-256 of the body) and the media type, after asking the
     * server; never a header's value. What the request returned is handed to the next
     * {@link #read} of the same URL on this thread.
     *
     * @throws WorkflowSourceNotFoundException    on 404 or 410
     * @throws WorkflowSourceUnavailableException when the server fails, times out or sends too much
     * @throws WorkflowException                  when the URL, a redirect or an address is refused
     */
    @Override
    public String fingerprint(String location) {
        URI url = url(location);
        UrlState state = current(url, false);
        handoffs.put(Thread.currentThread(), new Handoff(url, state, nanoTime.getAsLong()));
        return state.document().fingerprint();
    }

    /**
     * The document at the URL: handed off by {@link #fingerprint}, still fresh, confirmed by a 304,
     * or fetched; untrusted, named by its URL, with the server's Content-Type.
     *
     * @throws InvalidWorkflowException when its charset is unknown or its bytes do not fit it
     */
    @Override
    public SourceDocument read(String location) {
        Document document = current(url(location), true).document();
        return SourceDocument.fetched(Urls.display(document.url()), document.content(), document.mediaType(),
                document.fingerprint());
    }

    private URI url(String location) {
        try {
            return Urls.parse(location, scheme);
        } catch (IllegalArgumentException e) {
            String message = "The " + scheme + " source cannot fetch this location: " + e.getMessage();
            throw new InvalidWorkflowException(message, List.of(Problem.error(message)));
        }
    }

    /** The document of a URL as it is now: handed off, still fresh, confirmed by a 304, or fetched. */
    private UrlState current(URI url, boolean useHandoff) {
        long now = nanoTime.getAsLong();
        if (useHandoff) {
            Handoff handoff = handoffs.asMap().remove(Thread.currentThread());
            if (handoff != null && handoff.url().equals(url) && now - handoff.at() <= HANDOFF_WINDOW.toNanos()) {
                return handoff.state();
            }
        }
        String key = url.toString();
        UrlState known = states.getIfPresent(key);
        long fresh = options.revalidateAfter().toNanos();
        if (known != null && fresh > 0 && now - known.checkedAt() < fresh) {
            return known;
        }
        Document document;
        try {
            document = fetch(url, known == null ? null : known.document());
        } catch (WorkflowSourceNotFoundException e) {
            states.invalidate(key);
            throw e;
        }
        UrlState next = new UrlState(document, nanoTime.getAsLong());
        states.put(key, next);
        return next;
    }

    /**
     * The current document: the known one when the server answers 304 from the URL that sent it,
     * else the body fetched. A 304 from another URL (a redirect now leads elsewhere, where the
     * same validator may mean another document) is not trusted: the URL is fetched again without
     * conditions.
     */
    private Document fetch(URI url, Document known) {
        HttpFetcher.Result result = fetcher.fetch(url, known != null && known.hasValidator() ? known : null);
        if (result instanceof HttpFetcher.NotModified notModified) {
            if (notModified.finalUrl().equals(known.finalUrl())) {
                log.log(System.Logger.Level.DEBUG, "{0} is not modified", Urls.display(url));
                return known;
            }
            result = fetcher.fetch(url, null);
        }
        return ((HttpFetcher.Fetched) result).document();
    }

    /** The scheme this instance serves. */
    public String scheme() {
        return scheme;
    }

    public HttpOptions options() {
        return options;
    }

    /** Stops the deadline thread; the source must not be used afterwards. */
    @Override
    public void close() {
        fetcher.close();
        states.invalidateAll();
        handoffs.invalidateAll();
    }

    @Override
    public String toString() {
        return "HttpSource[" + scheme + ", " + options + "]";
    }

    /** What is known of one URL: its document, and when it was last confirmed. */
    private record UrlState(Document document, long checkedAt) {
    }

    /** What {@link #fingerprint} saw, for the read that follows it on the same thread. */
    private record Handoff(URI url, UrlState state, long at) {
    }
}
