package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.format.Format;
import dev.victor.workflow.format.FormatDetection;
import dev.victor.workflow.format.ParsedDocument;
import dev.victor.workflow.format.WorkflowFormat;
import dev.victor.workflow.kernel.osgi.ConfigurationKeys;
import dev.victor.workflow.source.SourceDocument;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

import java.util.Map;
import java.util.Set;

/**
 * The YAML format as an OSGi service, with the limits of its configuration
 * ({@code dev.victor.workflow.yaml}).
 */
@Component(service = WorkflowFormat.class, configurationPid = "dev.victor.workflow.yaml")
@Format("yaml")
@FormatDetection(media_types = {"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"},
        extensions = {"yaml", "yml"})
@Designate(ocd = YamlFormatConfig.class)
public final class YamlFormatComponent implements WorkflowFormat {
    /** The configuration's keys and the component's own properties. */
    static final Set<String> KNOWN_KEYS = ConfigurationKeys.of(YamlFormatConfig.class, WorkflowFormat.FORMAT_PROPERTY,
            WorkflowFormat.MEDIA_TYPES_PROPERTY, WorkflowFormat.EXTENSIONS_PROPERTY);

    private final YamlFormat format;

    @Activate
    public YamlFormatComponent(YamlFormatConfig config, Map<String, Object> properties,
                               @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL)
                               Logger logger) {
        ConfigurationKeys.warn(properties, KNOWN_KEYS, "dev.victor.workflow.yaml", logger);
        this.format = new YamlFormat(new YamlLimits(config.max_document_bytes(), config.max_nesting_depth(),
                config.max_aliases(), config.max_alias_expansion(), config.max_values()));
    }

    @Override
    public ParsedDocument parse(SourceDocument document) {
        return format.parse(document);
    }
}
