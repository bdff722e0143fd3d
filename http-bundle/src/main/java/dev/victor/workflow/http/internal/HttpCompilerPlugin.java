package dev.victor.workflow.http.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.PluginFactory;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.UnknownSchemeException;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.WorkflowCompilerRegistry;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The {@code http} / {@code https} compiler plugin: fetches a workflow document and hands its
 * text to the plugin of its format ({@code yaml} or {@code json}), found in the registry by
 * scheme. One instance serves one scheme (the registry gives a plugin only the part of the URI
 * after {@code ://}, so the instance must know which scheme to put back; see {@link Urls}).
 *
 * <h2>Conditional requests and cache keys</h2>
 * For each URL (up to {@code cache_size} of them) the plugin keeps the last document, the
 * server's validator (ETag, else Last-Modified) and the graphs compiled from it (per workflow
 * name, validate flag and format plugin). {@link #getCacheKey} asks the server (a conditional
 * GET, so usually a bodiless 304) and returns the URL with the current validator (or the SHA-256
 * of the body when the server sends no validator) and a digest of the format plugin that reads it
 * (its class and its own cache key of the text): the key changes exactly when the document or
 * that plugin does. The {@link #compile} that the registry runs right after it on the same thread
 * (within {@value #HANDOFF_SECONDS} s) uses what that request returned instead of asking again. A
 * compile on its own sends a conditional GET; on a 304 (or a 200 with the same body) it returns
 * the graph it compiled before without parsing again. {@code revalidate_after} (default 0) lets
 * the plugin trust a check for that long without asking the server: the window in which a
 * changed document is not seen.
 *
 * <h2>Text handed to the format plugins</h2>
 * The body goes to the format plugin's {@code compileText}: always text, never a path, no
 * {@code $ref} to local files and no {@code $env}, whatever that plugin's options say. For the
 * format plugin's cache key (which takes a path or text in one string) the plugin refuses a body
 * that starts with {@code scheme://} and adds a final line break to a body of one line, so that it
 * is read as text there too.
 */
public final class HttpCompilerPlugin implements WorkflowCompilerPlugin, AutoCloseable {

    /** The schemes this plugin serves. */
    public static final List<String> SCHEMES = List.of("http", "https");

    static final long HANDOFF_SECONDS = 2;
    private static final Duration HANDOFF_WINDOW = Duration.ofSeconds(HANDOFF_SECONDS);
    private static final int MAX_GRAPHS_PER_URL = 32;
    private static final Pattern STARTS_WITH_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");

    private final String scheme;
    private final HttpOptions options;
    private final Supplier<? extends WorkflowCompilerRegistry> registry;
    private final System.Logger log;
    private final HttpFetcher fetcher;
    private final LongSupplier nanoTime;
    private final Cache<String, UrlState> states;
    private final Cache<Thread, Handoff> handoffs;

    /**
     * @param scheme   {@code http} or {@code https}: the scheme put in front of the sources it is given
     * @param options  the options
     * @param registry where the yaml and json plugins are found (asked at each compile)
     */
    public HttpCompilerPlugin(String scheme, HttpOptions options, Supplier<? extends WorkflowCompilerRegistry> registry) {
        this(scheme, options, registry, System.getLogger(HttpCompilerPlugin.class.getName()),
                new NetworkPolicy(options.allowedHosts(), options.allowPrivateNetworks()), System::nanoTime);
    }

    HttpCompilerPlugin(String scheme, HttpOptions options, Supplier<? extends WorkflowCompilerRegistry> registry,
                       System.Logger log, NetworkPolicy policy, LongSupplier nanoTime) {
        if (!SCHEMES.contains(scheme)) {
            throw new IllegalArgumentException("The HTTP plugin serves http or https, not '" + scheme + "'");
        }
        this.scheme = scheme;
        this.options = Objects.requireNonNull(options, "options");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.log = Objects.requireNonNull(log, "log");
        this.nanoTime = nanoTime;
        this.fetcher = new HttpFetcher(options, policy, log);
        this.states = Caffeine.newBuilder().maximumSize(options.cacheSize()).executor(Runnable::run).build();
        this.handoffs = Caffeine.newBuilder().weakKeys().maximumSize(1024).expireAfterWrite(HANDOFF_WINDOW)
                .executor(Runnable::run).build();
    }

    // ---------------------------------------------------------------- off OSGi

    /**
     * Registers the plugin for {@code http} and {@code https} in a registry, with these options
     * (under the options the registry has configured for the scheme). The plugins find the yaml
     * and json plugins in the same registry.
     */
    public static void register(WorkflowCompilerRegistry registry, Map<String, ?> options) {
        Objects.requireNonNull(registry, "registry");
        for (String each : SCHEMES) {
            registry.register(each, factory(each, options, () -> registry));
        }
    }

    /**
     * A factory for {@link WorkflowCompilerRegistry#register(String, PluginFactory)}: builds the
     * plugin for one scheme from {@code base} options overlaid by those the registry passes.
     */
    public static PluginFactory factory(String scheme, Map<String, ?> base,
                                        Supplier<? extends WorkflowCompilerRegistry> registry) {
        Map<String, Object> fixed = base == null ? Map.of() : new LinkedHashMap<>(base);
        return given -> {
            Map<String, Object> merged = new LinkedHashMap<>(fixed);
            if (given != null) {
                merged.putAll(given);
            }
            return new HttpCompilerPlugin(scheme, options(merged), registry);
        };
    }

    /**
     * {@link HttpOptions#from(Map)}, failing with a {@link WorkflowException}.
     */
    static HttpOptions options(Map<String, ?> options) {
        try {
            return HttpOptions.from(options);
        } catch (IllegalArgumentException e) {
            throw new WorkflowException("Invalid options for the HTTP plugin: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- the plugin

    /** True only for a well-formed http(s) URL (see {@link Urls}); asks no server. */
    @Override
    public boolean validateSource(String source) {
        return Urls.isValid(source, scheme);
    }

    /**
     * The URL with the server's current validator (or the SHA-256 of the body) and a digest of the
     * format plugin that reads it, after asking the server; never a header's value. {@code null}
     * (do not cache) when the format plugin's own key is {@code null}.
     *
     * @throws WorkflowSourceNotFoundException    on 404 or 410
     * @throws WorkflowSourceUnavailableException when the server fails, times out or sends too much
     * @throws WorkflowException                  when the URL, a redirect or an address is refused
     */
    @Override
    public String getCacheKey(String source) {
        URI url = url(source);
        UrlState state = current(url, false);
        handoffs.put(Thread.currentThread(), new Handoff(url, state, nanoTime.getAsLong()));
        Document document = state.document();
        String display = Urls.display(url);
        String delegateKey = delegateKey(delegate(document, display), textForDelegate(document, display));
        return delegateKey == null ? null : document.cacheKey() + " [" + document.format() + " " + delegateKey + "]";
    }

    @Override
    public CompiledGraph compile(String source, String workflowName, boolean validate) {
        URI url = url(source);
        return compile(current(url, true), workflowName, validate);
    }

    /**
     * The workflows the document holds, as the plugin of its format lists them (fetched or
     * confirmed as {@link #compile} does).
     */
    @Override
    public List<String> workflowNames(String source) {
        URI url = url(source);
        Document document = current(url, true).document();
        String display = Urls.display(url);
        WorkflowCompilerPlugin delegate = delegate(document, display);
        try {
            return List.copyOf(delegate.workflowNamesInText(document.text(), display));
        } catch (InvalidWorkflowException e) {
            throw new InvalidWorkflowException("'" + display + "' is not a valid workflow", relabel(e, display), e);
        } catch (WorkflowSourceNotFoundException | WorkflowSourceUnavailableException e) {
            throw misread(document, display, e);
        }
    }

    private URI url(String source) {
        try {
            return Urls.parse(source, scheme);
        } catch (IllegalArgumentException e) {
            String message = "The " + scheme + " plugin cannot fetch this source: " + e.getMessage();
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
        HttpFetcher.Result result;
        try {
            result = fetcher.fetch(url, known == null ? null : known.document());
        } catch (WorkflowSourceNotFoundException e) {
            states.invalidate(key);
            throw e;
        }
        UrlState next;
        long checked = nanoTime.getAsLong();
        if (result instanceof HttpFetcher.NotModified) {
            next = new UrlState(known.document(), checked, known.graphs());
        } else {
            Document document = ((HttpFetcher.Fetched) result).document();
            next = known != null && known.document().sameContent(document)
                    ? new UrlState(document, checked, known.graphs())
                    : new UrlState(document, checked, new ConcurrentHashMap<>());
        }
        states.put(key, next);
        return next;
    }

    /**
     * Hands the text to the plugin of its format, found in the registry, or returns the graph
     * compiled before from the same document by the same plugin (its class: a new bundle version
     * is a new class; and its own cache key of the text, which covers its options).
     */
    private CompiledGraph compile(UrlState state, String workflowName, boolean validate) {
        Document document = state.document();
        String display = Urls.display(document.url());
        WorkflowCompilerPlugin delegate = delegate(document, display);
        String text = textForDelegate(document, display);
        String delegateKey = delegateKey(delegate, text);
        GraphKey key = new GraphKey(workflowName, validate, delegateKey);
        if (delegateKey != null) {
            CompiledGraph kept = state.graphs().get(key);
            if (kept != null) {
                log.log(System.Logger.Level.DEBUG, "Reusing the graph compiled from {0}", display);
                return kept;
            }
        }
        log.log(System.Logger.Level.DEBUG, "Compiling {0} with the {1} plugin", display, document.format());
        CompiledGraph graph;
        try {
            graph = new SourcedGraph(delegate.compileText(document.text(), display, workflowName, validate), display);
        } catch (InvalidWorkflowException e) {
            throw new InvalidWorkflowException("'" + display + "' is not a valid workflow", relabel(e, display), e);
        } catch (WorkflowSourceNotFoundException | WorkflowSourceUnavailableException e) {
            throw misread(document, display, e);
        }
        if (delegateKey == null) {
            return graph;
        }
        if (state.graphs().size() >= MAX_GRAPHS_PER_URL) {
            state.graphs().clear();
        }
        CompiledGraph raced = state.graphs().putIfAbsent(key, graph);
        return raced != null ? raced : graph;
    }

    /**
     * A short digest of the format plugin's class (with its identity, so that a new version of its
     * bundle gives a new digest) and of its own cache key for the text; {@code null} when that
     * plugin says its result must not be cached.
     */
    private static String delegateKey(WorkflowCompilerPlugin delegate, String text) {
        String theirs = delegate.getCacheKey(text);
        if (theirs == null) {
            return null;
        }
        Class<?> type = delegate.getClass();
        return Document.sha256(type.getName() + "@" + Integer.toHexString(System.identityHashCode(type)) + "\n"
                + theirs).substring(0, 16);
    }

    /** The plugin of the document's format, from the registry. */
    private WorkflowCompilerPlugin delegate(Document document, String display) {
        WorkflowCompilerRegistry workflows = registry.get();
        if (workflows == null) {
            throw new WorkflowException("Cannot compile " + display + ": no workflow compiler registry is available");
        }
        String formatScheme = document.format().scheme();
        try {
            return workflows.create(formatScheme + "://", Map.of());
        } catch (UnknownSchemeException e) {
            throw new WorkflowException("Cannot compile " + display + ": it is a " + document.format()
                    + " document and no plugin is installed for the scheme '" + formatScheme + "' ("
                    + e.getMessage() + ")", e);
        }
    }

    /**
     * The format plugin reported a missing or unreadable source although it was given text: never
     * let that pass for the state of the URL (a registry would take it for a failing server).
     */
    private static InvalidWorkflowException misread(Document document, String display, WorkflowException e) {
        String message = "The " + document.format() + " plugin could not compile the text of " + display + ": "
                + e.getMessage();
        return new InvalidWorkflowException(message, List.of(Problem.error(message).withSource(display)), e);
    }

    /** The text, made unmistakable as text for the format plugin's cache key (see the class comment). */
    static String textForDelegate(Document document, String display) {
        String text = document.text();
        if (STARTS_WITH_SCHEME.matcher(text).find()) {
            String message = display + " is not a workflow document: it starts with a URI ('"
                    + text.substring(0, text.indexOf("://") + 3) + "')";
            throw new InvalidWorkflowException(message, List.of(Problem.error(message).withSource(display)));
        }
        if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            text = text + "\n";
        }
        return text;
    }

    private static List<Problem> relabel(InvalidWorkflowException e, String display) {
        List<Problem> problems = e.problems().stream().map(p -> p.source() == null ? p.withSource(display) : p)
                .toList();
        if (problems.stream().noneMatch(Problem::isError)) {
            String message = e.getMessage() == null ? "invalid workflow" : e.getMessage();
            return List.of(Problem.error(message).withSource(display));
        }
        return problems;
    }

    /** The scheme this instance serves. */
    public String scheme() {
        return scheme;
    }

    public HttpOptions options() {
        return options;
    }

    /** Stops the deadline thread; the plugin must not be used afterwards. */
    @Override
    public void close() {
        fetcher.close();
        states.invalidateAll();
        handoffs.invalidateAll();
    }

    @Override
    public String toString() {
        return "HttpCompilerPlugin[" + scheme + ", " + options + "]";
    }

    /** What is known of one URL: its document, when it was last confirmed, and the graphs compiled from it. */
    private record UrlState(Document document, long checkedAt, ConcurrentMap<GraphKey, CompiledGraph> graphs) {
    }

    private record GraphKey(String workflow, boolean validate, String delegateKey) {
    }

    /** What {@link #getCacheKey} saw, for the compile that follows it on the same thread. */
    private record Handoff(URI url, UrlState state, long at) {
    }
}
