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

    /** A source as the registry tracks it. */
    public record Source(long id, WorkflowSource source, Set<String> schemes, int ranking, String name,
                         String origin, boolean staleIfError) {
        public Source {
            schemes = Set.copyOf(schemes);
        }
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
    private final Map<Long, Source> sources = new LinkedHashMap<>();
    private volatile FormatTable formats = FormatTable.empty();

    public Compositions(WorkflowKernel kernel) {
        this.kernel = Objects.requireNonNull(kernel, "kernel");
    }

    public void addSource(Source source) {
        sources.put(source.id(), source);
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
            for (String scheme : source.schemes()) {
                plugins.add(new Composed(source, scheme, new SourceCompilerPlugin(source.source(), null,
                        this::formats, kernel)));
                for (String format : formatNames) {
                    plugins.add(new Composed(source, format + "+" + scheme,
                            new SourceCompilerPlugin(source.source(), format, this::formats, kernel)));
                }
            }
        }
        return plugins;
    }
}
