package dev.victor.workflow.json.internal;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.WorkflowCompilerPlugin;

import java.util.Map;

/**
 * The JSON plugin for plain Java ({@code ServiceLoader}, {@code WorkflowCompilerRegistry.register}):
 * a no-argument constructor (default options) and a {@code Map} one (see
 * {@link JsonPluginOptions#fromMap}). Schemes: {@code json}, {@code json+file}.
 */
public final class JsonCompilerPlugin implements WorkflowCompilerPlugin {
    /** The URI schemes this plugin reads. */
    public static final String[] SCHEMES = {"json", "json+file"};
    /** The JSON Schema (draft 2020-12) of the workflow format, a resource of this bundle. */
    public static final String SCHEMA_RESOURCE = "schema/victor-workflow.schema.json";

    private final JsonWorkflowCompiler compiler;

    public JsonCompilerPlugin() {
        this(Map.of());
    }

    /** @throws IllegalArgumentException for an unknown option or a value of the wrong kind */
    public JsonCompilerPlugin(Map<String, ?> options) {
        this.compiler = new JsonWorkflowCompiler(JsonPluginOptions.fromMap(options));
    }

    @Override
    public CompiledGraph compile(String source, String workflowName, boolean validate) {
        return compiler.compile(source, workflowName, validate);
    }

    @Override
    public CompiledGraph compileText(String text, String sourceName, String workflowName, boolean validate) {
        return compiler.compileText(text, sourceName, workflowName, validate);
    }

    @Override
    public java.util.List<String> workflowNamesInText(String text, String sourceName) {
        return compiler.workflowNamesInText(text, sourceName);
    }

    @Override
    public boolean validateSource(String source) {
        return compiler.validateSource(source);
    }

    @Override
    public java.util.List<String> workflowNames(String source) {
        return compiler.workflowNames(source);
    }

    @Override
    public String getCacheKey(String source) {
        return compiler.getCacheKey(source);
    }
}
