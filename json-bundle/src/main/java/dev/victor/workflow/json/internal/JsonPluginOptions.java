package dev.victor.workflow.json.internal;

import dev.victor.workflow.kernel.source.EnvPolicy;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The JSON plugin's settings.
 *
 * @param baseDirectory confines file sources to this directory (relative paths are resolved
 *                      against it); {@code null}: no confinement
 * @param strict        unknown keys are errors instead of warnings
 * @param env           when {@code $env.NAME} is read from the environment
 * @param environment   where {@code $env.NAME} values come from (default {@link System#getenv(String)})
 * @param limits        parse limits
 * @param customNodeTypes node types that installed node executors provide, accepted besides the
 *                      built-in ones (never {@code null})
 */
public record JsonPluginOptions(Path baseDirectory, boolean strict, EnvPolicy env,
                                Function<String, String> environment, JsonLimits limits,
                                Set<String> customNodeTypes) {

    /** The option keys {@link #fromMap} understands (also with dots instead of underscores). */
    public static final Set<String> KEYS = Set.of("base_directory", "strict", "allow_env", "environment",
            "custom_node_types", "max_document_bytes", "max_nesting_depth", "max_string_length", "max_name_length", "max_number_length",
            "max_values");
    private static final Set<String> IGNORED = Set.of("enable_caching", "cache_ttl");

    public JsonPluginOptions {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(limits, "limits");
        environment = environment == null ? System::getenv : environment;
        customNodeTypes = customNodeTypes == null ? Set.of() : Set.copyOf(customNodeTypes);
        baseDirectory = baseDirectory == null ? null : baseDirectory.toAbsolutePath().normalize();
    }

    public static JsonPluginOptions defaults() {
        return new JsonPluginOptions(null, false, EnvPolicy.AUTO, null, JsonLimits.defaults(), Set.of());
    }

    public JsonPluginOptions withBaseDirectory(Path directory) {
        return new JsonPluginOptions(directory, strict, env, environment, limits, customNodeTypes);
    }

    public JsonPluginOptions withLimits(JsonLimits newLimits) {
        return new JsonPluginOptions(baseDirectory, strict, env, environment, newLimits, customNodeTypes);
    }

    public JsonPluginOptions withEnv(EnvPolicy policy, Function<String, String> source) {
        return new JsonPluginOptions(baseDirectory, strict, policy, source, limits, customNodeTypes);
    }

    public JsonPluginOptions withCustomNodeTypes(Set<String> types) {
        return new JsonPluginOptions(baseDirectory, strict, env, environment, limits, types);
    }

    /**
     * Options from a plain map: {@code base_directory}, {@code strict}, {@code allow_env}
     * ({@code auto}, {@code true}, {@code false}), {@code custom_node_types} (names, a list or comma-separated), {@code environment} (a map or a function),
     * {@code max_document_bytes}, {@code max_nesting_depth}, {@code max_string_length},
     * {@code max_name_length}, {@code max_number_length}. Other keys with a dot and Victor's
     * {@code enable_caching} / {@code cache_ttl} are ignored; anything else is an error.
     *
     * @throws IllegalArgumentException for an unknown key or a value of the wrong kind
     */
    public static JsonPluginOptions fromMap(Map<String, ?> options) {
        if (options == null || options.isEmpty()) {
            return defaults();
        }
        Set<String> unknown = new TreeSet<>();
        Map<String, Object> normal = new HashMap<>();
        for (Map.Entry<String, ?> entry : options.entrySet()) {
            String key = entry.getKey();
            String underscored = key.replace('.', '_');
            if (KEYS.contains(underscored)) {
                normal.put(underscored, entry.getValue());
            } else if (!IGNORED.contains(key) && !key.contains(".")) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown JSON plugin option(s) " + unknown + "; known: "
                    + new TreeSet<>(KEYS));
        }
        JsonLimits d = JsonLimits.defaults();
        JsonLimits limits = new JsonLimits(number(normal, "max_document_bytes", d.maxDocumentBytes()),
                (int) number(normal, "max_nesting_depth", d.maxNestingDepth()),
                (int) number(normal, "max_string_length", d.maxStringLength()),
                (int) number(normal, "max_name_length", d.maxNameLength()),
                (int) number(normal, "max_number_length", d.maxNumberLength()),
                (int) number(normal, "max_values", d.maxValues()));
        return new JsonPluginOptions(path(normal.get("base_directory")), bool(normal, "strict"),
                EnvPolicy.parse(normal.get("allow_env")), environment(normal.get("environment")), limits,
                types(normal.get("custom_node_types")));
    }

    /** A collection of names, an array, or one comma-separated string. */
    static Set<String> types(Object value) {
        if (value == null) {
            return Set.of();
        }
        java.util.List<Object> items;
        if (value instanceof java.util.Collection<?> collection) {
            items = new java.util.ArrayList<>(collection);
        } else if (value instanceof Object[] array) {
            items = java.util.Arrays.asList(array);
        } else {
            items = java.util.Arrays.asList((Object[]) value.toString().split(","));
        }
        Set<String> types = new java.util.LinkedHashSet<>();
        for (Object item : items) {
            String type = String.valueOf(item).strip();
            if (!type.isEmpty()) {
                types.add(type);
            }
        }
        return types;
    }

    static Path path(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Path path) {
            return path;
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("base_directory is not a valid path: '" + text + "'", e);
        }
    }

    private static boolean bool(Map<String, ?> options, String key) {
        Object value = options.get(key);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException(key + " must be true or false, was '" + value + "'");
    }

    private static long number(Map<String, ?> options, String key, long fallback) {
        Object value = options.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + value + "'", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Function<String, String> environment(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, String> copy = Map.copyOf((Map<String, String>) map);
            return copy::get;
        }
        if (value instanceof Function<?, ?> function) {
            return (Function<String, String>) function;
        }
        throw new IllegalArgumentException("environment must be a Map<String,String> or a Function<String,String>");
    }
}
