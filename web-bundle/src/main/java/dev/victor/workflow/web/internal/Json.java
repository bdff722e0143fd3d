package dev.victor.workflow.web.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON in and out (jackson-databind): request bodies must be one JSON object, with no duplicate
 * keys, nested at most {@value #MAX_DEPTH} deep; integers read as {@code Long} (as the commands
 * read them). Thread-safe.
 */
final class Json {

    static final int MAX_DEPTH = 64;

    private final ObjectMapper mapper;

    Json(int maxBodyBytes) {
        com.fasterxml.jackson.core.JsonFactory factory = com.fasterxml.jackson.core.JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(maxBodyBytes)
                        .maxNumberLength(1000)
                        .build())
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.USE_LONG_FOR_INTS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    /** The body as a JSON object; an empty body is an empty object. */
    Map<String, Object> readObject(byte[] body) {
        if (body.length == 0) {
            return new LinkedHashMap<>();
        }
        Object value;
        try {
            value = mapper.readValue(body, Object.class);
        } catch (IOException e) {
            String message = e instanceof JsonProcessingException processing ? processing.getOriginalMessage() : e.getMessage();
            String where = e instanceof JsonProcessingException processing && processing.getLocation() != null
                    ? " (line " + processing.getLocation().getLineNr() + ", column " + processing.getLocation().getColumnNr() + ")"
                    : "";
            throw ApiException.badRequest("The request body is not valid JSON" + where + ": " + message);
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw ApiException.badRequest("The request body must be a JSON object, such as {\"uri\": \"examples/linear.yaml\"}");
        }
        Map<String, Object> object = new LinkedHashMap<>();
        map.forEach((key, item) -> object.put(String.valueOf(key), item));
        return object;
    }

    /** A value (maps, lists, strings, numbers, booleans, null) as JSON text. */
    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
