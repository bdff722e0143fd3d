package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.json.internal.JsonFormat;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.registry.file.FileSourceOptions;
import dev.victor.workflow.source.SourceDocument;
import dev.victor.workflow.format.ParsedDocument;
import dev.victor.workflow.format.WorkflowFormat;

import java.util.HashMap;
import java.util.Map;

/**
 * What the tests compile YAML through: a real registry with the YAML and JSON formats and its
 * source of local files, and the plugin it composes for the {@code yaml} scheme (a path or text).
 */
final class YamlFiles {
    private YamlFiles() {
    }

    /** The {@code yaml} plugin with the default options. */
    static WorkflowCompilerPlugin plugin() {
        return plugin(Map.of());
    }

    /**
     * The {@code yaml} plugin with options: the file source's ({@link FileSourceOptions#fromMap})
     * and the YAML format's limits ({@code max_document_bytes}, {@code max_nesting_depth},
     * {@code max_aliases}, {@code max_alias_expansion}, {@code max_values}).
     */
    static WorkflowCompilerPlugin plugin(Map<String, ?> options) {
        return registry(options, new YamlFormat(limits(options))).create("yaml://", Map.of());
    }

    /** A registry whose YAML format is {@code yaml}, with the file source's options. */
    static DefaultWorkflowCompilerRegistry registry(Map<String, ?> options, WorkflowFormat yaml) {
        DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.builder()
                .files(FileSourceOptions.fromMap(options)).build();
        registry.register(YamlFormat.NAME, yaml, YamlFormat.MEDIA_TYPES, YamlFormat.EXTENSIONS);
        registry.register(JsonFormat.NAME, new JsonFormat(), JsonFormat.MEDIA_TYPES, JsonFormat.EXTENSIONS);
        return registry;
    }

    static YamlLimits limits(Map<String, ?> options) {
        Map<String, Object> normal = new HashMap<>();
        options.forEach((key, value) -> normal.put(key.replace('.', '_'), value));
        YamlLimits defaults = YamlLimits.defaults();
        return new YamlLimits(number(normal, "max_document_bytes", defaults.maxDocumentBytes()),
                (int) number(normal, "max_nesting_depth", defaults.maxNestingDepth()),
                (int) number(normal, "max_aliases", defaults.maxAliases()),
                (int) number(normal, "max_alias_expansion", defaults.maxAliasExpansion()),
                (int) number(normal, "max_values", defaults.maxValues()));
    }

    private static long number(Map<String, Object> options, String key, long fallback) {
        Object value = options.get(key);
        return value == null ? fallback : Long.parseLong(value.toString().strip());
    }

    /** The YAML format, remembering the last document it parsed (expanded in place by {@code $ref}). */
    static final class RecordingFormat implements WorkflowFormat {
        private final YamlFormat format = new YamlFormat();
        volatile SourceDocument document;
        volatile ParsedDocument parsed;

        @Override
        public ParsedDocument parse(SourceDocument read) {
            ParsedDocument result = format.parse(read);
            if (this.document == null || !read.references().equals(dev.victor.workflow.source.ReferenceResolver.NONE)) {
                this.document = read;
                this.parsed = result;
            }
            return result;
        }

        /** The name problems of the last document carry: {@code null} for text. */
        String sourceName() {
            return document.name().isEmpty() ? null : document.name();
        }

        void clear() {
            document = null;
            parsed = null;
        }
    }
}
