package dev.victor.workflow.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One compiler without a registry, and the rules by which a plugin class is built from options
 * (the registry follows the same rules).
 *
 * <p>A plugin class is built with, in this order of preference:
 * <ol>
 *   <li>a public constructor taking a {@code Map} (it receives the options, read-only);</li>
 *   <li>a public constructor taking one record (its <em>options record</em>): each record
 *       component is filled from the option of the same name, written either {@code camelCase}
 *       or {@code snake_case}; values are converted to the component's type (text, numbers,
 *       booleans, {@link Duration} as ISO-8601 or seconds, enums by name, lists, sets, maps);
 *       an option that matches no component is an error;</li>
 *   <li>a public no-argument constructor, when there are no options.</li>
 * </ol>
 * A class that fits none of these, or whose constructor fails, gives a {@link WorkflowException}
 * that says so in words, with the constructor's own exception (not the reflection wrapper) as
 * its cause.
 */
public final class WorkflowCompilers {

    private WorkflowCompilers() {
    }

    /**
     * A new plugin built from the class with the options. The URI's scheme is checked (RFC 3986);
     * the rest of the URI is what the plugin is later asked to compile, see
     * {@link #compile(String, Class, Map, String)}.
     *
     * @throws WorkflowException when the URI has no valid scheme or the class cannot be built
     */
    public static WorkflowCompilerPlugin create(String uri, Class<? extends WorkflowCompilerPlugin> pluginClass,
                                                Map<String, ?> options) {
        schemeOf(uri);
        return newPlugin(pluginClass, options);
    }

    /** Builds the plugin as {@link #create} does and compiles the part of the URI after {@code ://}. */
    public static CompiledGraph compile(String uri, Class<? extends WorkflowCompilerPlugin> pluginClass,
                                        Map<String, ?> options, String workflowName) {
        schemeOf(uri);
        String source = uri.substring(uri.indexOf("://") + 3);
        WorkflowCompilerPlugin plugin = newPlugin(pluginClass, options);
        if (!plugin.validateSource(source)) {
            throw new InvalidWorkflowException("Plugin " + pluginClass.getName()
                    + " does not accept the source '" + source + "'", List.of());
        }
        return plugin.compile(source, workflowName, true);
    }

    /**
     * The lower-cased scheme of {@code scheme://rest}.
     *
     * @throws WorkflowException when there is no {@code ://} or the scheme is not
     *                           {@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )}
     */
    public static String schemeOf(String uri) {
        if (uri == null) {
            throw new WorkflowException("No workflow URI given");
        }
        int marker = uri.indexOf("://");
        if (marker < 0) {
            throw new WorkflowException("'" + uri + "' is not a URI of the form scheme://source");
        }
        String scheme = uri.substring(0, marker).strip();
        if (!isValidScheme(scheme)) {
            throw new WorkflowException(scheme.isEmpty()
                    ? "The URI '" + uri + "' has no scheme before '://'"
                    : "Invalid scheme '" + scheme + "' in '" + uri
                      + "': a scheme is a letter followed by letters, digits, '+', '-' or '.'");
        }
        return scheme.toLowerCase(Locale.ROOT);
    }

