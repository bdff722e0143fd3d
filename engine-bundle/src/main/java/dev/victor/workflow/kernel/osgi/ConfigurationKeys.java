package dev.victor.workflow.kernel.osgi;

import org.osgi.service.log.Logger;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the raw properties of an OSGi configuration strictly, for every component of the project:
 * keys the component does not know are found (a misspelt {@code tabel} must not leave {@code table}
 * at its default without a word), and a value that is not of its key's type is an error instead of
 * a silent default. Keys that the framework adds ({@code service.pid}, {@code component.name},
 * {@code felix.fileinstall.filename}, a reference's {@code NAME.target} ...) are ignored.
 */
public final class ConfigurationKeys {
    private static final Set<String> FRAMEWORK_PREFIXES = Set.of("service.", "component.", "felix.", "osgi.",
            "org.apache.karaf.");

    private ConfigurationKeys() {
    }

    /**
     * The property names of a configuration type's attributes, as Declarative Services names them
     * ({@code a_b} is {@code a.b}, {@code a__b} is {@code a_b}, {@code a$_$b} is {@code a-b}).
     */
    public static Set<String> of(Class<?> configurationType) {
        Set<String> keys = new TreeSet<>();
        for (Method method : configurationType.getDeclaredMethods()) {
            keys.add(method.getName().replace("$_$", "-").replace("$$", "\u0001").replace("$", "")
                    .replace("__", "\u0000").replace('_', '.').replace('\u0000', '_').replace('\u0001', '$'));
        }
        return keys;
    }

    /**
     * The configuration type's keys ({@link #of(Class)}) and the component's own service properties
     * (a {@code scheme} or {@code format} it publishes), which arrive in the same map.
     */
    public static Set<String> of(Class<?> configurationType, String... ownProperties) {
        Set<String> keys = new TreeSet<>(of(configurationType));
        keys.addAll(Set.of(ownProperties));
        return Set.copyOf(keys);
    }

    /** Logs {@link #warning} at WARN when there is one and a logger to write it to. */
    public static void warn(Map<String, ?> properties, Set<String> known, String pid, Logger logger) {
        String warning = warning(properties, known, pid);
        if (warning != null && logger != null) {
            logger.warn(warning);
        }
    }

    /** The keys of {@code properties} that are neither in {@code known} nor the framework's, sorted. */
    public static Set<String> unknown(Map<String, ?> properties, Set<String> known) {
        Set<String> unknown = new TreeSet<>();
        for (String key : properties.keySet()) {
            if (!known.contains(key) && !key.endsWith(".target")
                    && FRAMEWORK_PREFIXES.stream().noneMatch(key::startsWith)) {
                unknown.add(key);
            }
        }
        return unknown;
    }

    /** A warning naming the unknown keys of a configuration and where it came from, or null when there are none. */
    public static String warning(Map<String, ?> properties, Set<String> known, String pid) {
        if (properties == null) {
            return null;
        }
        Set<String> unknown = unknown(properties, known);
        if (unknown.isEmpty()) {
            return null;
        }
        return "The configuration " + origin(properties, pid) + " has unknown key(s) " + String.join(", ", unknown)
                + ", which are ignored; known: " + String.join(", ", new TreeSet<>(known));
    }

    /** Where a configuration came from, for messages: its file, else its PID, else {@code fallback}. */
    public static String origin(Map<String, ?> properties, String fallback) {
        Object file = properties.get("felix.fileinstall.filename");
        if (file != null) {
            String text = String.valueOf(file);
            return text.startsWith("file:") ? text.substring("file:".length()) : text;
        }
        Object pid = properties.get("service.pid");
        return pid == null ? fallback : String.valueOf(pid);
    }

    /** A text value (a one-element array counts), {@code otherwise} when absent; anything else is refused. */
    public static String string(Map<String, ?> properties, String key, String otherwise) {
        Object value = properties.get(key);
        if (value == null) {
            return otherwise;
        }
        if (value instanceof String[] array && array.length == 1) {
            return array[0];
        }
        if (value instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException("'" + key + "' must be text, was " + value);
    }

    /** A whole number within int (as a number or text), {@code otherwise} when absent; anything else is refused. */
    public static int integer(Map<String, ?> properties, String key, int otherwise) {
        Object value = properties.get(key);
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            long number = ((Number) value).longValue();
            if (number == (int) number) {
                return (int) number;
            }
        }
        if (value instanceof String text) {
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("'" + key + "' must be a whole number, was '" + value + "'");
    }

    /** {@code true} or {@code false} (any case, as a Boolean or text), {@code otherwise} when absent; anything else is refused. */
    public static boolean bool(Map<String, ?> properties, String key, boolean otherwise) {
        Object value = properties.get(key);
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        String text = String.valueOf(value).strip().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("'" + key + "' must be true or false, was '" + value + "'");
    }
}
