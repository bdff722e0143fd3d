package dev.victor.workflow.registry.internal.core;

import dev.victor.workflow.api.WorkflowCompilers;
import dev.victor.workflow.registry.PluginSettings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads what a plugin, source or format service publishes in its properties: schemes, ranking,
 * id, name, stale serving. Invalid schemes are logged and left out. Gives ids to what has none.
 */
public final class ServiceProperties {

    /** Service property naming a plugin's schemes (a string or an array of strings). */
    public static final String SCHEME = "scheme";
    /** Service property naming a plugin for configuration (default: {@code component.name}). */
    public static final String NAME = "plugin.name";
    /** Service property that turns on stale serving for a plugin. */
    public static final String STALE_IF_ERROR = PluginSettings.STALE_IF_ERROR;

    private final System.Logger log;
    private final AtomicLong ids;

    /**
     * @param ids the registry's id sequence, shared with every other part that numbers entries
     */
    public ServiceProperties(System.Logger log, AtomicLong ids) {
        this.log = log;
        this.ids = ids;
    }

    /** A new id, above every service id. */
    public long nextId() {
        return ids.incrementAndGet();
    }

    /** {@code service.id}, or a new id. */
    public long serviceId(Map<String, ?> properties) {
        Object id = properties.get("service.id");
        return id instanceof Number number ? number.longValue() : nextId();
    }

    /** {@code service.ranking} when it is an Integer, else 0. */
    public static int ranking(Map<String, ?> properties) {
        Object ranking = properties.get("service.ranking");
        return ranking instanceof Integer value ? value : 0;
    }

    /** The {@value #STALE_IF_ERROR} property: absent is false; anything but true or false is refused. */
    public static boolean staleIfError(Map<String, ?> properties, String name) {
        return PluginSettings.strictBoolean(properties.get(STALE_IF_ERROR), STALE_IF_ERROR + " of " + name);
    }

    /** A plugin's or source's name: {@value #NAME}, else {@code component.name}, else its class. */
    public static String nameOf(Object service, Map<String, ?> properties) {
        Object name = properties.get(NAME);
        if (name == null) {
            name = properties.get("component.name");
        }
        return name == null ? service.getClass().getName() : name.toString();
    }

    /** The strings of a property: a string, an array or a collection of them, or anything's text. */
    public static List<String> strings(Object property) {
        List<String> schemes = new ArrayList<>();
        if (property instanceof String text) {
            schemes.add(text);
        } else if (property instanceof String[] array) {
            schemes.addAll(List.of(array));
        } else if (property instanceof Collection<?> collection) {
            collection.forEach(item -> schemes.add(String.valueOf(item)));
        } else if (property != null) {
            schemes.add(property.toString());
        }
        return schemes;
    }

    /** The valid schemes of a {@value #SCHEME} property, lower-cased; the invalid ones are logged. */
    public Set<String> schemes(Map<String, ?> properties, String plugin, String origin) {
        return validSchemes(strings(properties.get(SCHEME)), plugin, origin);
    }

    /** The valid ones of these schemes, lower-cased; the invalid ones are logged. */
    public Set<String> validSchemes(List<String> schemes, String plugin, String origin) {
        Set<String> valid = new LinkedHashSet<>();
        for (String scheme : schemes) {
            String candidate = scheme == null ? "" : scheme.strip();
            if (WorkflowCompilers.isValidScheme(candidate)) {
                valid.add(candidate.toLowerCase(Locale.ROOT));
            } else {
                log.log(System.Logger.Level.WARNING, "Compiler plugin {0} ({1}) publishes the invalid scheme ''{2}''"
                        + " (a scheme starts with a letter, followed by letters, digits, ''+'', ''-'' or ''.'');"
                        + " that scheme is ignored", plugin, origin, candidate);
            }
        }
        return valid;
    }
}
