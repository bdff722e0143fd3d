package dev.victor.workflow.web.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON in and out (jackson-databind): request bodies must be one JSON object, read as the commands
 * read their JSON ({@link dev.victor.workflow.engine.render.Json#read(byte[])}: no duplicate keys,
 * integers as {@code Long} or {@code BigInteger}, a number too large for a float refused), nested
 * at most {@value #MAX_DEPTH} deep. Thread-safe.
 */
final class Json {

    static final int MAX_DEPTH = 64;

    private final dev.victor.workflow.engine.render.Json.Reader reader =
            dev.victor.workflow.engine.render.Json.reader(MAX_DEPTH);

    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    /** The body as a JSON object; an empty body is an empty object. */
    Map<String, Object> readObject(byte[] body) {
        if (body.length == 0) {
            return new LinkedHashMap<>();
        }
        Object value;
        try {
            value = reader.read(body);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("The request body is " + e.getMessage());
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
