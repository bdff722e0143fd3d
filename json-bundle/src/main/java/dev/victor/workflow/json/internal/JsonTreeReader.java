package dev.victor.workflow.json.internal;

import dev.victor.workflow.kernel.source.DocumentProblems;
import dev.victor.workflow.kernel.source.PositionTree;

import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.format.SourcePosition;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads JSON text into the generic tree the kernel's reader takes (objects as
 * {@link LinkedHashMap} in document order, lists, strings, booleans, integers, doubles, nulls) with
 * the position of every value and member name, from Jackson's streaming parser and its token
 * locations. No data binding, so no polymorphic typing: nothing but these plain values is ever
 * built. Strict JSON (no comments, no single quotes, no trailing content); duplicate names are an
 * error ({@link StreamReadFeature#STRICT_DUPLICATE_DETECTION}); nesting, string, name, number and
 * document lengths are bounded by {@link StreamReadConstraints} from {@link JsonLimits}.
 */
final class JsonTreeReader {
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '(.*)'",
            Pattern.DOTALL);
    private static final Pattern SOURCE_REFERENCE = Pattern.compile("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]");

    private final JsonLimits limits;
    private final JsonFactory factory;

    JsonTreeReader(JsonLimits limits) {
        this.limits = limits;
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNameLength(limits.maxNameLength())
                .maxNumberLength(limits.maxNumberLength())
                .maxDocumentLength(limits.maxDocumentBytes())
                .build();
        this.factory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
    }

    /** The tree and its positions. */
    record Parsed(Object root, PositionTree positions) {
    }

    /**
     * Parses one JSON document.
     *
     * @param source the file or URI, for messages; {@code null} for text
     * @throws InvalidWorkflowException with one located problem when the text is not acceptable JSON
     */
    Parsed read(String text, String source) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        DocumentProblems.checkSize(text, source, limits.maxDocumentBytes());
        Builder builder = new Builder(source, limits.maxValues());
        try (JsonParser parser = factory.createParser(text)) {
            builder.parser = parser;
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw DocumentProblems.invalid("the document is empty: a workflow file needs an object with \"workflows\" "
                        + "or workflow names at the top", source, 1, 1);
            }
            PositionTree positions = new PositionTree(SourcePosition.UNKNOWN);
            Object root = builder.value(first, positions);
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw DocumentProblems.invalid("unexpected content after the end of the JSON document", source,
                        at.getLineNr(), at.getColumnNr());
            }
            return new Parsed(root, positions);
        } catch (StreamConstraintsException e) {
            throw constraint(e, builder, source);
        } catch (JsonProcessingException e) {
            throw syntax(e, builder, source);
        } catch (IOException e) {
            throw DocumentProblems.invalid("cannot read the JSON text: " + e.getMessage(), source, 0, 0, e);
        }
    }

    private InvalidWorkflowException constraint(StreamConstraintsException e, Builder builder, String source) {
        JsonLocation at = location(e, builder);
        String raw = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String message;
        if (raw.contains("nesting depth")) {
            message = "the document nests deeper than the limit of " + limits.maxNestingDepth()
                    + " levels of objects and arrays";
        } else if (raw.contains("String value length")) {
            message = "a string is longer than the limit of " + limits.maxStringLength() + " characters";
        } else if (raw.contains("Name length")) {
            message = "a member name is longer than the limit of " + limits.maxNameLength() + " characters";
        } else if (raw.contains("Number value length")) {
            message = "a number is longer than the limit of " + limits.maxNumberLength() + " characters";
        } else if (raw.contains("Document length")) {
            message = DocumentProblems.tooLarge(limits.maxDocumentBytes());
        } else {
            message = "the document exceeds a read limit: " + raw;
        }
        return DocumentProblems.invalid(message, source, line(at), column(at), e);
    }

    private static InvalidWorkflowException syntax(JsonProcessingException e, Builder builder, String source) {
        JsonLocation at = location(e, builder);
        String raw = e.getOriginalMessage() == null ? String.valueOf(e.getMessage()) : e.getOriginalMessage();
        // Jackson's messages are clear; its source references become plain line and column.
        int cut = raw.indexOf("\n at [Source");
        String text = cut >= 0 ? raw.substring(0, cut) : raw;
        text = SOURCE_REFERENCE.matcher(text).replaceAll("line $1, column $2");
        return DocumentProblems.invalid("invalid JSON: " + text.strip(), source, line(at), column(at), e);
    }

    private static JsonLocation location(JsonProcessingException e, Builder builder) {
        JsonLocation at = e.getLocation();
        if ((at == null || at.getLineNr() < 1) && builder.parser != null) {
            at = builder.parser.currentLocation();
        }
        return at;
    }

    private static int line(JsonLocation at) {
        return at == null ? 0 : Math.max(at.getLineNr(), 0);
    }

    private static int column(JsonLocation at) {
        return at == null ? 0 : Math.max(at.getColumnNr(), 0);
    }

    /** Builds values from tokens; remembers member names' positions for duplicate messages. */
    private static final class Builder {
        private final String source;
        private final Deque<Map<String, SourcePosition>> names = new ArrayDeque<>();
        private final int maxValues;
        private int values;
        private JsonParser parser;

        Builder(String source, int maxValues) {
            this.source = source;
            this.maxValues = maxValues;
        }

        /** Counts one more value or member name; refuses the one over the limit where it starts. */
        private void count() {
            values++;
            if (values > maxValues) {
                JsonLocation at = parser.currentTokenLocation();
                throw DocumentProblems.invalid("the document holds more than the limit of " + maxValues
                        + " values (member names, scalars, objects and arrays)", source, at.getLineNr(),
                        at.getColumnNr());
            }
        }

        SourcePosition firstPositionOf(String name) {
            Map<String, SourcePosition> current = names.peek();
            return current == null ? null : current.get(name);
        }

        Object value(JsonToken token, PositionTree position) throws IOException {
            count();
            JsonLocation at = parser.currentTokenLocation();
            SourcePosition start = new SourcePosition(at.getLineNr(), at.getColumnNr());
            switch (token) {
                case START_OBJECT:
                    position.setValue(start);
                    return object(position);
                case START_ARRAY:
                    position.setValue(start);
                    return array(position);
                case VALUE_STRING:
                    // The location is the opening quote; the content starts after it.
                    position.setValue(new SourcePosition(start.line(), start.column() + 1));
                    return parser.getText();
                case VALUE_NUMBER_INT:
                    position.setValue(start);
                    return switch (parser.getNumberType()) {
                        case INT -> parser.getIntValue();
                        case LONG -> parser.getLongValue();
                        default -> parser.getBigIntegerValue();
                    };
                case VALUE_NUMBER_FLOAT:
                    position.setValue(start);
                    return parser.getDoubleValue();
                case VALUE_TRUE:
                    position.setValue(start);
                    return Boolean.TRUE;
                case VALUE_FALSE:
                    position.setValue(start);
                    return Boolean.FALSE;
                case VALUE_NULL:
                    position.setValue(start);
                    return null;
                default:
                    throw DocumentProblems.invalid("unexpected JSON token " + token, source, start.line(), start.column());
            }
        }

        private Map<Object, Object> object(PositionTree position) throws IOException {
            Map<Object, Object> result = new LinkedHashMap<>();
            names.push(new HashMap<>());
            try {
                JsonToken token;
                while ((token = next()) == JsonToken.FIELD_NAME) {
                    count();
                    JsonLocation at = parser.currentTokenLocation();
                    SourcePosition key = new SourcePosition(at.getLineNr(), at.getColumnNr() + 1);
                    String name = parser.currentName();
                    names.peek().putIfAbsent(name, key);
                    PositionTree child = new PositionTree(null);
                    child.setKey(key);
                    Object value = value(parser.nextToken(), child);
                    result.put(name, value);
                    position.putEntry(name, child);
                }
                if (token != JsonToken.END_OBJECT) {
                    JsonLocation at = parser.currentTokenLocation();
                    throw DocumentProblems.invalid("unexpected JSON token " + token, source, at.getLineNr(), at.getColumnNr());
                }
                return result;
            } finally {
                names.pop();
            }
        }

        /** The next token; a duplicate member name is reported here, where the first one is known. */
        private JsonToken next() throws IOException {
            try {
                return parser.nextToken();
            } catch (StreamConstraintsException e) {
                throw e;
            } catch (JsonProcessingException e) {
                String raw = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
                Matcher duplicate = DUPLICATE.matcher(raw);
                if (!duplicate.find()) {
                    throw e;
                }
                String name = duplicate.group(1);
                SourcePosition first = firstPositionOf(name);
                JsonLocation at = location(e, this);
                throw DocumentProblems.invalid("duplicate key '" + name + "'" + (first != null && first.isKnown()
                        ? " (first written at line " + first.line() + ", column " + first.column() + ")" : ""),
                        source, line(at), column(at), e);
            }
        }

        private List<Object> array(PositionTree position) throws IOException {
            List<Object> result = new ArrayList<>();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    JsonLocation at = parser.currentLocation();
                    throw DocumentProblems.invalid("unexpected end of the JSON document inside an array", source,
                            at.getLineNr(), at.getColumnNr());
                }
                PositionTree child = position.addItem(new PositionTree(null));
                result.add(value(token, child));
            }
            return result;
        }
    }
}
