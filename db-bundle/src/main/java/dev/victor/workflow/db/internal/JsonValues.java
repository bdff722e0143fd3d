package dev.victor.workflow.db.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.victor.workflow.engine.render.Json;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * State values to JSON text and back, without loss: maps with string keys (in their order), lists,
 * strings, booleans, {@code null}, integers ({@link Integer}, {@link Long}, {@link Short},
 * {@link Byte}, {@link BigInteger}) and floats ({@link Double}, {@link Float}, including NaN and
 * the infinities, written as JSON's common extension {@code NaN} / {@code Infinity}).
 *
 * <p>Read back, an integer is a {@link Long} (a {@link BigInteger} beyond its range), a float a
 * {@link Double}, a map a {@link LinkedHashMap} and a list an {@link java.util.ArrayList}: the types the
 * expression language computes with.
 *
 * <p>Anything else (a set, an array, a {@link java.math.BigDecimal}, a date, a handler's own
 * object, a map with a non-string key) is refused with a {@link NotJsonException} naming where it
 * is and its type, before anything is written: it would come back as something else, or not at
 * all.
 */
public final class JsonValues {

    /** Deeper than this is refused (and a map that contains itself ends here, not in a stack overflow). */
    public static final int MAX_DEPTH = Json.MAX_STORED_NESTING_DEPTH - 1;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_DEPTH + 1).build())
            .build();

    private JsonValues() {
    }

    /** A value that JSON cannot hold without changing it. */
    public static final class NotJsonException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String path;
        private final String type;

        NotJsonException(String path, String type, String why) {
            super(path + " " + why);
            this.path = path;
            this.type = type;
        }

        /** Where: {@code key.inner[2]}. */
        public String path() {
            return path;
        }

        /** The Java type found there. */
        public String type() {
            return type;
        }
    }

    /**
     * The value as JSON text.
     *
     * @param root how the value is named in a message ({@code state}, {@code pending})
     * @throws NotJsonException when some part of it is not a JSON value
     */
    public static String write(Object value, String root) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(text)) {
            writeValue(generator, value, root, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void writeValue(JsonGenerator out, Object value, String path, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new NotJsonException(path, value == null ? "null" : value.getClass().getName(),
                    "is nested more than " + MAX_DEPTH + " levels deep (or contains itself)");
        }
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Boolean bool) {
            out.writeBoolean(bool);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            out.writeNumber(big);
        } else if (value instanceof Double || value instanceof Float) {
            out.writeNumber(((Number) value).doubleValue());
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object key = entry.getKey();
                if (!(key instanceof String name)) {
                    throw new NotJsonException(path, key == null ? "null" : key.getClass().getName(),
                            "has the key " + key + " of type " + (key == null ? "null" : key.getClass().getName())
                                    + "; JSON object keys are strings");
                }
                out.writeFieldName(name);
                writeValue(out, entry.getValue(), child(path, name), depth + 1);
            }
            out.writeEndObject();
        } else if (value instanceof Collection<?> items && !(value instanceof Set<?>)) {
            out.writeStartArray();
            int index = 0;
            for (Object item : items) {
                writeValue(out, item, path + "[" + index++ + "]", depth + 1);
            }
            out.writeEndArray();
        } else {
            String type = value.getClass().getName();
            throw new NotJsonException(path, type, "holds a value of type " + type + ", which cannot be written as JSON"
                    + " (allowed: maps with string keys, lists, strings, integers, floats, booleans, null)");
        }
    }

    private static String child(String path, String key) {
        boolean plain = !key.isEmpty() && key.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-');
        return plain ? path + "." + key : path + "[" + quoted(key) + "]";
    }

    private static String quoted(String key) {
        return "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * The value of JSON text (jackson-databind, through {@link Json#readStored(String)}: a repeated
     * key, text after the value or nesting deeper than {@link Json#MAX_STORED_NESTING_DEPTH} is an
     * error).
     *
     * @throws IllegalArgumentException when the text is not one JSON value
     */
    public static Object read(String json) {
        return Json.readStored(json);
    }

    /** JSON text of an object, as a map. */
    public static Map<String, Object> readObject(String json) {
        Object value = read(json);
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("expected a JSON object, found " + (value == null ? "null"
                    : value.getClass().getSimpleName()));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        return map;
    }
}
