package dev.victor.workflow.registry.compose;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.format.ParsedDocument;
import dev.victor.workflow.kernel.WorkflowKernel;
import dev.victor.workflow.source.SourceDocument;
import dev.victor.workflow.source.WorkflowSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A source, a format and the kernel composed into a compiler plugin: the registry builds one for
 * each scheme a {@link WorkflowSource} serves ({@code s3}) and for each compound of a format and
 * that scheme ({@code json+s3}), so that caching, ranking, enabling and the commands treat it like
 * any plugin. One read of the source per compile: {@link #getCacheKey} asks only the source's
 * {@link WorkflowSource#fingerprint}, {@link #compile} reads the document once.
 *
 * <p>A document is parsed by the format its scheme names, else the one its media type or
 * extension picks (see {@link FormatTable#choose}). The reader never gives a composed document the
 * environment ({@code $env}), and a {@code $ref} item it still holds is reported as an error.
 */
public final class SourceCompilerPlugin implements WorkflowCompilerPlugin {
    private final WorkflowSource source;
    private final String format;
    private final Supplier<FormatTable> formats;
    private final WorkflowKernel kernel;

    /**
     * @param source  where documents come from
     * @param format  the format every document is read with, or {@code null} to choose per document
     * @param formats the installed formats, asked at each compile
     * @param kernel  reads, validates and compiles the parsed tree
     */
    public SourceCompilerPlugin(WorkflowSource source, String format, Supplier<FormatTable> formats,
                                WorkflowKernel kernel) {
        this.source = Objects.requireNonNull(source, "source");
        this.format = format;
        this.formats = Objects.requireNonNull(formats, "formats");
        this.kernel = Objects.requireNonNull(kernel, "kernel");
    }

    public WorkflowSource source() {
        return source;
    }

    @Override
    public CompiledGraph compile(String location, String workflowName, boolean validate) {
        return compile(source.read(location), workflowName, validate);
    }

    @Override
    public CompiledGraph compileText(String text, String sourceName, String workflowName, boolean validate) {
        return compile(SourceDocument.fetched(sourceName, text.getBytes(StandardCharsets.UTF_8), null, null),
                workflowName, validate);
    }

    private CompiledGraph compile(SourceDocument document, String workflowName, boolean validate) {
        ParsedDocument parsed = parse(document);
        return kernel.compile(parsed.tree(), parsed.positions(), document.name(), workflowName, validate);
    }

    @Override
    public List<String> workflowNames(String location) {
        return names(source.read(location));
    }

    @Override
    public List<String> workflowNamesInText(String text, String sourceName) {
        return names(SourceDocument.fetched(sourceName, text.getBytes(StandardCharsets.UTF_8), null, null));
    }

    private List<String> names(SourceDocument document) {
        ParsedDocument parsed = parse(document);
        return kernel.read(parsed.tree(), parsed.positions(), document.name(), false).names();
    }

    private ParsedDocument parse(SourceDocument document) {
        return formats.get().choose(format, document).format().parse(document);
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
     * The source's fingerprint with the format this plugin names; {@code null} (do not cache) when
     * the source gives none.
     */
    @Override
    public String getCacheKey(String location) {
        String fingerprint = source.fingerprint(location);
        return fingerprint == null ? null : (format == null ? "" : format + "+") + location + "\u0000" + fingerprint;
    }

    @Override
    public String toString() {
        return (format == null ? "" : format + " documents from ") + source;
    }
}
