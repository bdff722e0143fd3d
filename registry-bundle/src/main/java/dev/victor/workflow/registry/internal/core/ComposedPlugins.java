package dev.victor.workflow.registry.internal.core;

import dev.victor.workflow.registry.compose.ParsedDocuments;

import dev.victor.workflow.api.WorkflowCompilers;
import dev.victor.workflow.format.WorkflowFormat;
import dev.victor.workflow.kernel.WorkflowKernel;
import dev.victor.workflow.registry.compose.Compositions;
import dev.victor.workflow.registry.compose.FormatTable;
import dev.victor.workflow.registry.compose.ReadingOptions;
import dev.victor.workflow.registry.file.FileSource;
import dev.victor.workflow.registry.file.FileSourceOptions;
import dev.victor.workflow.source.WorkflowSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The glue between the registry and {@link Compositions}: reads the properties of source and
 * format services, keeps the built-in source of local files, and turns what the sources and
 * formats make into plugin entries. Not thread-safe: the registry calls it under its lock.
 */
public final class ComposedPlugins {

    /** The name (for configuration) of the built-in source of local files. */
    public static final String FILES_NAME = "files";

    private final System.Logger log;
    private final ServiceProperties properties;
    private final Compositions compositions;
    private final Map<String, Long> codeFormatIds = new ConcurrentHashMap<>();
    private final long filesId;

    public ComposedPlugins(System.Logger log, ServiceProperties properties, WorkflowKernel kernel,
                           ParsedDocuments parsed) {
        this.log = log;
        this.properties = properties;
        this.filesId = properties.nextId();
        this.compositions = new Compositions(kernel, parsed);
    }

    /** Adds a source service; false (logged) when it publishes no valid scheme. */
    public boolean addSource(WorkflowSource source, Map<String, ?> published, String origin) {
        String name = ServiceProperties.nameOf(source, published);
        Set<String> schemes = properties.schemes(published, name, origin);
        if (schemes.isEmpty()) {
            log.log(System.Logger.Level.WARNING, "Workflow source {0} ({1}) publishes no valid ''scheme''"
                    + " property; ignored", source.getClass().getName(), origin);
            return false;
        }
        compositions.addSource(new Compositions.Source(properties.serviceId(published), source, schemes,
                ServiceProperties.ranking(published), name, origin, ServiceProperties.staleIfError(published, name)));
        return true;
    }

    /** Removes a source service; false when it was not there. */
    public boolean removeSource(long serviceId) {
        return compositions.removeSource(serviceId);
    }

    /** The properties of a source registered in code for these schemes (above every service). */
    public static Map<String, Object> sourceInCode(String... schemes) {
        Map<String, Object> published = new HashMap<>();
        published.put(ServiceProperties.SCHEME, List.of(schemes));
        published.put("service.ranking", Integer.MAX_VALUE);
        return published;
    }

    /**
     * Adds a format service; false (logged) unless it publishes one {@code format} name that is a
     * valid scheme without {@code +}.
     */
    public boolean addFormat(WorkflowFormat format, Map<String, ?> published, String origin) {
        List<String> names = ServiceProperties.strings(published.get(WorkflowFormat.FORMAT_PROPERTY));
        if (names.size() != 1 || !WorkflowCompilers.isValidScheme(names.get(0)) || names.get(0).contains("+")) {
            log.log(System.Logger.Level.WARNING, "Workflow format {0} ({1}) must publish one ''format'' property"
                    + " that is a valid scheme without ''+'' (it publishes {2}); ignored",
                    format.getClass().getName(), origin, names);
            return false;
        }
        compositions.addFormat(properties.serviceId(published), names.get(0), format,
                ServiceProperties.strings(published.get(WorkflowFormat.MEDIA_TYPES_PROPERTY)),
                ServiceProperties.strings(published.get(WorkflowFormat.EXTENSIONS_PROPERTY)),
                ServiceProperties.ranking(published));
        return true;
    }

    public void removeFormat(long serviceId) {
        compositions.removeFormat(serviceId);
    }

    /**
     * The properties of a format registered in code: one id per name, so that registering a name
     * again replaces the format registered under it.
     */
    public Map<String, Object> formatInCode(String name, List<String> mediaTypes, List<String> extensions) {
        Map<String, Object> published = new HashMap<>();
        published.put("service.id", codeFormatIds.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                n -> properties.nextId()));
        published.put(WorkflowFormat.FORMAT_PROPERTY, name);
        published.put(WorkflowFormat.MEDIA_TYPES_PROPERTY, mediaTypes);
        published.put(WorkflowFormat.EXTENSIONS_PROPERTY, extensions);
        published.put("service.ranking", Integer.MAX_VALUE);
        return published;
    }

    /** Serves local files with these options, replacing the built-in file source's (ranked 0). */
    public void files(FileSourceOptions options, String origin) {
        FileSource source = new FileSource(options);
        ReadingOptions reading = new ReadingOptions(options.strict(), options.customNodeTypes(), options.env(),
                options.environment(), options.maxReferences());
        compositions.files(new Compositions.LocalFiles(new Compositions.Source(filesId, source, Set.of("file"), 0,
                FILES_NAME, origin, false, reading), source::pathOrText));
    }

    public FormatTable formats() {
        return compositions.formats();
    }

    /** New entries, one per plugin the sources and formats make now. */
    public List<PluginEntry> entries() {
        List<PluginEntry> entries = new ArrayList<>();
        for (Compositions.Composed composed : compositions.plugins()) {
            Compositions.Source source = composed.source();
            entries.add(PluginEntry.ofService(Set.of(composed.scheme()), source.ranking(), properties.nextId(),
                    source.name(), source.origin(), composed.plugin(), source.staleIfError()));
        }
        return entries;
    }
}
