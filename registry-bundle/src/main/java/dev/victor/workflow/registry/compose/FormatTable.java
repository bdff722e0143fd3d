package dev.victor.workflow.registry.compose;

import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.format.WorkflowFormat;
import dev.victor.workflow.source.SourceDocument;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The installed formats, best first (higher ranking, then the earlier one), and how a document
 * finds its format: the format a scheme names, else the document's media type, else its
 * extension, else {@value #DEFAULT_FORMAT}. Immutable.
 */
public final class FormatTable {
    /** The format of a document whose media type and extension name none. */
    public static final String DEFAULT_FORMAT = "yaml";

    /**
     * One installed format.
     *
     * @param name       what a compound scheme calls it ({@code yaml}, {@code json})
     * @param mediaTypes the media types it reads, lower case
     * @param extensions the extensions it reads, lower case, without the dot
     */
    public record Entry(long id, String name, WorkflowFormat format, List<String> mediaTypes, List<String> extensions,
                        int ranking) {
        public Entry {
            name = name.toLowerCase(Locale.ROOT);
            mediaTypes = mediaTypes.stream().map(type -> type.strip().toLowerCase(Locale.ROOT)).toList();
            extensions = extensions.stream().map(type -> type.strip().toLowerCase(Locale.ROOT)).toList();
        }
    }

    /**
     * Media types that say nothing of the format (what servers send for a file they do not know):
     * the extension, then the default format decide.
     */
    public static final Set<String> GENERIC_MEDIA_TYPES = Set.of("text/plain", "application/octet-stream",
            "binary/octet-stream", "application/unknown");

    private static final Comparator<Entry> PRECEDENCE =
            Comparator.comparingInt(Entry::ranking).reversed().thenComparingLong(Entry::id);

    private final List<Entry> entries;

    public FormatTable(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(PRECEDENCE);
        this.entries = List.copyOf(sorted);
    }

    public static FormatTable empty() {
        return new FormatTable(List.of());
    }

    public FormatTable with(Entry entry) {
        List<Entry> all = new ArrayList<>(entries);
        all.removeIf(each -> each.id() == entry.id());
        all.add(entry);
        return new FormatTable(all);
    }

    public FormatTable without(long id) {
        List<Entry> all = new ArrayList<>(entries);
        all.removeIf(each -> each.id() == id);
        return new FormatTable(all);
    }

    /** The installed formats, best first. */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * The format of a document that another one refers to: the one its media type or extension
     * names, else the referencing document's.
     */
    public Entry forReferenced(SourceDocument document, Entry referencing) {
        String mediaType = document.baseMediaType();
        String extension = document.extension();
        for (Entry entry : entries) {
            if (!mediaType.isEmpty() && entry.mediaTypes().contains(mediaType)
                    || !extension.isEmpty() && entry.extensions().contains(extension)) {
                return entry;
            }
        }
        return referencing;
    }

    /** The names of the installed formats, sorted, each once. */
    public List<String> names() {
        return List.copyOf(new TreeSet<>(entries.stream().map(Entry::name).toList()));
    }

    public Optional<Entry> named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return entries.stream().filter(entry -> entry.name().equals(wanted)).findFirst();
    }

    /**
     * The format for a document: {@code named} when given, else by media type, else by
     * extension, else the default.
     *
     * @throws WorkflowException naming the installed formats when none fits
     */
    public Entry choose(String named, SourceDocument document) {
        if (named != null) {
            return named(named).orElseThrow(() -> missing("format '" + named + "'", document));
        }
        String mediaType = document.baseMediaType();
        if (!mediaType.isEmpty()) {
            for (Entry entry : entries) {
                if (entry.mediaTypes().contains(mediaType)) {
                    return entry;
                }
            }
            // a structured syntax suffix (RFC 6839): application/problem+json is JSON
            int plus = mediaType.lastIndexOf('+');
            if (plus >= 0) {
                Optional<Entry> suffix = named(mediaType.substring(plus + 1));
                if (suffix.isPresent()) {
                    return suffix.get();
                }
            }
        }
        String extension = document.extension();
        if (!extension.isEmpty()) {
            for (Entry entry : entries) {
                if (entry.extensions().contains(extension)) {
                    return entry;
                }
            }
        }
        if (!mediaType.isEmpty() && !GENERIC_MEDIA_TYPES.contains(mediaType)) {
            // the store said what the document is, and nothing installed reads that: never guess
            throw missing("format for its media type '" + mediaType + "'", document);
        }
        return named(DEFAULT_FORMAT).orElseThrow(() -> missing("format for its media type '" + mediaType
                + "' or extension '" + extension + "' (nor the default format '" + DEFAULT_FORMAT + "')", document));
    }

    private WorkflowException missing(String what, SourceDocument document) {
        return new WorkflowException("Cannot read '" + document.name() + "': no " + what + " is installed"
                + " (installed formats: " + (entries.isEmpty() ? "none" : String.join(", ", names())) + ")");
    }
}
