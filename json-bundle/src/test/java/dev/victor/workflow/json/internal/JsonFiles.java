package dev.victor.workflow.json.internal;

import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.format.ParsedDocument;
import dev.victor.workflow.format.WorkflowFormat;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.registry.file.FileSourceOptions;
import dev.victor.workflow.source.SourceDocument;

import java.util.HashMap;
import java.util.Map;

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

    /** The {@code json} plugin with the file source's options and the JSON format's limits. */
    static WorkflowCompilerPlugin plugin(Map<String, ?> options) {
        return registry(options, new JsonFormat(limits(options))).create("json://", Map.of());
    }

    static DefaultWorkflowCompilerRegistry registry(Map<String, ?> options, WorkflowFormat json) {
        DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.builder()
                .files(FileSourceOptions.fromMap(options)).build();
        registry.register(JsonFormat.NAME, json, JsonFormat.MEDIA_TYPES, JsonFormat.EXTENSIONS);
        return registry;
    }

    static JsonLimits limits(Map<String, ?> options) {
        Map<String, Object> normal = new HashMap<>();
        options.forEach((key, value) -> normal.put(key.replace('.', '_'), value));
        JsonLimits d = JsonLimits.defaults();
        return new JsonLimits(number(normal, "max_document_bytes", d.maxDocumentBytes()),
                (int) number(normal, "max_nesting_depth", d.maxNestingDepth()),
                (int) number(normal, "max_string_length", d.maxStringLength()),
                (int) number(normal, "max_name_length", d.maxNameLength()),
                (int) number(normal, "max_number_length", d.maxNumberLength()),
                (int) number(normal, "max_values", d.maxValues()));
    }

    private static long number(Map<String, Object> options, String key, long fallback) {
        Object value = options.get(key);
        return value == null ? fallback : Long.parseLong(value.toString().strip());
    }

    /** The JSON format, remembering the last document it parsed. */
    static final class RecordingFormat implements WorkflowFormat {
        private final JsonFormat format = new JsonFormat();
        volatile SourceDocument document;
        volatile ParsedDocument parsed;

        @Override
        public ParsedDocument parse(SourceDocument read) {
            ParsedDocument result = format.parse(read);
            document = read;
            parsed = result;
            return result;
        }

        String sourceName() {
            return document.name().isEmpty() ? null : document.name();
        }
    }
}
