package dev.victor.workflow.model.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code $env.NAME} in every string value (not in keys) and flags {@code ${name}}, which
 * is not interpolation here. Returns a copy of the tree; its structure (and so every path) is
 * unchanged.
 */
final class Interpolator {
    static final Pattern ENV = Pattern.compile("\\$env\\.([A-Za-z_][A-Za-z0-9_]*)");
    static final Pattern DOLLAR_BRACE = Pattern.compile("\\$\\{([^}]*)}");

    private final Function<String, String> environment;

    Interpolator(Function<String, String> environment) {
        this.environment = environment;
    }

    Object apply(Object value, List<Object> path, String node, Scope scope) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                copy.put(entry.getKey(), apply(entry.getValue(),
                        Paths.append(path, Values.keyText(entry.getKey())), node, scope));
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            boolean nodeList = !path.isEmpty() && "nodes".equals(path.get(path.size() - 1));
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                String itemNode = node;
                if (nodeList && item instanceof Map<?, ?> itemMap && Values.isScalar(itemMap.get("id"))) {
                    itemNode = Values.scalarText(itemMap.get("id"));
                }
                copy.add(apply(item, Paths.append(path, i), itemNode, scope));
            }
            return copy;
        }
        if (value instanceof String text) {
            return interpolate(text, path, node, scope);
        }
        return value;
    }

    private String interpolate(String text, List<Object> path, String node, Scope scope) {
        Matcher braces = DOLLAR_BRACE.matcher(text);
        while (braces.find()) {
            String name = braces.group(1).trim();
            int colon = name.indexOf(":-");
            String key = colon >= 0 ? name.substring(0, colon) : name;
            scope.check(path, node, "'" + braces.group() + "' is not environment interpolation here and is kept"
                    + " as written (Victor replaces it with an empty string); for a state template write '{"
                    + key + "}', for an environment value '$env." + key + "'");
        }
        if (text.indexOf("$env.") < 0) {
            return text;
        }
        Matcher matcher = ENV.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement;
            if (environment == null) {
                scope.warning(path, node, "'$env." + name + "' is kept as written: environment interpolation"
                        + " is off for this source");
                replacement = matcher.group();
            } else {
                String found = environment.apply(name);
                if (found == null) {
                    scope.warning(path, node, "environment variable " + name + " is not set; '$env." + name
                            + "' is kept as written");
                    replacement = matcher.group();
                } else {
                    replacement = found;
                }
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
