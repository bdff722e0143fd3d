package dev.victor.workflow.registry.compose;

import dev.victor.workflow.format.WorkflowFormat;
import dev.victor.workflow.kernel.WorkflowKernel;
import dev.victor.workflow.source.WorkflowSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The installed sources and formats, and the compiler plugins they make: for every scheme
 * {@code S} of a source, a plugin for {@code S} (format chosen per document) and one for each
 * compound {@code F+S} of an installed format {@code F}. Not thread-safe: the registry calls it
 * under its lock; the format table it hands to plugins is read without one.
 */
public final class Compositions {

    /**
     * A source as the registry tracks it.
     *
     * @param reading how its documents are read once parsed
     */
    public record Source(long id, WorkflowSource source, Set<String> schemes, int ranking, String name,
                         String origin, boolean staleIfError, ReadingOptions reading) {
        public Source {
            schemes = Set.copyOf(schemes);
            Objects.requireNonNull(reading, "reading");
        }

        /** A source whose documents are read with the default {@link ReadingOptions}. */
        public Source(long id, WorkflowSource source, Set<String> schemes, int ranking, String name, String origin,
                      boolean staleIfError) {
            this(id, source, schemes, ranking, name, origin, staleIfError, ReadingOptions.defaults());
        }
    }

    /**
     * The local files: the source of the {@code file} scheme (composed like any source), which also
     * serves, for each installed format, the schemes named after it (its name and its extensions:
     * {@code yaml}, {@code yml}, {@code json}), where the rest of the URI is a path or text.
     *
     * Nothing of it is served while no format is installed.
     *
     * @param source   the {@code file} source as tracked
     * @param perFormat the path-or-text source of a format, from its name and the schemes it serves
     */
    public record LocalFiles(Source source, java.util.function.BiFunction<String, Set<String>, WorkflowSource> perFormat) {
    }

    /**
     * One plugin to publish.
     *
     * @param source the source it reads from
     * @param scheme the one scheme it serves
     */
    public record Composed(Source source, String scheme, SourceCompilerPlugin plugin) {
    }

    private final WorkflowKernel kernel;
    private final ParsedDocuments parsed;
    private final Map<Long, Source> sources = new LinkedHashMap<>();
    private LocalFiles files;
    private volatile FormatTable formats = FormatTable.empty();

    public Compositions(WorkflowKernel kernel) {
        this(kernel, new ParsedDocuments());
    }

    /** @param parsed where every plugin made here keeps the documents it parsed last */
    public Compositions(WorkflowKernel kernel, ParsedDocuments parsed) {
        this.kernel = Objects.requireNonNull(kernel, "kernel");
        this.parsed = Objects.requireNonNull(parsed, "parsed");
    }

    public void addSource(Source source) {
        sources.put(source.id(), source);
    }

    /** Sets (or with {@code null}, removes) the local files. */
    public void files(LocalFiles newFiles) {
        if (files != null) {
            sources.remove(files.source().id());
        }
        files = newFiles;
        if (newFiles != null) {
            sources.put(newFiles.source().id(), newFiles.source());
        }
    }

    /** @return whether it was there */
    public boolean removeSource(long id) {
        return sources.remove(id) != null;
    }

    public void addFormat(long id, String name, WorkflowFormat format, List<String> mediaTypes,
                          List<String> extensions, int ranking) {
        formats = formats.with(new FormatTable.Entry(id, name, format, mediaTypes, extensions, ranking));
    }

    public void removeFormat(long id) {
        formats = formats.without(id);
    }

    public FormatTable formats() {
        return formats;
    }

    /** The plugins the installed sources and formats make now: new instances on every call. */
    public List<Composed> plugins() {
        List<Composed> plugins = new ArrayList<>();
        List<String> formatNames = formats.names();
        for (Source source : sources.values()) {
            if (files != null && source == files.source() && formatNames.isEmpty()) {
                continue;   // local files need a format: none installed, none served
            }
            for (String scheme : source.schemes()) {
                plugins.add(new Composed(source, scheme, new SourceCompilerPlugin(source.source(), null,
                        this::formats, kernel, source.reading(), parsed)));
                for (String format : formatNames) {
                    plugins.add(new Composed(source, format + "+" + scheme,
                            new SourceCompilerPlugin(source.source(), format, this::formats, kernel, source.reading(),
                                    parsed)));
                }
            }
        }
        if (files != null) {
            Set<String> served = new java.util.HashSet<>();
            for (FormatTable.Entry format : formats.entries()) {
                Set<String> schemes = new java.util.LinkedHashSet<>();
                schemes.add(format.name());
                schemes.addAll(format.extensions());
                schemes.removeIf(scheme -> !dev.victor.workflow.api.WorkflowCompilers.isValidScheme(scheme)
                        || !served.add(scheme));
                if (schemes.isEmpty()) {
                    continue;
                }
                WorkflowSource pathOrText = files.perFormat().apply(format.name(), schemes);
                for (String scheme : schemes) {
                    plugins.add(new Composed(files.source(), scheme, new SourceCompilerPlugin(pathOrText,
                            format.name(), this::formats, kernel, files.source().reading(), parsed)));
                }
            }
        }
        return plugins;
    }
}
