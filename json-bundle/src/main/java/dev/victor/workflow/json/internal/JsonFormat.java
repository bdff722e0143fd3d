package dev.victor.workflow.json.internal;

import dev.victor.workflow.format.ParsedDocument;
import dev.victor.workflow.format.WorkflowFormat;
import dev.victor.workflow.kernel.source.Utf8;
import dev.victor.workflow.source.SourceDocument;

import java.util.List;
import java.util.Objects;

/**
 * The JSON format: strict UTF-8, Jackson's streaming parser within {@link JsonLimits}, duplicate
 * names refused, the position of every value (see {@link JsonTreeReader}). No files, no URIs.
 */
public final class JsonFormat implements WorkflowFormat {
    /** The format's name, as a compound scheme names it ({@code json+https}). */
    public static final String NAME = "json";
    public static final List<String> MEDIA_TYPES = List.of("application/json");
    public static final List<String> EXTENSIONS = List.of("json");
    /** The JSON Schema (draft 2020-12) of the workflow format, a resource of this bundle. */
    public static final String SCHEMA_RESOURCE = "schema/victor-workflow.schema.json";

    private final JsonTreeReader reader;

    public JsonFormat() {
        this(JsonLimits.defaults());
    }

    public JsonFormat(JsonLimits limits) {
        this.reader = new JsonTreeReader(Objects.requireNonNull(limits, "limits"));
    }

    @Override
    public ParsedDocument parse(SourceDocument document) {
        String text = Utf8.decode(document.content(), document.name());
        JsonTreeReader.Parsed parsed = reader.read(text, document.name());
        return new ParsedDocument(parsed.root(), parsed.positions());
    }

    @Override
    public String toString() {
        return "JSON format";
    }
}
