package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.kernel.ForwardingCompilerPlugin;

import dev.victor.workflow.api.WorkflowCompilerPlugin;

import java.util.Map;

/**
 * The YAML plugin for plain Java ({@code ServiceLoader}, {@code WorkflowCompilerRegistry.register}):
 * a no-argument constructor (default options) and a {@code Map} one (see
 * {@link YamlPluginOptions#fromMap}). Schemes: {@code yaml}, {@code yml}, {@code file}.
 */
public final class YamlCompilerPlugin extends ForwardingCompilerPlugin {
    /** The URI schemes this plugin reads. */
    public static final String[] SCHEMES = {"yaml", "yml", "file"};

    public YamlCompilerPlugin() {
        this(Map.of());
    }

    /** @throws IllegalArgumentException for an unknown option or a value of the wrong kind */
    public YamlCompilerPlugin(Map<String, ?> options) {
        super(new YamlWorkflowCompiler(YamlPluginOptions.fromMap(options)));
    }
}
