package dev.victor.workflow.json.internal;

import dev.victor.workflow.format.ParsedDocument;
import dev.victor.workflow.format.WorkflowFormat;
import dev.victor.workflow.source.SourceDocument;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The JSON format as an OSGi service, with the limits of the JSON plugin's configuration
 * ({@code dev.victor.workflow.json}).
 */
@Component(service = WorkflowFormat.class, configurationPid = "dev.victor.workflow.json",
        property = {"format=json", "format.media.types=application/json", "format.extensions=json"})
public final class JsonFormatComponent implements WorkflowFormat {
    private final JsonFormat format;

    @Activate
    public JsonFormatComponent(JsonPluginConfig config) {
        this.format = new JsonFormat(JsonCompilerComponent.options(config).limits());
    }

    @Override
    public ParsedDocument parse(SourceDocument document) {
        return format.parse(document);
    }
}
