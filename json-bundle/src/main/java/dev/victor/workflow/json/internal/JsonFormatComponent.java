package dev.victor.workflow.json.internal;

import dev.victor.workflow.format.ParsedDocument;
import dev.victor.workflow.format.WorkflowFormat;
import dev.victor.workflow.source.SourceDocument;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The JSON format as an OSGi service, with the limits of its configuration
 * ({@code dev.victor.workflow.json}).
 */
@Component(service = WorkflowFormat.class, configurationPid = "dev.victor.workflow.json",
        property = {"format=json", "format.media.types=application/json", "format.extensions=json"})
@Designate(ocd = JsonFormatConfig.class)
public final class JsonFormatComponent implements WorkflowFormat {
    private final JsonFormat format;

    @Activate
    public JsonFormatComponent(JsonFormatConfig config) {
        this.format = new JsonFormat(new JsonLimits(config.max_document_bytes(), config.max_nesting_depth(),
                config.max_string_length(), config.max_name_length(), config.max_number_length(),
                config.max_values()));
    }

    @Override
    public ParsedDocument parse(SourceDocument document) {
        return format.parse(document);
    }
}
