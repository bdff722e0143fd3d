package dev.victor.workflow.http.internal;

import dev.victor.workflow.format.ParsedDocument;
import dev.victor.workflow.format.WorkflowFormat;
import dev.victor.workflow.json.internal.JsonFormat;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.source.SourceDocument;
import dev.victor.workflow.yaml.internal.YamlFormat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The project's real YAML or JSON format, recording every document the registry hands it: one
 * entry per parse, with its content (as UTF-8 text), name and trust.
 */
final class RecordingFormat implements WorkflowFormat {
    private final String name;
    private final WorkflowFormat real;
    private final List<String> mediaTypes;
    private final List<String> extensions;
    /** The content of every document parsed, in order. */
    final List<String> parsed = new CopyOnWriteArrayList<>();
    /** Every document parsed, in order. */
    final List<SourceDocument> documents = new CopyOnWriteArrayList<>();

    private RecordingFormat(String name, WorkflowFormat real, List<String> mediaTypes, List<String> extensions) {
        this.name = name;
        this.real = real;
        this.mediaTypes = mediaTypes;
        this.extensions = extensions;
    }

    static RecordingFormat yaml() {
        return new RecordingFormat(YamlFormat.NAME, new YamlFormat(), YamlFormat.MEDIA_TYPES, YamlFormat.EXTENSIONS);
    }

    static RecordingFormat json() {
        return new RecordingFormat(JsonFormat.NAME, new JsonFormat(), JsonFormat.MEDIA_TYPES, JsonFormat.EXTENSIONS);
    }

    /** Registers this format in code, under its name, media types and extensions. */
    RecordingFormat registerIn(DefaultWorkflowCompilerRegistry registry) {
        registry.register(name, this, mediaTypes, extensions);
        return this;
    }

    @Override
    public ParsedDocument parse(SourceDocument document) {
        parsed.add(new String(document.content(), StandardCharsets.UTF_8));
        documents.add(document);
        return real.parse(document);
    }

    @Override
    public String toString() {
        return "recording " + real;
    }
}
