package dev.victor.workflow.agent;

import dev.victor.workflow.spi.Tool;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A tool as the model sees it. In OSGi every {@link Tool} service with a {@code name} property is
 * one; its {@value #DESCRIPTION_PROPERTY} property is the description and its
 * {@value #PARAMETERS_PROPERTY} property the JSON Schema of its arguments, as JSON text (a tool
 * without one takes any object). The model's arguments reach {@link Tool#call} as the
 * {@code inputs} of the {@code NodeCall}.
 *
 * @param name        the name the model calls it by
 * @param description what it does, for the model
 * @param parameters  the JSON Schema of its arguments (an object schema)
 * @param tool        the tool itself
 */
public record AgentTool(String name, String description, Map<String, Object> parameters, Tool tool) {

    /** The service property holding the description. */
    public static final String DESCRIPTION_PROPERTY = "tool.description";
    /** The service property holding the JSON Schema of the arguments, as JSON text. */
    public static final String PARAMETERS_PROPERTY = "tool.parameters";

    public AgentTool {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("a tool's name must be 1 to 64 letters, digits, '_' or '-' (what the LLM APIs accept): '"
                    + name + "'");
        }
        Objects.requireNonNull(tool, "tool");
        description = description == null ? "" : description;
        parameters = parameters == null || parameters.isEmpty()
                ? Map.of("type", "object")
                : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
