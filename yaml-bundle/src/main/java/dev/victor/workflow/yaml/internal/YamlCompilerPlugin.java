package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.WorkflowCompilerPlugin;

import java.util.Map;

/**
 * The YAML plugin for plain Java ({@code ServiceLoader}, {@code WorkflowCompilerRegistry.register}):
 * a no-argument constructor (default options) and a {@code Map} one (see
 * {@link YamlPluginOptions#fromMap}). Schemes: {@code yaml}, {@code yml}, {@code file}.
 */
public final class YamlCompilerPlugin implements WorkflowCompilerPlugin {
    /** The URI schemes this plugin reads. */
    public static final String[] SCHEMES = {"yaml", "yml", "file"};

    private final YamlWorkflowCompiler compiler;

    public YamlCompilerPlugin() {
        this(Map.of());
    }

    /** @throws IllegalArgumentException for an unknown option or a value of the wrong kind */
    public YamlCompilerPlugin(Map<String, ?> options) {
        this.compiler = new YamlWorkflowCompiler(YamlPluginOptions.fromMap(options));
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
