package dev.victor.workflow.json.internal;

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
 * The JSON format as an OSGi service, with the limits of its configuration
 * ({@code dev.victor.workflow.json}).
 */
@Component(service = WorkflowFormat.class, configurationPid = "dev.victor.workflow.json")
@Format("json")
@FormatDetection(media_types = "application/json", extensions = "json")
@Designate(ocd = JsonFormatConfig.class)
public final class JsonFormatComponent implements WorkflowFormat {
    /** The configuration's keys and the component's own properties. */
    static final Set<String> KNOWN_KEYS = ConfigurationKeys.of(JsonFormatConfig.class, WorkflowFormat.FORMAT_PROPERTY,
            WorkflowFormat.MEDIA_TYPES_PROPERTY, WorkflowFormat.EXTENSIONS_PROPERTY);

    private final JsonFormat format;

    @Activate
    public JsonFormatComponent(JsonFormatConfig config, Map<String, Object> properties,
                               @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL)
                               Logger logger) {
        ConfigurationKeys.warn(properties, KNOWN_KEYS, "dev.victor.workflow.json", logger);
        this.format = new JsonFormat(new JsonLimits(config.max_document_bytes(), config.max_nesting_depth(),
                config.max_string_length(), config.max_name_length(), config.max_number_length(),
                config.max_values()));
    }

    @Override
    public ParsedDocument parse(SourceDocument document) {
        return format.parse(document);
    }
}
