package dev.victor.workflow.engine.render;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonpCharacterEscapes;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.victor.workflow.expr.Placeholder;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * JSON of workflow state values and graph views, in and out, through jackson-databind.
 *
 * <p>{@link #write(Object)} writes maps, lists, strings, numbers, booleans and null as compact
 * JSON; a float that is not finite is written as {@code null}, a dry run's placeholder and any
 * other object as its string form. Jackson does the escaping and the number forms (control
 * characters and U+2028/U+2029 as six-character escapes, so that the text is also safe inside
 * JavaScript).
 *
 * <p>{@link #read(String)} reads strict JSON text given by a user (a state, a patch, a response):
 * objects as {@code LinkedHashMap} in document order, arrays as {@code ArrayList}, integers as
 * {@code Long} ({@code BigInteger} beyond its range), other numbers as {@code Double}. A repeated
 * member name, a number too large for a float ({@code 1e999999}), {@code NaN}, nesting deeper
 * than {@value #MAX_NESTING_DEPTH} levels, a number longer than {@value #MAX_NUMBER_LENGTH}
 * characters and text after the value are refused.
 */
public final class Json {

    /** The deepest nesting {@link #read(String)} accepts: the state's own limit. */
    public static final int MAX_NESTING_DEPTH = 200;
    /** The longest number {@link #read(String)} accepts, in characters. */
    public static final int MAX_NUMBER_LENGTH = 1000;

    /** The deepest nesting {@link #readStored(String)} accepts. */
    public static final int MAX_STORED_NESTING_DEPTH = 501;
    /** The longest number {@link #readStored(String)} accepts, in characters. */
    public static final int MAX_STORED_NUMBER_LENGTH = 100_000;

    private static final ObjectMapper MAPPER = mapper(false, MAX_NESTING_DEPTH, MAX_NUMBER_LENGTH);
    private static final Reader STRICT = new Reader(MAPPER);
    private static final ObjectMapper STORED = mapper(true, MAX_STORED_NESTING_DEPTH, MAX_STORED_NUMBER_LENGTH);

    private static ObjectMapper mapper(boolean nonFiniteFloats, int maxNestingDepth, int maxNumberLength) {
        return JsonMapper.builder(new JsonFactoryBuilder()
                        .characterEscapes(JsonpCharacterEscapes.instance())
                        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .configure(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, nonFiniteFloats)
                        .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                        .streamReadConstraints(StreamReadConstraints.builder()
                                .maxNestingDepth(maxNestingDepth)
                                .maxNumberLength(maxNumberLength)
                                .maxStringLength(Integer.MAX_VALUE)
                                .build())
                        .build())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    private Json() {
    }

    /** The value as compact JSON. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /** Appends the value as compact JSON. */
    public static void write(Object value, StringBuilder out) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = MAPPER.createGenerator(text)) {
            writeValue(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.append(text.getBuffer());
    }

    private static void writeValue(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Placeholder placeholder) {
            out.writeString(placeholder.toString());
        } else if (value instanceof Boolean flag) {
            out.writeBoolean(flag);
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isFinite(number)) {
                out.writeNumber(value instanceof Float single ? single : number);
            } else {
                out.writeNull();
            }
        } else if (value instanceof BigDecimal number) {
            out.writeNumber(number.toPlainString());
        } else if (value instanceof BigInteger number) {
            out.writeNumber(number);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number number) {
            out.writeNumber(number.toString());
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(out, entry.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof Collection<?> items) {
            writeArray(out, items);
        } else if (value instanceof Object[] items) {
            writeArray(out, Arrays.asList(items));
        } else {
            out.writeString(value.toString());
        }
    }

    private static void writeArray(JsonGenerator out, Collection<?> items) throws IOException {
        out.writeStartArray();
        for (Object item : items) {
            writeValue(out, item);
        }
        out.writeEndArray();
    }

    /**
     * The value of strict JSON text (see the class comment).
     *
     * @throws IllegalArgumentException naming the line and column when the text is not one JSON
     *                                  value within the limits
     */
    public static Object read(String text) {
        return STRICT.read(text);
    }

    /**
     * The value of strict JSON bytes (UTF-8; a malformed byte is an error), as {@link #read(String)}.
     *
     * @throws IllegalArgumentException naming the line and column when the bytes are not one JSON
     *                                  value within the limits
     */
    public static Object read(byte[] json) {
        return STRICT.read(json);
    }

    /**
     * A reader as {@link #read(String)} that allows less nesting (a server's request bodies).
     *
     * @throws IllegalArgumentException when the depth is not between 1 and {@value #MAX_NESTING_DEPTH}
     */
    public static Reader reader(int maxNestingDepth) {
        if (maxNestingDepth < 1 || maxNestingDepth > MAX_NESTING_DEPTH) {
            throw new IllegalArgumentException("the nesting depth " + maxNestingDepth + " is not between 1 and "
                    + MAX_NESTING_DEPTH + " (Json.MAX_NESTING_DEPTH)");
        }
        return new Reader(mapper(false, maxNestingDepth, MAX_NUMBER_LENGTH));
    }

    /** Reads strict JSON within its nesting limit (see {@link #reader(int)}). Thread-safe. */
    public static final class Reader {
        private final ObjectMapper mapper;

        private Reader(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        /** As {@link Json#read(String)}, within this reader's limit. */
        public Object read(String text) {
            try (JsonParser parser = mapper.createParser(text)) {
                return Json.read(mapper, parser);
            } catch (IOException e) {
                throw failure(e);
            }
        }

        /** As {@link Json#read(byte[])}, within this reader's limit. */
        public Object read(byte[] json) {
            try (JsonParser parser = mapper.createParser(json)) {
                return Json.read(mapper, parser);
            } catch (IOException e) {
                throw failure(e);
            }
        }
    }

    /**
     * The value of JSON text that this runtime stored (a checkpoint): as {@link #read(String)},
     * but {@code NaN}, {@code Infinity} and {@code -Infinity} are floats, nesting may reach
     * {@value #MAX_STORED_NESTING_DEPTH} levels and a number {@value #MAX_STORED_NUMBER_LENGTH} characters.
     *
     * @throws IllegalArgumentException naming the line and column when the text is not one JSON value
     */
    public static Object readStored(String text) {
        try (JsonParser parser = STORED.createParser(text)) {
            return read(STORED, parser);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private static Object read(ObjectMapper mapper, JsonParser parser) throws IOException {
        try (JsonParser numbers = new StateNumbers(parser)) {
            if (numbers.nextToken() == null) {
                throw new IllegalArgumentException("empty JSON");
            }
            return mapper.readValue(numbers, Object.class);
        }
    }

    private static RuntimeException failure(IOException e) {
        if (e instanceof JsonProcessingException processing) {
            String where = processing.getLocation() == null ? "" : " (line " + processing.getLocation().getLineNr()
                    + ", column " + processing.getLocation().getColumnNr() + ")";
            return new IllegalArgumentException("not valid JSON" + where + ": "
                    + processing.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
        return new UncheckedIOException(e);
    }

    /**
     * Gives integers as {@code Long} (or {@code BigInteger}), never {@code Integer}, and refuses a
     * float that the text gives but a double cannot hold, rather than read it as infinity.
     */
    private static final class StateNumbers extends JsonParserDelegate {
        StateNumbers(JsonParser parser) {
            super(parser);
        }

        @Override
        public Number getNumberValue() throws IOException {
            Number number = super.getNumberValue();
            return number instanceof Integer small ? Long.valueOf(small) : number;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = super.nextToken();
            if (token == JsonToken.VALUE_NUMBER_FLOAT && !isNaN() && Double.isInfinite(getDoubleValue())) {
                String number = getText();
                throw new JsonParseException(this, "the number " + (number.length() > 40
                        ? number.substring(0, 37) + "..." : number) + " is too large for a float (at most about 1.8e308)");
            }
            return token;
        }
    }
}
