package dev.victor.workflow.registry.internal.command;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.victor.workflow.engine.render.Json;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A command's JSON argument (a state, a response, a patch) read by {@link Json#read(String)}, with a
 * failure that says where the text went wrong: line, column and character offset.
 */
final class JsonArguments {

    /** What the shell user is reminded of when a JSON argument is not valid. */
    static final String SHELL_QUOTING = "in the shell, put JSON in single quotes, such as '{\"name\": \"Ada\"}'"
            + " ({...} without quotes is a Gogo closure)";

    private JsonArguments() {
    }

    /**
     * @param what the argument, as a message names it ("the state")
     * @throws IllegalArgumentException naming the argument and the place of the mistake
     */
    static Object parse(String text, String what) {
        try {
            return Json.read(text);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonProcessingException parse) {
                JsonLocation at = parse.getLocation();
                String reason = parse.getOriginalMessage() == null ? String.valueOf(parse)
                        : parse.getOriginalMessage().lines().findFirst().orElse("");
                throw new IllegalArgumentException(what + " is not valid JSON" + (at == null ? "" : " at line "
                        + at.getLineNr() + ", column " + at.getColumnNr() + " (offset " + at.getCharOffset() + ")")
                        + ": " + reason, e);
            }
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** A JSON object argument, or an empty map for no text. */
    static Map<String, Object> object(String text, String what, String example) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        Object value = parse(text, what);
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(what + " must be a JSON object, such as " + example);
        }
        Map<String, Object> object = new LinkedHashMap<>();
        map.forEach((key, item) -> object.put(String.valueOf(key), item));
        return object;
    }

    /** Whether the text begins as a JSON object, array or string does. */
    static boolean looksLikeJson(String text) {
        String start = text == null ? "" : text.strip();
        return start.startsWith("{") || start.startsWith("[") || start.startsWith("\"");
    }

    /** Whether the text is one JSON value (no text counts as valid: nothing was given). */
    static boolean valid(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        try {
            Json.read(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
