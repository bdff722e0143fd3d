package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.kernel.ForwardingCompilerPlugin;

import dev.victor.workflow.kernel.source.EnvPolicy;

import dev.victor.workflow.api.WorkflowCompilerPlugin;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The YAML plugin as an OSGi service, published for the schemes {@code yaml}, {@code yml} and
 * {@code file}. A new configuration replaces the component (and so the service), which makes the
 * registry drop what it cached from the old one.
 */
@Component(service = WorkflowCompilerPlugin.class, configurationPid = "dev.victor.workflow.yaml",
        property = {"scheme=yaml", "scheme=yml", "scheme=file", "plugin.name=yaml"})
@Designate(ocd = YamlPluginConfig.class)
public final class YamlCompilerComponent extends ForwardingCompilerPlugin {
    @Activate
    public YamlCompilerComponent(YamlPluginConfig config) {
        super(new YamlWorkflowCompiler(options(config)));
    }

    static YamlPluginOptions options(YamlPluginConfig config) {
        YamlLimits limits = new YamlLimits(config.max_document_bytes(), config.max_nesting_depth(),
                config.max_aliases(), config.max_alias_expansion(), config.max_references(), config.max_values());
        return new YamlPluginOptions(YamlPluginOptions.path(config.base_directory()), config.strict(),
                EnvPolicy.parse(config.allow_env()), null, limits,
                YamlPluginOptions.types(config.custom_node_types()));
    }
}
