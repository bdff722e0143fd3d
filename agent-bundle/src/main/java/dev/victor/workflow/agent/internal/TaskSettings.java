package dev.victor.workflow.agent.internal;

import java.util.Locale;
import java.util.Map;

/**
 * What a node's {@code llm_config} says, checked: {@code provider} (the endpoint's name),
 * {@code model}, {@code temperature}, {@code max_tokens}, {@code output_schema} (a JSON Schema: the
 * answer becomes a map), {@code json_mode} or {@code response_format: json} (the answer must be a
 * JSON object, becomes a map). Other keys ({@code model_hint}, ...) are kept as written and ignored.
 */
record TaskSettings(String endpoint, String model, Double temperature, Integer maxTokens,
                    Map<String, Object> schema, boolean jsonMode) {

    /** @param what names the node in errors */
    @SuppressWarnings("unchecked")
    static TaskSettings of(Map<String, Object> config, String what) {
        String endpoint = text(config, "provider", what);
        String model = text(config, "model", what);
        Double temperature = null;
        Object value = config.get("temperature");
        if (value != null) {
            if (!(value instanceof Number number) || number.doubleValue() < 0 || number.doubleValue() > 2) {
                throw new IllegalArgumentException(what + ": llm_config.temperature must be a number from 0 to 2, not "
                        + value);
            }
            temperature = number.doubleValue();
        }
        Integer maxTokens = null;
        value = config.get("max_tokens");
        if (value != null) {
            if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
                    || number.longValue() < 1 || number.longValue() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(what + ": llm_config.max_tokens must be a positive whole number, not "
                        + value);
            }
            maxTokens = number.intValue();
        }
        Map<String, Object> schema = null;
        value = config.get("output_schema");
        if (value != null) {
            if (!(value instanceof Map<?, ?> map) || !"object".equals(map.get("type"))) {
                throw new IllegalArgumentException(what + ": llm_config.output_schema must be a JSON Schema of an object"
                        + " (a mapping with type: object)");
            }
            schema = (Map<String, Object>) map;
        }
        boolean jsonMode = false;
        value = config.get("json_mode");
        if (value != null) {
            if (!(value instanceof Boolean flag)) {
                throw new IllegalArgumentException(what + ": llm_config.json_mode must be true or false, not " + value);
            }
            jsonMode = flag;
        }
        value = config.get("response_format");
        if (value != null) {
            String format = String.valueOf(value).toLowerCase(Locale.ROOT);
            switch (format) {
                case "json", "json_object" -> jsonMode = true;
                case "text" -> {
                }
                default -> throw new IllegalArgumentException(what + ": llm_config.response_format must be 'json' or"
                        + " 'text', not '" + value + "'");
            }
        }
        return new TaskSettings(endpoint, model, temperature, maxTokens, schema, jsonMode || schema != null);
    }

    private static String text(Map<String, Object> config, String key, String what) {
        Object value = config.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException(what + ": llm_config." + key + " must be a non-empty string");
        }
        return text.strip();
    }

    boolean structured() {
        return jsonMode;
    }
}
