package dev.victor.workflow.json.internal;

import dev.victor.workflow.kernel.ForwardingCompilerPlugin;

import dev.victor.workflow.kernel.source.EnvPolicy;

import dev.victor.workflow.api.WorkflowCompilerPlugin;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/** The JSON plugin as an OSGi service, published for the schemes {@code json} and {@code json+file}. */
@Component(service = WorkflowCompilerPlugin.class, configurationPid = "dev.victor.workflow.json",
        property = {"scheme=json", "scheme=json+file", "plugin.name=json"})
@Designate(ocd = JsonPluginConfig.class)
public final class JsonCompilerComponent extends ForwardingCompilerPlugin {
    @Activate
    public JsonCompilerComponent(JsonPluginConfig config) {
        super(new JsonWorkflowCompiler(options(config)));
    }

    static JsonPluginOptions options(JsonPluginConfig config) {
        JsonLimits limits = new JsonLimits(config.max_document_bytes(), config.max_nesting_depth(),
                config.max_string_length(), config.max_name_length(), config.max_number_length(),
                config.max_values());
        return new JsonPluginOptions(JsonPluginOptions.path(config.base_directory()), config.strict(),
                EnvPolicy.parse(config.allow_env()), null, limits,
                JsonPluginOptions.types(config.custom_node_types()));
    }
}
