package dev.victor.workflow.json.internal;

import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.format.ParsedDocument;
import dev.victor.workflow.format.WorkflowFormat;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.registry.file.FileSourceOptions;
import dev.victor.workflow.source.SourceDocument;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the tests compile JSON through: a real registry with the JSON format and its source of
 * local files, and the plugin it composes for the {@code json} scheme (a path or text).
 */
final class JsonFiles {
    private JsonFiles() {
    }

    static WorkflowCompilerPlugin plugin() {
        return plugin(Map.of());
    }

    /** The {@code json} plugin with the file source's options. */
    static WorkflowCompilerPlugin plugin(Map<String, ?> options) {
        return plugin(JsonLimits.defaults(), options);
    }

    /** The {@code json} plugin with these parse limits and the file source's options. */
    static WorkflowCompilerPlugin plugin(JsonLimits limits, Map<String, ?> options) {
        return registry(options, new JsonFormat(limits)).create("json://", Map.of());
    }

    static DefaultWorkflowCompilerRegistry registry(Map<String, ?> options, WorkflowFormat json) {
        DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.builder()
                .files(FileSourceOptions.fromMap(options)).build();
        registry.register(JsonFormat.NAME, json, JsonFormat.MEDIA_TYPES, JsonFormat.EXTENSIONS);
        return registry;
    }

    /** The JSON format, keeping every document it parsed and its tree, in order. */
    static final class RecordingFormat implements WorkflowFormat {
        private final JsonFormat format = new JsonFormat();
        final List<Map.Entry<SourceDocument, ParsedDocument>> parsed = new CopyOnWriteArrayList<>();

        @Override
        public ParsedDocument parse(SourceDocument document) {
            ParsedDocument tree = format.parse(document);
            parsed.add(Map.entry(document, tree));
            return tree;
        }

        /** The last document's name as problems carry it: {@code null} for text. */
        String lastName() {
            String name = parsed.get(parsed.size() - 1).getKey().name();
            return name.isEmpty() ? null : name;
        }

        ParsedDocument last() {
            return parsed.get(parsed.size() - 1).getValue();
        }
    }
}
