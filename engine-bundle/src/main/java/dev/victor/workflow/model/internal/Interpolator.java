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
 * is not interpolation here. The tree is never changed: a map or list that holds a replaced string
 * is copied (and the maps and lists above it), everything else is returned as it is; the structure
 * (and so every path) is unchanged. Strings without a {@code $} are not looked at twice, and a
 * value's path is written out only when a problem is reported there.
 */
final class Interpolator {
    static final Pattern ENV = Pattern.compile("\\$env\\.([A-Za-z_][A-Za-z0-9_]*)");
    static final Pattern DOLLAR_BRACE = Pattern.compile("\\$\\{([^}]*)}");

    private final Function<String, String> environment;

    Interpolator(Function<String, String> environment) {
        this.environment = environment;
    }

    /**
     * Where a value is: the path of the value the walk started at, then the keys (written as text,
     * as {@link Values#keyText} does) and list indices below it.
     */
    private record Trail(List<Object> base, Trail parent, Object segment, boolean key) {
        List<Object> path() {
            if (parent == null) {
                return base;
            }
            List<Object> below = new ArrayList<>();
            for (Trail at = this; at.parent != null; at = at.parent) {
                below.add(at.key ? Values.keyText(at.segment) : at.segment);
            }
            List<Object> path = new ArrayList<>(base.size() + below.size());
            path.addAll(base);
            for (int i = below.size() - 1; i >= 0; i--) {
                path.add(below.get(i));
            }
            return List.copyOf(path);
        }

        boolean endsWith(String name) {
            if (parent != null) {
                return key && name.equals(Values.keyText(segment));
            }
            return !base.isEmpty() && name.equals(base.get(base.size() - 1));
        }

        Trail key(Object written) {
            return new Trail(base, this, written, true);
        }

        Trail index(int index) {
            return new Trail(base, this, index, false);
        }
    }

    Object apply(Object value, List<Object> path, String node, Scope scope) {
        return visit(value, new Trail(path, null, null, false), node, scope);
    }

    private Object visit(Object value, Trail trail, String node, Scope scope) {
        if (value instanceof String text) {
            return text.indexOf('$') < 0 ? text : interpolate(text, trail, node, scope);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = null;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object before = entry.getValue();
                Object after = visit(before, trail.key(entry.getKey()), node, scope);
                if (after != before) {
                    if (copy == null) {
                        copy = new LinkedHashMap<>(map);
                    }
                    copy.put(entry.getKey(), after);
                }
            }
            return copy == null ? map : copy;
        }
        if (value instanceof List<?> list) {
            boolean nodeList = trail.endsWith("nodes");
            List<Object> copy = null;
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                String itemNode = node;
                if (nodeList && item instanceof Map<?, ?> itemMap && Values.isScalar(itemMap.get("id"))) {
                    itemNode = Values.scalarText(itemMap.get("id"));
                }
                Object after = visit(item, trail.index(i), itemNode, scope);
                if (after != item) {
                    if (copy == null) {
                        copy = new ArrayList<>(list);
                    }
                    copy.set(i, after);
                }
            }
            return copy == null ? list : copy;
        }
        return value;
    }

    private String interpolate(String text, Trail trail, String node, Scope scope) {
        if (text.contains("${")) {
            Matcher braces = DOLLAR_BRACE.matcher(text);
            while (braces.find()) {
                String name = braces.group(1).trim();
                int colon = name.indexOf(":-");
                String key = colon >= 0 ? name.substring(0, colon) : name;
                scope.check(trail.path(), node, "'" + braces.group() + "' is not environment interpolation here and"
                        + " is kept as written (Victor replaces it with an empty string); for a state template write"
                        + " '{" + key + "}', for an environment value '$env." + key + "'");
            }
        }
        if (!text.contains("$env.")) {
            return text;
        }
        Matcher matcher = ENV.matcher(text);
        StringBuilder result = new StringBuilder();
        boolean replaced = false;
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement;
            if (environment == null) {
                scope.warning(trail.path(), node, "'$env." + name + "' is kept as written: environment interpolation"
                        + " is off for this source");
                replacement = matcher.group();
            } else {
                String found = environment.apply(name);
                if (found == null) {
                    scope.warning(trail.path(), node, "environment variable " + name + " is not set; '$env." + name
                            + "' is kept as written");
                    replacement = matcher.group();
                } else {
                    replacement = found;
                    replaced = true;
                }
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return replaced ? result.toString() : text;
    }
}
