package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.format.ParsedDocument;
import dev.victor.workflow.format.WorkflowFormat;
import dev.victor.workflow.kernel.source.Utf8;
import dev.victor.workflow.source.SourceDocument;

import java.util.List;
import java.util.Objects;

/**
 * The YAML format: strict UTF-8, SnakeYAML's safe loader within {@link YamlLimits}, the position
 * of every value (see {@link YamlTreeReader}). No files, no URIs: a source hands it the bytes.
 */
public final class YamlFormat implements WorkflowFormat {
    /** The format's name, as a compound scheme names it ({@code yaml+https}). */
    public static final String NAME = "yaml";
    public static final List<String> MEDIA_TYPES = List.of("application/yaml", "application/x-yaml", "text/yaml",
            "text/x-yaml");
    public static final List<String> EXTENSIONS = List.of("yaml", "yml");

    private final YamlTreeReader reader;

    public YamlFormat() {
        this(YamlLimits.defaults());
    }

    public YamlFormat(YamlLimits limits) {
        this.reader = new YamlTreeReader(Objects.requireNonNull(limits, "limits"));
    }

    @Override
    public ParsedDocument parse(SourceDocument document) {
        String text = Utf8.decode(document.content(), document.name());
        YamlTreeReader.Parsed parsed = reader.read(text, document.name());
        return new ParsedDocument(parsed.root(), parsed.positions());
    }

    @Override
    public String toString() {
        return "YAML format";
    }
}
