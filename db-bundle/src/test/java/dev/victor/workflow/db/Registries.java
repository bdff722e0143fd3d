package dev.victor.workflow.db;

import dev.victor.workflow.json.internal.JsonFormat;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.yaml.internal.YamlFormat;

/** Registries as the tests build them. */
public final class Registries {
    private Registries() {
    }

    /** A registry with these formats registered in code (none: no format at all). */
    public static DefaultWorkflowCompilerRegistry withFormats(RecordingFormat... formats) {
        DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.create();
        for (RecordingFormat format : formats) {
            format.registerIn(registry);
        }
        return registry;
    }

    /**
     * As a user builds one off OSGi (see the README): the compiler plugins found by
     * ServiceLoader, the YAML and JSON formats registered in code.
     */
    public static DefaultWorkflowCompilerRegistry userRegistry() {
        DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.builder()
                .discover(Registries.class.getClassLoader()).build();
        registry.register(YamlFormat.NAME, new YamlFormat(), YamlFormat.MEDIA_TYPES, YamlFormat.EXTENSIONS);
        registry.register(JsonFormat.NAME, new JsonFormat(), JsonFormat.MEDIA_TYPES, JsonFormat.EXTENSIONS);
        return registry;
    }
}
