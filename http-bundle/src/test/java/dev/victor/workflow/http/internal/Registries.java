package dev.victor.workflow.http.internal;

import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;

import java.util.List;
import java.util.Map;

/** Registries as the tests build them: the formats registered in code, then the http sources. */
final class Registries {
    private Registries() {
    }

    /** A registry with these formats (none: no format at all). */
    static DefaultWorkflowCompilerRegistry withFormats(RecordingFormat... formats) {
        return withFormats(DefaultWorkflowCompilerRegistry.builder(), formats);
    }

    static DefaultWorkflowCompilerRegistry withFormats(DefaultWorkflowCompilerRegistry.Builder builder,
                                                       RecordingFormat... formats) {
        DefaultWorkflowCompilerRegistry registry = builder.build();
        for (RecordingFormat format : formats) {
            format.registerIn(registry);
        }
        return registry;
    }

    /** The http and https sources, registered as {@link HttpSource#register} does; close them after the test. */
    static List<HttpSource> sources(DefaultWorkflowCompilerRegistry registry, Map<String, ?> options) {
        return HttpSource.register(registry::register, options);
    }

    /** One source registered for its scheme. */
    static HttpSource source(DefaultWorkflowCompilerRegistry registry, HttpSource source) {
        registry.register(source, source.scheme());
        return source;
    }
}
