package dev.victor.workflow.agent.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Reads a structured answer: one JSON object (a surrounding Markdown code fence is tolerated), checked
 * against the top of its schema: {@code required} names, the {@code type} and {@code enum} of each
 * declared property. Deeper JSON Schema keywords are not checked.
 */
final class StructuredAnswer {
    private StructuredAnswer() {
    }

    /** @throws IllegalArgumentException naming what is wrong (never quoting the answer) */
    static Map<String, Object> read(String text, Map<String, Object> schema) {
        String body = unfence(text.strip());
        JsonNode node;
        try {
            node = Json.parse(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the model's answer is not JSON (" + Json.where(e) + ")");
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("the model's answer is JSON but not an object");
        }
        if (schema != null) {
            check(node, schema);
        }
        return Json.toMap(node);
    }

    private static String unfence(String text) {
        if (!text.startsWith("```")) {
            return text;
        }
        int firstLine = text.indexOf('\n');
        int close = text.lastIndexOf("```");
        if (firstLine < 0 || close <= firstLine) {
            return text;
        }
        return text.substring(firstLine + 1, close).strip();
    }

    private static void check(JsonNode answer, Map<String, Object> schema) {
        if (schema.get("required") instanceof List<?> required) {
            for (Object name : required) {
                if (!answer.has(String.valueOf(name))) {
                    throw new IllegalArgumentException("the model's answer does not follow output_schema: the required"
                            + " property '" + name + "' is missing");
                }
            }
        }
        if (!(schema.get("properties") instanceof Map<?, ?> properties)) {
            return;
        }
        for (Map.Entry<?, ?> property : properties.entrySet()) {
            JsonNode value = answer.get(String.valueOf(property.getKey()));
            if (value == null || !(property.getValue() instanceof Map<?, ?> rule)) {
                continue;
            }
            Object type = rule.get("type");
            List<?> types = type instanceof List<?> list ? list : type == null ? List.of() : List.of(type);
            if (!types.isEmpty() && types.stream().noneMatch(t -> is(value, String.valueOf(t)))) {
                throw new IllegalArgumentException("the model's answer does not follow output_schema: '"
                        + property.getKey() + "' should be of type " + type + ", not " + value.getNodeType()
                        .name().toLowerCase(java.util.Locale.ROOT));
            }
            if (rule.get("enum") instanceof List<?> allowed
                    && allowed.stream().noneMatch(option -> same(Json.toNode(option), value))) {
                throw new IllegalArgumentException("the model's answer does not follow output_schema: '"
                        + property.getKey() + "' is not one of " + allowed);
            }
        }
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText())) == 0;
        }
        return a.equals(b);
    }

    private static boolean is(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber()
                    || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            case "null" -> value.isNull();
            default -> true;
        };
    }
}
