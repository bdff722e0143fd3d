package dev.victor.workflow.registry.compose;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.format.ParsedDocument;
import dev.victor.workflow.format.SourcePositions;
import dev.victor.workflow.kernel.WorkflowKernel;
import dev.victor.workflow.model.ReaderOptions;
import dev.victor.workflow.model.WorkflowDocument;
import dev.victor.workflow.registry.compose.internal.AttributedGraph;
import dev.victor.workflow.registry.compose.internal.CompileInputs;
import dev.victor.workflow.registry.compose.internal.RefAttribution;
import dev.victor.workflow.registry.compose.internal.RefExpander;
import dev.victor.workflow.source.ReferenceResolver;
import dev.victor.workflow.source.SourceDocument;
import dev.victor.workflow.source.WorkflowSource;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A source, a format and the kernel composed into a compiler plugin: the registry builds one for
 * each scheme a {@link WorkflowSource} serves ({@code s3}) and for each compound of a format and
 * that scheme ({@code json+s3}), so that caching, ranking, enabling and the commands treat it like
 * any plugin. One read of each document per compile: {@link #getCacheKey} asks only the source's
 * {@link WorkflowSource#fingerprint}, {@link #compile} reads the document once (and each document
 * its {@code $ref}s name once).
 *
 * <p>A document is parsed by the format its scheme names, else the one its media type or
 * extension picks (see {@link FormatTable#choose}). A document with a {@link ReferenceResolver}
 * (a local file) has its {@code $ref} items expanded (see {@link RefExpander}), whatever its format;
 * problems found in a referenced node name that document, line and column. A document without one
 * (fetched content) keeps its {@code $ref} items, which the reader reports. {@code $env.NAME} is
 * read as {@link ReadingOptions#env()} allows ({@code auto}: for trusted documents; {@code true}:
 * for every document the source reads), and never for text handed to {@link #compileText}.
 *
 * <p>The cache key is the location, the source's fingerprint and a generation that changes when a
 * referenced document or an {@code $env} value the last compile read has changed (see
 * {@link CompileInputs}). A referenced document is fingerprinted again by its name, which must
 * therefore be a location of the same source (as a file's path is).
 */
public final class SourceCompilerPlugin implements WorkflowCompilerPlugin {
    private static final Pattern ENV = Pattern.compile("\\$env\\.([A-Za-z_][A-Za-z0-9_]*)");

    private final WorkflowSource source;
    private final String format;
    private final Supplier<FormatTable> formats;
    private final ReadingOptions reading;
    private final WorkflowKernel kernel;
    private final WorkflowKernel kernelWithEnvironment;
    private final CompileInputs inputs = new CompileInputs();
    private final ParsedDocuments parsed;
    private final ThreadLocal<AskedKey> asked = new ThreadLocal<>();

    /**
     * @param source  where documents come from
     * @param format  the format every document is read with, or {@code null} to choose per document
     * @param formats the installed formats, asked at each compile
     * @param kernel  reads, validates and compiles the parsed tree
     */
    public SourceCompilerPlugin(WorkflowSource source, String format, Supplier<FormatTable> formats,
                                WorkflowKernel kernel) {
        this(source, format, formats, kernel, ReadingOptions.defaults());
    }

    /** @param reading how the documents are read once parsed */
    public SourceCompilerPlugin(WorkflowSource source, String format, Supplier<FormatTable> formats,
                                WorkflowKernel kernel, ReadingOptions reading) {
        this(source, format, formats, kernel, reading, new ParsedDocuments());
    }

    /** @param parsed where the documents this plugin parsed last are kept (shared by a registry's plugins) */
    public SourceCompilerPlugin(WorkflowSource source, String format, Supplier<FormatTable> formats,
                                WorkflowKernel kernel, ReadingOptions reading, ParsedDocuments parsed) {
        this.parsed = Objects.requireNonNull(parsed, "parsed");
        this.source = Objects.requireNonNull(source, "source");
        this.format = format;
        this.formats = Objects.requireNonNull(formats, "formats");
        this.reading = Objects.requireNonNull(reading, "reading");
        Objects.requireNonNull(kernel, "kernel");
        ReaderOptions reader = kernel.options().reader();
        boolean plain = reader.strict() == reading.strict() && reader.customNodeTypes().equals(reading.customNodeTypes())
                && !reader.interpolatesEnvironment();
        this.kernel = plain ? kernel : new WorkflowKernel(kernel.options().withReader(
                new ReaderOptions(reading.strict(), null, reading.customNodeTypes())));
        this.kernelWithEnvironment = new WorkflowKernel(kernel.options().withReader(
                new ReaderOptions(reading.strict(), reading.environment(), reading.customNodeTypes())));
    }

    public WorkflowSource source() {
        return source;
    }

    /**
     * How long the cache key {@link #getCacheKey} worked out stands for a compile of the same location
     * that follows on the same thread (the registry's miss): the source is not asked again.
     */
    static final long HANDOFF_NANOS = 2_000_000_000L;

    /** A cache key {@link #getCacheKey} worked out, for the compile that follows it on the same thread. */
    private record AskedKey(String location, String key, long at) {
    }

    /** A document parsed, expanded and ready for the kernel. */
    private record Prepared(Object tree, SourcePositions positions, String name, WorkflowKernel kernel,
                            RefAttribution attribution, Map<String, String> references,
                            Map<String, String> environment) {
    }

    /**
     * A document parsed and prepared, and what the kernel read of it (with and without the full
     * validation), kept in {@link ParsedDocuments} so that each workflow of an unchanged document is
     * compiled from one parse and one read.
     */
    private static final class Kept {
        private final Prepared prepared;
        private volatile WorkflowDocument validated;
        private volatile WorkflowDocument unvalidated;

        private Kept(Prepared prepared) {
            this.prepared = prepared;
        }

        WorkflowDocument read(boolean validate) {
            WorkflowDocument document = validate ? validated : unvalidated;
            if (document == null) {
                document = prepared.kernel().read(prepared.tree(), prepared.positions(), prepared.name(), validate);
                if (validate) {
                    validated = document;
                } else {
                    unvalidated = document;
                }
            }
            return document;
        }
    }

    @Override
    public CompiledGraph compile(String location, String workflowName, boolean validate) {
        Kept kept = kept(location);
        return compile(kept.prepared, kept.read(validate), workflowName);
    }

    /**
     * The document at a location: the one kept when its cache key has not changed since it was
     * read (the source is asked for its fingerprint only then), else read, parsed and kept now.
     */
    private Kept kept(String location) {
        String handed = handedKey(location);
        Kept kept = parsed.get(this, location, Kept.class, () -> handed != null ? handed : currentKey(location));
        if (kept != null) {
            return kept;
        }
        SourceDocument document = source.read(location);
        kept = new Kept(prepare(document, false));
        if (document.fingerprint() != null) {
            long generation = inputs.generation(location, document.fingerprint(), source::fingerprint,
                    reading.environment());
            remember(location, document, kept.prepared);
            parsed.put(this, location, cacheKey(location, document.fingerprint(), generation), kept,
                    document.content().length);
        }
        return kept;
    }

    /**
     * The cache key {@link #getCacheKey} has just worked out for this location on this thread (the
     * registry asks for it right before a compile, and keeps the graph under it), or {@code null};
     * taken once.
     */
    private String handedKey(String location) {
        AskedKey handed = asked.get();
        if (handed == null) {
            return null;
        }
        asked.remove();
        return handed.location().equals(location) && System.nanoTime() - handed.at() <= HANDOFF_NANOS
                ? handed.key() : null;
    }

    /** The cache key now, or {@code null} when the source cannot tell (the document is read again then). */
    private String currentKey(String location) {
        try {
            return cacheKey(location);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public CompiledGraph compileText(String text, String sourceName, String workflowName, boolean validate) {
        return compile(prepare(SourceDocument.fetched(sourceName, text.getBytes(StandardCharsets.UTF_8), null, null), true),
                workflowName, validate);
    }

    private CompiledGraph compile(Prepared prepared, String workflowName, boolean validate) {
        return compile(prepared, prepared.kernel().read(prepared.tree(), prepared.positions(), prepared.name(), validate),
                workflowName);
    }

    private CompiledGraph compile(Prepared prepared, WorkflowDocument read, String workflowName) {
        CompiledGraph graph;
        try {
            graph = prepared.kernel().compile(read, prepared.tree(), workflowName);
        } catch (InvalidWorkflowException e) {
            if (prepared.attribution().isEmpty()) {
                throw e;
            }
            throw new InvalidWorkflowException(e.getMessage(), prepared.attribution().attribute(e.problems()), e);
        }
        return prepared.attribution().isEmpty() ? graph
                : new AttributedGraph(graph, prepared.attribution().attribute(graph.warnings()));
    }

    @Override
    public List<String> workflowNames(String location) {
        return kept(location).read(false).names();
    }

    @Override
    public List<String> workflowNamesInText(String text, String sourceName) {
        return names(prepare(SourceDocument.fetched(sourceName, text.getBytes(StandardCharsets.UTF_8), null, null), true));
    }

    private List<String> names(Prepared prepared) {
        return prepared.kernel().read(prepared.tree(), prepared.positions(), prepared.name(), false).names();
    }

    /** @param fetched a document handed to {@link #compileText}: never given the environment */
    private Prepared prepare(SourceDocument document, boolean fetched) {
        FormatTable table = formats.get();
        FormatTable.Entry entry = table.choose(format, document);
        ParsedDocument parsed = entry.format().parse(document);
        String name = document.name().isEmpty() ? null : document.name();
        Object tree = parsed.tree();
        SourcePositions positions = parsed.positions();
        RefAttribution attribution = new RefAttribution(List.of(), name);
        Map<String, String> references = Map.of();
        if (document.references() != ReferenceResolver.NONE && RefExpander.mentionsRef(tree)) {
            RefExpander.Result expanded = new RefExpander(reading.maxReferences(),
                    library -> table.forReferenced(library, entry)).expand(parsed, document, name);
            tree = expanded.tree();
            positions = expanded.positions();
            attribution = new RefAttribution(expanded.origins(), name);
            references = expanded.references();
        }
        boolean environment = !fetched && reading.env().allows(document.trusted());
        Map<String, String> used = environment ? environmentUsed(tree) : Map.of();
        return new Prepared(tree, positions, name, environment ? kernelWithEnvironment : kernel, attribution,
                references, used);
    }

    /** The values of the {@code $env.NAME} variables the tree mentions, as read now. */
    private Map<String, String> environmentUsed(Object tree) {
        TreeSet<String> names = new TreeSet<>();
        collectEnvironment(tree, names);
        Map<String, String> values = new HashMap<>();
        for (String variable : names) {
            values.put(variable, reading.environment().apply(variable));
        }
        return values;
    }

    private static void collectEnvironment(Object value, TreeSet<String> names) {
        if (value instanceof String text) {
            if (text.contains("$env.")) {
                Matcher matcher = ENV.matcher(text);
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(item -> collectEnvironment(item, names));
        } else if (value instanceof List<?> list) {
            list.forEach(item -> collectEnvironment(item, names));
        }
    }

    private void remember(String location, SourceDocument document, Prepared prepared) {
        if (document.fingerprint() != null && (!prepared.references().isEmpty() || !prepared.environment().isEmpty())) {
            inputs.remember(location, document.fingerprint(), prepared.references(), prepared.environment());
        }
    }

    @Override
    public boolean validateSource(String location) {
        try {
            return source.accepts(location);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The location, the source's fingerprint and the generation of what the last compile read
     * besides the document, with the format this plugin names; {@code null} (do not cache) when
     * the source gives no fingerprint.
     */
    @Override
    public String getCacheKey(String location) {
        String key = cacheKey(location);
        if (key != null) {
            asked.set(new AskedKey(location, key, System.nanoTime()));
        }
        return key;
    }

    private String cacheKey(String location) {
        String fingerprint = source.fingerprint(location);
        if (fingerprint == null) {
            return null;
        }
        Function<String, String> environment = reading.environment();
        return cacheKey(location, fingerprint, inputs.generation(location, fingerprint, source::fingerprint, environment));
    }

    private String cacheKey(String location, String fingerprint, long generation) {
        return (format == null ? "" : format + "+") + location + "\u0000" + fingerprint + "\u0000" + generation;
    }

    @Override
    public String toString() {
        return (format == null ? "" : format + " documents from ") + source;
    }
}
