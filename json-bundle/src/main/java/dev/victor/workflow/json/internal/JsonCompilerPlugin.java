package dev.victor.workflow.json.internal;

import dev.victor.workflow.kernel.ForwardingCompilerPlugin;

import dev.victor.workflow.api.WorkflowCompilerPlugin;

import java.util.Map;

/**
 * The JSON plugin for plain Java ({@code ServiceLoader}, {@code WorkflowCompilerRegistry.register}):
 * a no-argument constructor (default options) and a {@code Map} one (see
 * {@link JsonPluginOptions#fromMap}). Schemes: {@code json}, {@code json+file}.
 */
public final class JsonCompilerPlugin extends ForwardingCompilerPlugin {
    /** The URI schemes this plugin reads. */
    public static final String[] SCHEMES = {"json", "json+file"};
    /** The JSON Schema (draft 2020-12) of the workflow format, a resource of this bundle. */
    public static final String SCHEMA_RESOURCE = "schema/victor-workflow.schema.json";

    public JsonCompilerPlugin() {
        this(Map.of());
    }

    /** @throws IllegalArgumentException for an unknown option or a value of the wrong kind */
    public JsonCompilerPlugin(Map<String, ?> options) {
        super(new JsonWorkflowCompiler(JsonPluginOptions.fromMap(options)));
    }
}
