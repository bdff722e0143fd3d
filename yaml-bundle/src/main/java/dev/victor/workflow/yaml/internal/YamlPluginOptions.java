package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.kernel.source.EnvPolicy;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The YAML plugin's settings.
 *
 * @param baseDirectory confines file sources and {@code $ref} targets to this directory (relative
 *                      paths are resolved against it); {@code null}: no confinement, relative paths
 *                      are resolved against the working directory and {@code $ref} targets must
 *                      stay in the referencing file's directory
 * @param strict        unknown keys are errors instead of warnings
 * @param env           when {@code $env.NAME} is read from the environment
 * @param environment   where {@code $env.NAME} values come from (default {@link System#getenv(String)})
 * @param limits        parse limits
 * @param customNodeTypes node types that installed node executors provide, accepted besides the
 *                      built-in ones (never {@code null})
 */
public record YamlPluginOptions(Path baseDirectory, boolean strict, EnvPolicy env,
                               Function<String, String> environment, YamlLimits limits,
                                Set<String> customNodeTypes) {

    /** The option keys {@link #fromMap} understands. */
    public static final Set<String> KEYS = Set.of("base_directory", "strict", "allow_env", "environment",
            "custom_node_types", "max_document_bytes", "max_nesting_depth", "max_aliases", "max_alias_expansion", "max_references",
            "max_values");
    /** Keys Victor's registry passes to every plugin; accepted and ignored (caching is the registry's job). */
    private static final Set<String> IGNORED = Set.of("enable_caching", "cache_ttl");

    public YamlPluginOptions {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(limits, "limits");
        environment = environment == null ? System::getenv : environment;
        customNodeTypes = customNodeTypes == null ? Set.of() : Set.copyOf(customNodeTypes);
        baseDirectory = baseDirectory == null ? null : baseDirectory.toAbsolutePath().normalize();
    }

    public static YamlPluginOptions defaults() {
        return new YamlPluginOptions(null, false, EnvPolicy.AUTO, null, YamlLimits.defaults(), Set.of());
    }

    public YamlPluginOptions withBaseDirectory(Path directory) {
        return new YamlPluginOptions(directory, strict, env, environment, limits, customNodeTypes);
    }

    public YamlPluginOptions withLimits(YamlLimits newLimits) {
        return new YamlPluginOptions(baseDirectory, strict, env, environment, newLimits, customNodeTypes);
    }

    public YamlPluginOptions withEnv(EnvPolicy policy, Function<String, String> source) {
        return new YamlPluginOptions(baseDirectory, strict, policy, source, limits, customNodeTypes);
    }

    public YamlPluginOptions withCustomNodeTypes(Set<String> types) {
        return new YamlPluginOptions(baseDirectory, strict, env, environment, limits, types);
    }

    public YamlPluginOptions withStrict(boolean value) {
        return new YamlPluginOptions(baseDirectory, value, env, environment, limits, customNodeTypes);
    }

    /**
     * Options from a plain map (for {@code ServiceLoader} and {@code WorkflowCompilerRegistry} use).
     * Keys: {@code base_directory} (a path), {@code strict} (boolean), {@code allow_env}
     * ({@code auto}, {@code true}, {@code false}), {@code custom_node_types} (names, a list or comma-separated), {@code environment} (a {@code Map<String,String>}
     * or a {@code Function<String,String>}), {@code max_document_bytes}, {@code max_nesting_depth},
     * {@code max_aliases}, {@code max_alias_expansion}, {@code max_references}, {@code max_values}; each may also be
     * written with dots ({@code base.directory}), as OSGi configuration names them. Other keys
     * containing a dot (OSGi's {@code service.*}, {@code component.*}) and Victor's
     * {@code enable_caching} / {@code cache_ttl} are ignored; any other key is an error, so that a
     * misspelt option is noticed.
     *
     * @throws IllegalArgumentException for an unknown key or a value of the wrong kind
     */
    public static YamlPluginOptions fromMap(Map<String, ?> options) {
        if (options == null || options.isEmpty()) {
            return defaults();
        }
        Set<String> unknown = new TreeSet<>();
        Map<String, Object> normal = new java.util.HashMap<>();
        for (Map.Entry<String, ?> entry : options.entrySet()) {
            String key = entry.getKey();
            String underscored = key.replace('.', '_');
            if (KEYS.contains(underscored)) {
                normal.put(underscored, entry.getValue());
            } else if (!IGNORED.contains(key) && !key.contains(".")) {
                unknown.add(key);
            }
        }
        options = normal;
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown YAML plugin option(s) " + unknown + "; known: "
                    + new TreeSet<>(KEYS));
        }
        YamlLimits defaults = YamlLimits.defaults();
        YamlLimits limits = new YamlLimits(
                number(options, "max_document_bytes", defaults.maxDocumentBytes()),
                (int) number(options, "max_nesting_depth", defaults.maxNestingDepth()),
                (int) number(options, "max_aliases", defaults.maxAliases()),
                (int) number(options, "max_alias_expansion", defaults.maxAliasExpansion()),
                (int) number(options, "max_references", defaults.maxReferences()),
                (int) number(options, "max_values", defaults.maxValues()));
        return new YamlPluginOptions(path(options.get("base_directory")), bool(options, "strict"),
                EnvPolicy.parse(options.get("allow_env")), environment(options.get("environment")), limits,
                types(options.get("custom_node_types")));
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
