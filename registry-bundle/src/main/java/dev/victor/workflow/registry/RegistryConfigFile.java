package dev.victor.workflow.registry;

import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the registry's configuration off OSGi from a YAML file shaped like Victor's
 * {@code config.yaml} (loaded safely: no custom tags, no aliases bombs):
 *
 * <pre>
 * workflow_registry:            # optional; these are the defaults
 *   default_scheme: yaml
 *   cache_size: 500             # graphs; 0 disables the cache
 *   cache_ttl: 0                # seconds after the compile, or ISO-8601 (PT1H); 0 = no limit
 *   default_max_iterations: 0   # 0 = the workflow's own limit
 *   validate: true
 * workflow_plugins:
 *   http:                       # a scheme, or a plugin's name
 *     enabled: true             # false hides its scheme(s) without uninstalling it
 *     stale_if_error: true      # serve the last good graph when the source cannot be read
 *     options:                  # given to the plugin when the registry builds it
 *       timeout: 10
 * </pre>
 * Other top-level keys are ignored (the file may hold other settings). A wrong key or value
 * inside these two sections is an error that names it.
 */
public final class RegistryConfigFile {

    private static final Set<String> REGISTRY_KEYS =
            Set.of("default_scheme", "cache_size", "cache_ttl", "default_max_iterations", "validate");
    private static final Set<String> PLUGIN_KEYS = Set.of("enabled", "stale_if_error", "options");

    private RegistryConfigFile() {
    }

    /**
     * Reads a file.
     *
     * @throws WorkflowSourceNotFoundException    when it does not exist
     * @throws WorkflowSourceUnavailableException when it cannot be read
     * @throws WorkflowException                  when what it says is wrong
     */
    public static RegistryConfiguration read(Path file) {
        String text;
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new WorkflowSourceUnavailableException(file.toString(), "Refused: " + file + " is not a regular file"
                    + " (a directory, a named pipe, a device or a socket)", null);
        }
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new WorkflowSourceNotFoundException(file.toString(), "No configuration file " + file, e);
        } catch (IOException e) {
            throw new WorkflowSourceUnavailableException(file.toString(), "Cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** Reads YAML text; {@code sourceName} names it in errors. */
    public static RegistryConfiguration parse(String text, String sourceName) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        Object root;
        try {
            root = new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            throw new WorkflowException("Invalid configuration " + sourceName, List.of(
                    Problem.error(e.getProblem()).withSource(sourceName).at(mark.getLine() + 1, mark.getColumn() + 1)));
        } catch (YAMLException e) {
            throw new WorkflowException("Invalid configuration " + sourceName + ": " + e.getMessage(), e);
        }
        if (root == null) {
            return RegistryConfiguration.defaults();
        }
        Map<?, ?> document = map(root, "the document", sourceName);
        List<Problem> problems = new ArrayList<>();
        RegistrySettings registry = registry(document.get("workflow_registry"), sourceName, problems);
        Map<String, PluginSettings> plugins = new LinkedHashMap<>();
        Object pluginSection = document.get("workflow_plugins");
        if (pluginSection != null) {
            for (Map.Entry<?, ?> item : map(pluginSection, "workflow_plugins", sourceName).entrySet()) {
                String name = String.valueOf(item.getKey());
                PluginSettings settings = plugin(name, item.getValue(), sourceName, problems);
                if (settings != null) {
                    plugins.put(name, settings);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkflowException("Invalid configuration " + sourceName, problems);
        }
        return new RegistryConfiguration(registry, plugins);
    }

    private static RegistrySettings registry(Object section, String sourceName, List<Problem> problems) {
        RegistrySettings settings = RegistrySettings.defaults();
        if (section == null) {
            return settings;
        }
        Map<?, ?> values = map(section, "workflow_registry", sourceName);
        for (Object key : values.keySet()) {
            if (!REGISTRY_KEYS.contains(String.valueOf(key))) {
                problems.add(problem(sourceName, "workflow_registry." + key, "unknown key '" + key
                        + "'; known keys: " + String.join(", ", new java.util.TreeSet<>(REGISTRY_KEYS))));
            }
        }
        try {
            String scheme = values.containsKey("default_scheme") ? String.valueOf(values.get("default_scheme"))
                    : settings.defaultScheme();
            long size = values.containsKey("cache_size")
                    ? number(values.get("cache_size"), "workflow_registry.cache_size") : settings.cacheSize();
            Duration ttl = values.containsKey("cache_ttl") ? duration(values.get("cache_ttl")) : null;
            int maxIterations = values.containsKey("default_max_iterations")
                    ? Math.toIntExact(number(values.get("default_max_iterations"), "workflow_registry.default_max_iterations"))
                    : 0;
            boolean validate = !values.containsKey("validate") || bool(values.get("validate"), "workflow_registry.validate");
            return new RegistrySettings(scheme, size, ttl, maxIterations, validate);
        } catch (IllegalArgumentException | ArithmeticException | java.time.format.DateTimeParseException e) {
            problems.add(problem(sourceName, "workflow_registry", e.getMessage()));
            return settings;
        }
    }

    private static PluginSettings plugin(String name, Object value, String sourceName, List<Problem> problems) {
        String path = "workflow_plugins." + name;
        if (value == null) {
            return PluginSettings.defaults();
        }
        if (!(value instanceof Map<?, ?> values)) {
            problems.add(problem(sourceName, path, "must be a mapping with enabled, stale_if_error and options"));
            return null;
        }
        for (Object key : values.keySet()) {
            if (!PLUGIN_KEYS.contains(String.valueOf(key))) {
                problems.add(problem(sourceName, path + "." + key, "unknown key '" + key
                        + "'; known keys: enabled, options, stale_if_error"));
            }
        }
        try {
            boolean enabled = !values.containsKey("enabled") || bool(values.get("enabled"), path + ".enabled");
            boolean stale = values.containsKey("stale_if_error") && bool(values.get("stale_if_error"), path + ".stale_if_error");
            Map<String, Object> options = new LinkedHashMap<>();
            Object optionValue = values.get("options");
            if (optionValue instanceof Map<?, ?> map) {
                map.forEach((k, v) -> options.put(String.valueOf(k), v));
            } else if (optionValue != null) {
                throw new IllegalArgumentException(path + ".options must be a mapping");
            }
            return new PluginSettings(enabled, stale, options);
        } catch (IllegalArgumentException e) {
            problems.add(problem(sourceName, path, e.getMessage()));
            return null;
        }
    }

    private static Problem problem(String sourceName, String path, String message) {
        return Problem.error(message).withSource(sourceName).withPath(path);
    }

    private static Map<?, ?> map(Object value, String what, String sourceName) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new WorkflowException("Invalid configuration " + sourceName + ": " + what + " must be a mapping");
    }

    private static long number(Object value, String path) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        try {
            return Long.parseLong(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(path + " must be a whole number, was '" + value + "'");
        }
    }

    private static boolean bool(Object value, String path) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw new IllegalArgumentException(path + " must be true or false, was '" + value + "'");
    }

    private static Duration duration(Object value) {
        if (value instanceof Number number) {
            return Duration.ofMillis(Math.round(number.doubleValue() * 1000));
        }
        String text = String.valueOf(value).strip();
        if (text.startsWith("P") || text.startsWith("p")) {
            return Duration.parse(text.toUpperCase(java.util.Locale.ROOT));
        }
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("workflow_registry.cache_ttl must be seconds or ISO-8601 such as PT1H,"
                    + " was '" + value + "'");
        }
    }
}
