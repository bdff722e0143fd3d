package dev.victor.workflow.tools.internal;

import dev.victor.workflow.spi.NodeCall;
import dev.victor.workflow.spi.Tool;

import java.util.Map;

/**
 * One standard tool: its name, its description and the JSON Schema of its arguments (published
 * as the service properties {@code name}, {@code tool.description} and {@code tool.parameters}).
 * Its arguments are the call's inputs.
 */
interface StandardTool extends Tool {
    String name();

    String description();

    /** The JSON Schema of the arguments, as JSON text. */
    String parameters();

    Object run(Args args) throws Exception;

    @Override
    default Object call(NodeCall call) throws Exception {
        return run(new Args(name(), call.inputs()));
    }

    /** The arguments of one call, read with checks that name the tool and the argument. */
    record Args(String tool, Map<String, Object> values) {
        String text(String key) throws ToolException {
            Object value = values.get(key);
            if (!(value instanceof String text)) {
                throw new ToolException(tool + ": '" + key + "' is required (a string)");
            }
            return text;
        }

        String text(String key, String fallback) throws ToolException {
            Object value = values.get(key);
            if (value == null) {
                return fallback;
            }
            if (!(value instanceof String text)) {
                throw new ToolException(tool + ": '" + key + "' must be a string");
            }
            return text;
        }

        long number(String key, long fallback, long min, long max) throws ToolException {
            Object value = values.get(key);
            if (value == null) {
                return fallback;
            }
            if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
                    || number.longValue() < min || number.longValue() > max) {
                throw new ToolException(tool + ": '" + key + "' must be a whole number from " + min + " to " + max);
            }
            return number.longValue();
        }

        boolean flag(String key) throws ToolException {
            Object value = values.get(key);
            if (value == null) {
                return false;
            }
            if (!(value instanceof Boolean flag)) {
                throw new ToolException(tool + ": '" + key + "' must be true or false");
            }
            return flag;
        }

        java.util.List<String> texts(String key) throws ToolException {
            Object value = values.get(key);
            if (value == null) {
                return java.util.List.of();
            }
            if (!(value instanceof java.util.List<?> list) || list.stream().anyMatch(v -> !(v instanceof String))) {
                throw new ToolException(tool + ": '" + key + "' must be a list of strings");
            }
            return list.stream().map(String.class::cast).toList();
        }
    }
}
