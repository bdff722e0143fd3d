package dev.victor.workflow.registry.file;

import dev.victor.workflow.kernel.source.EnvPolicy;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The settings of local workflow files (the {@code file} scheme and the path-or-text schemes).
 *
 * @param baseDirectory    confines file sources and {@code $ref} targets to this directory (relative
 *                         paths are resolved against it); {@code null}: no confinement, relative paths
 *                         are resolved against the working directory and {@code $ref} targets must
 *                         stay in the referencing file's directory
 * @param strict           unknown keys are errors instead of warnings
 * @param env              when {@code $env.NAME} is read from the environment
 * @param environment      where {@code $env.NAME} values come from (default {@link System#getenv(String)})
 * @param maxDocumentBytes largest file (also a referenced one), checked before it is read
 * @param maxReferences    most {@code $ref} items resolved for one document
 * @param customNodeTypes  node types that installed node executors provide, accepted besides the
 *                         built-in ones (never {@code null})
 */
public record FileSourceOptions(Path baseDirectory, boolean strict, EnvPolicy env,
                                Function<String, String> environment, long maxDocumentBytes, int maxReferences,
                                Set<String> customNodeTypes) {

    /** 10 MiB: far above any real workflow (the largest in Victor's corpus is about 30 KiB). */
    public static final long DEFAULT_MAX_DOCUMENT_BYTES = 10L * 1024 * 1024;
    /** 200 {@code $ref} items per document. */
    public static final int DEFAULT_MAX_REFERENCES = 200;

    /** The option keys {@link #fromMap} understands. */
    public static final Set<String> KEYS = Set.of("base_directory", "strict", "allow_env", "environment",
            "custom_node_types", "max_document_bytes", "max_references");
    /**
     * Keys accepted and ignored: Victor's registry passes {@code enable_caching} / {@code cache_ttl}
     * to every plugin (caching is the registry's job), and the parse limits belong to each format's
     * own configuration.
     */
    public static final Set<String> IGNORED = Set.of("enable_caching", "cache_ttl", "max_nesting_depth",
            "max_aliases", "max_alias_expansion", "max_values", "max_string_length", "max_name_length",
            "max_number_length");

    public FileSourceOptions {
        Objects.requireNonNull(env, "env");
        environment = environment == null ? System::getenv : environment;
        customNodeTypes = customNodeTypes == null ? Set.of() : Set.copyOf(customNodeTypes);
        baseDirectory = baseDirectory == null ? null : baseDirectory.toAbsolutePath().normalize();
        if (maxDocumentBytes < 1 || maxDocumentBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("max_document_bytes must be between 1 and 2 GiB, was "
                    + maxDocumentBytes);
        }
        if (maxReferences < 0) {
            throw new IllegalArgumentException("max_references must not be negative, was " + maxReferences);
        }
    }

    public static FileSourceOptions defaults() {
        return new FileSourceOptions(null, false, EnvPolicy.AUTO, null, DEFAULT_MAX_DOCUMENT_BYTES,
                DEFAULT_MAX_REFERENCES, Set.of());
    }

    public FileSourceOptions withBaseDirectory(Path directory) {
        return new FileSourceOptions(directory, strict, env, environment, maxDocumentBytes, maxReferences,
                customNodeTypes);
    }

    public FileSourceOptions withStrict(boolean value) {
        return new FileSourceOptions(baseDirectory, value, env, environment, maxDocumentBytes, maxReferences,
                customNodeTypes);
    }

    public FileSourceOptions withEnv(EnvPolicy policy, Function<String, String> source) {
        return new FileSourceOptions(baseDirectory, strict, policy, source, maxDocumentBytes, maxReferences,
                customNodeTypes);
    }

    public FileSourceOptions withMaxDocumentBytes(long value) {
        return new FileSourceOptions(baseDirectory, strict, env, environment, value, maxReferences, customNodeTypes);
    }

    public FileSourceOptions withMaxReferences(int value) {
        return new FileSourceOptions(baseDirectory, strict, env, environment, maxDocumentBytes, value,
                customNodeTypes);
    }

    public FileSourceOptions withCustomNodeTypes(Set<String> types) {
        return new FileSourceOptions(baseDirectory, strict, env, environment, maxDocumentBytes, maxReferences, types);
    }

    /**
     * Options from a plain map. Keys: {@code base_directory} (a path), {@code strict} (boolean),
     * {@code allow_env} ({@code auto}, {@code true}, {@code false}), {@code custom_node_types}
     * (names, a list or comma-separated), {@code environment} (a {@code Map<String,String>} or a
     * {@code Function<String,String>}), {@code max_document_bytes}, {@code max_references}; each may
     * also be written with dots ({@code base.directory}), as OSGi configuration names them. The
     * {@link #IGNORED} keys and other keys containing a dot (OSGi's {@code service.*},
     * {@code component.*}) are ignored; any other key is an error, so that a misspelt option is
     * noticed.
     *
     * @throws IllegalArgumentException for an unknown key or a value of the wrong kind
     */
    public static FileSourceOptions fromMap(Map<String, ?> options) {
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
            } else if (!IGNORED.contains(underscored) && !key.contains(".")) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown file option(s) " + unknown + "; known: " + new TreeSet<>(KEYS));
        }
        return new FileSourceOptions(path(normal.get("base_directory")), bool(normal, "strict"),
                EnvPolicy.parse(normal.get("allow_env")), environment(normal.get("environment")),
                number(normal, "max_document_bytes", DEFAULT_MAX_DOCUMENT_BYTES),
                (int) number(normal, "max_references", DEFAULT_MAX_REFERENCES),
                types(normal.get("custom_node_types")));
    }

    /** A collection of names, an array, or one comma-separated string. */
    public static Set<String> types(Object value) {
        if (value == null) {
            return Set.of();
        }
        List<Object> items;
        if (value instanceof Collection<?> collection) {
            items = new ArrayList<>(collection);
        } else if (value instanceof Object[] array) {
            items = Arrays.asList(array);
        } else {
            items = Arrays.asList((Object[]) value.toString().split(","));
        }
        Set<String> types = new LinkedHashSet<>();
        for (Object item : items) {
            String type = String.valueOf(item).strip();
            if (!type.isEmpty()) {
                types.add(type);
            }
        }
        return types;
    }

    /** A path, or {@code null} for none or blank. */
    public static Path path(Object value) {
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
