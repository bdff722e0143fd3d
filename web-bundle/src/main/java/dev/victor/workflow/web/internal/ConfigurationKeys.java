package dev.victor.workflow.web.internal;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the keys of an OSGi configuration that its component does not know (a misspelt key would
 * otherwise leave its setting at the default without a word). The known keys are the attributes of
 * the component's configuration type, named as Declarative Services names them ({@code a_b} is
 * {@code a.b}, {@code a__b} is {@code a_b}, {@code a$_$b} is {@code a-b}). Keys that the framework
 * adds ({@code service.pid}, {@code component.name}, {@code felix.fileinstall.filename}, a
 * reference's {@code NAME.target} ...) are ignored.
 */
final class ConfigurationKeys {
    private static final Set<String> FRAMEWORK_PREFIXES = Set.of("service.", "component.", "felix.", "osgi.",
            "org.apache.karaf.");

    private ConfigurationKeys() {
    }

    /** The property names of a configuration type's attributes. */
    static Set<String> of(Class<?> configurationType) {
        Set<String> keys = new TreeSet<>();
        for (Method method : configurationType.getDeclaredMethods()) {
            keys.add(method.getName().replace("$_$", "-").replace("$$", "\u0001").replace("$", "")
                    .replace("__", "\u0000").replace('_', '.').replace('\u0000', '_').replace('\u0001', '$'));
        }
        return keys;
    }

    /** A warning naming the unknown keys of a configuration, or null when there are none. */
    static String warning(Map<String, ?> properties, Set<String> known, String pid) {
        if (properties == null) {
            return null;
        }
        Set<String> unknown = new TreeSet<>();
        for (String key : properties.keySet()) {
            if (!known.contains(key) && !key.endsWith(".target")
                    && FRAMEWORK_PREFIXES.stream().noneMatch(key::startsWith)) {
                unknown.add(key);
            }
        }
        if (unknown.isEmpty()) {
            return null;
        }
        return "The configuration " + origin(properties, pid) + " has unknown key(s) " + String.join(", ", unknown)
                + ", which are ignored; known: " + String.join(", ", new TreeSet<>(known));
    }

    private static String origin(Map<String, ?> properties, String pid) {
        Object file = properties.get("felix.fileinstall.filename");
        if (file != null) {
            String text = String.valueOf(file);
            return text.startsWith("file:") ? text.substring("file:".length()) : text;
        }
        Object servicePid = properties.get("service.pid");
        return servicePid == null ? pid : String.valueOf(servicePid);
    }
}
