package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.format.ParsedDocument;
import dev.victor.workflow.format.WorkflowFormat;
import dev.victor.workflow.source.SourceDocument;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The YAML format as an OSGi service, with the limits of the YAML plugin's configuration
 * ({@code dev.victor.workflow.yaml}).
 */
@Component(service = WorkflowFormat.class, configurationPid = "dev.victor.workflow.yaml",
        property = {"format=yaml",
                "format.media.types=application/yaml", "format.media.types=application/x-yaml",
                "format.media.types=text/yaml", "format.media.types=text/x-yaml",
                "format.extensions=yaml", "format.extensions=yml"})
public final class YamlFormatComponent implements WorkflowFormat {
    private final YamlFormat format;

    @Activate
    public YamlFormatComponent(YamlPluginConfig config) {
        this.format = new YamlFormat(YamlCompilerComponent.options(config).limits());
    }

    @Override
    public ParsedDocument parse(SourceDocument document) {
        return format.parse(document);
    }
}
