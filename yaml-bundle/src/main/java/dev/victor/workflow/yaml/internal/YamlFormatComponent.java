package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.format.ParsedDocument;
import dev.victor.workflow.format.WorkflowFormat;
import dev.victor.workflow.source.SourceDocument;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The YAML format as an OSGi service, with the limits of its configuration
 * ({@code dev.victor.workflow.yaml}).
 */
@Component(service = WorkflowFormat.class, configurationPid = "dev.victor.workflow.yaml",
        property = {"format=yaml",
                "format.media.types=application/yaml", "format.media.types=application/x-yaml",
                "format.media.types=text/yaml", "format.media.types=text/x-yaml",
                "format.extensions=yaml", "format.extensions=yml"})
@Designate(ocd = YamlFormatConfig.class)
public final class YamlFormatComponent implements WorkflowFormat {
    private final YamlFormat format;

    @Activate
    public YamlFormatComponent(YamlFormatConfig config) {
        this.format = new YamlFormat(new YamlLimits(config.max_document_bytes(), config.max_nesting_depth(),
                config.max_aliases(), config.max_alias_expansion(), config.max_values()));
    }

    @Override
    public ParsedDocument parse(SourceDocument document) {
        return format.parse(document);
    }
}