    /** True for {@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )} (RFC 3986, section 3.1). */
    public static boolean isValidScheme(String scheme) {
        if (scheme == null || scheme.isEmpty() || !isAlpha(scheme.charAt(0))) {
            return false;
        }
        for (int i = 1; i < scheme.length(); i++) {
            char c = scheme.charAt(i);
            if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * Builds a plugin from its class and options, following the rules in the class comment.
     *
     * @throws WorkflowException when the class does not fit or its constructor fails
     */
    public static <P extends WorkflowCompilerPlugin> P newPlugin(Class<P> pluginClass, Map<String, ?> options) {
        checkBuildable(pluginClass);
        Map<String, Object> given = options == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<String, Object>(options));
        Constructor<?> mapConstructor = null;
        Constructor<?> recordConstructor = null;
        Constructor<?> noArgs = null;
        for (Constructor<?> constructor : pluginClass.getConstructors()) {
            Class<?>[] types = constructor.getParameterTypes();
            if (types.length == 0) {
                noArgs = constructor;
            } else if (types.length == 1 && types[0] == Map.class) {
                mapConstructor = constructor;
            } else if (types.length == 1 && types[0].isRecord()) {
                recordConstructor = constructor;
            }
        }
        Object instance;
        if (mapConstructor != null) {
            instance = invoke(pluginClass, mapConstructor, given);
        } else if (recordConstructor != null) {
            Object record = bindRecord(pluginClass, recordConstructor.getParameterTypes()[0], given);
            instance = invoke(pluginClass, recordConstructor, record);
        } else if (noArgs != null) {
            if (!given.isEmpty()) {
                throw new WorkflowException("Plugin " + pluginClass.getName() + " takes no options (it has only a"
                        + " no-argument constructor), but was given: " + String.join(", ", new TreeSet<>(given.keySet())));
            }
            instance = invoke(pluginClass, noArgs);
        } else {
            throw new WorkflowException("Cannot build plugin " + pluginClass.getName() + ": it needs a public"
                    + " constructor taking a Map of options, one taking an options record, or one taking no"
                    + " arguments");
        }
        return pluginClass.cast(instance);
    }

    /**
     * Checks that the class is a concrete, public plugin class with a constructor that
     * {@link #newPlugin} can use, without building it.
     *
     * @throws WorkflowException when it is not
     */
    public static void checkBuildable(Class<?> pluginClass) {
        if (pluginClass == null) {
            throw new WorkflowException("No plugin class given");
        }
        if (!WorkflowCompilerPlugin.class.isAssignableFrom(pluginClass)) {
            throw new WorkflowException(pluginClass.getName() + " is not a " + WorkflowCompilerPlugin.class.getName());
        }
        int modifiers = pluginClass.getModifiers();
        if (pluginClass.isInterface() || Modifier.isAbstract(modifiers)) {
            throw new WorkflowException("Cannot build plugin " + pluginClass.getName() + ": it is abstract");
        }
        if (!Modifier.isPublic(modifiers)
                || (pluginClass.getEnclosingClass() != null && !Modifier.isStatic(modifiers))) {
            throw new WorkflowException("Cannot build plugin " + pluginClass.getName()
                    + ": the class must be public (and static when nested)");
        }
        for (Constructor<?> constructor : pluginClass.getConstructors()) {
            Class<?>[] types = constructor.getParameterTypes();
            if (types.length == 0 || (types.length == 1 && (types[0] == Map.class || types[0].isRecord()))) {
                return;
            }
        }
        throw new WorkflowException("Cannot build plugin " + pluginClass.getName() + ": it needs a public"
                + " constructor taking a Map of options, one taking an options record, or one taking no arguments");
    }

    private static Object invoke(Class<?> pluginClass, Constructor<?> constructor, Object... arguments) {
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new WorkflowException("Plugin " + pluginClass.getName() + " failed in its constructor: "
                    + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()), cause);
        } catch (ReflectiveOperationException e) {
            throw new WorkflowException("Cannot build plugin " + pluginClass.getName() + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
    }

    private static Object bindRecord(Class<?> pluginClass, Class<?> recordType, Map<String, Object> options) {
        RecordComponent[] components = recordType.getRecordComponents();
        Map<String, Object> remaining = new LinkedHashMap<>(options);
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            types[i] = component.getType();
            String camel = component.getName();
            String snake = snakeCase(camel);
            accepted.add(snake);
            String key = remaining.containsKey(camel) ? camel : snake;
            if (remaining.containsKey(key)) {
                values[i] = convert(pluginClass, key, remaining.remove(key), component.getType(),
                        component.getGenericType());
            } else {
                values[i] = zero(component.getType());
            }
            if (!key.equals(camel)) {
                remaining.remove(camel);
            }
        }
        if (!remaining.isEmpty()) {
            throw new WorkflowException("Plugin " + pluginClass.getName() + " does not know the option(s) "
                    + String.join(", ", new TreeSet<>(remaining.keySet())) + "; it accepts: "
                    + (accepted.isEmpty() ? "(none)" : String.join(", ", accepted)));
        }
        try {
            Constructor<?> canonical = recordType.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new WorkflowException("Invalid options for plugin " + pluginClass.getName() + ": "
                    + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()), cause);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new WorkflowException("Cannot build the options record " + recordType.getName() + " of plugin "
                    + pluginClass.getName() + ": " + e.getMessage(), e);
        }
    }

    private static String snakeCase(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Object zero(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0.0d;
        }
        if (type == float.class) {
            return 0.0f;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        return 0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(Class<?> pluginClass, String key, Object value, Class<?> type, Type generic) {
        if (value == null) {
            return zero(type);
        }
        try {
            if (type == String.class) {
                return value.toString();
            }
            if (type == boolean.class || type == Boolean.class) {
                if (value instanceof Boolean flag) {
                    return flag;
                }
                String text = value.toString().strip().toLowerCase(Locale.ROOT);
                if (text.equals("true") || text.equals("false")) {
                    return Boolean.valueOf(text);
                }
                throw new IllegalArgumentException("true or false");
            }
            if (type == int.class || type == Integer.class) {
                return Math.toIntExact(wholeNumber(value));
            }
            if (type == long.class || type == Long.class) {
                return wholeNumber(value);
            }
            if (type == double.class || type == Double.class) {
                return value instanceof Number number ? number.doubleValue() : Double.parseDouble(value.toString().strip());
            }
            if (type == float.class || type == Float.class) {
                return value instanceof Number number ? number.floatValue() : Float.parseFloat(value.toString().strip());
            }
            if (type == Duration.class) {
                if (value instanceof Duration duration) {
                    return duration;
                }
                if (value instanceof Number number) {
                    return Duration.ofMillis(Math.round(number.doubleValue() * 1000));
                }
                String text = value.toString().strip();
                return text.startsWith("P") || text.startsWith("p") ? Duration.parse(text)
                        : Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000));
            }
            if (type.isEnum()) {
                String text = value.toString().strip();
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equalsIgnoreCase(text)) {
                        return constant;
                    }
                }
                throw new IllegalArgumentException("one of " + java.util.Arrays.toString(type.getEnumConstants()));
            }
            if (type == List.class || type == Set.class || type == Collection.class) {
                Collection<Object> items = type == Set.class ? new LinkedHashSet<>() : new ArrayList<>();
                Type element = generic instanceof ParameterizedType parameterized
                        ? parameterized.getActualTypeArguments()[0] : Object.class;
                Iterable<?> source = value instanceof Iterable<?> iterable ? iterable
                        : value instanceof Object[] array ? List.of(array)
                        : splitList(value.toString());
                for (Object item : source) {
                    items.add(element == String.class && item != null ? item.toString() : item);
                }
                return type == Set.class ? Collections.unmodifiableSet((Set) items)
                        : Collections.unmodifiableList((List) items);
            }
            if (type == Map.class && value instanceof Map<?, ?> map) {
                return Collections.unmodifiableMap(new LinkedHashMap<>(map));
            }
            if (type.isInstance(value)) {
                return value;
            }
        } catch (ArithmeticException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new WorkflowException("Option '" + key + "' of plugin " + pluginClass.getName() + " must be "
                    + describe(type) + ", was '" + value + "'", e);
        }
        throw new WorkflowException("Option '" + key + "' of plugin " + pluginClass.getName() + " must be "
                + describe(type) + ", was '" + value + "' (" + value.getClass().getSimpleName() + ")");
    }

    private static List<String> splitList(String text) {
        List<String> items = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                items.add(part.strip());
            }
        }
        return items;
    }

    private static long wholeNumber(Object value) {
        if (value instanceof Number number) {
            double asDouble = number.doubleValue();
            if (asDouble != Math.rint(asDouble)) {
                throw new IllegalArgumentException("not a whole number");
            }
            return number.longValue();
        }
        return Long.parseLong(value.toString().strip());
    }

    private static String describe(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == Duration.class) {
            return "a duration (seconds or ISO-8601 such as PT30S)";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "a " + type.getSimpleName();
    }
}
