package dev.victor.workflow.registry.internal.command;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * What {@code help} says about a Gogo command, read from its service: the properties
 * {@value #SUMMARY}{@code FUNCTION} (one line on what it does) and {@value #USAGE}{@code FUNCTION}
 * (its usage line), else the {@link Descriptor} of its methods; its options and arguments from the
 * {@link Parameter} and {@link Descriptor} annotations of the method's parameters.
 */
final class CommandDescriptions {

    /** Service property prefix of a function's one-line summary. */
    static final String SUMMARY = "victor.command.summary.";
    /** Service property prefix of a function's usage line. */
    static final String USAGE = "victor.command.usage.";

    private static final List<String> SCOPE_ORDER = List.of("workflow", "gogo", "felix");
    private static final Set<String> SESSION_TYPES = Set.of("org.apache.felix.service.command.CommandSession",
            "org.apache.felix.service.command.Process");

    private CommandDescriptions() {
    }

    /** One command: its scope, function, summary and the methods that implement it. */
    record Command(String scope, String function, String summary, String usage, List<Method> methods) {

        String name() {
            return scope + ":" + function;
        }

        boolean matches(String name) {
            String wanted = name.strip().toLowerCase(Locale.ROOT);
            return name().equals(wanted) || (!wanted.contains(":") && function.equals(wanted));
        }

        /** The usage, options and arguments, each on its lines. */
        String details() {
            StringBuilder text = new StringBuilder(name()).append(" - ").append(summary).append('\n');
            if (usage != null) {
                text.append("usage: ").append(usage).append('\n');
            } else {
                methods.forEach(method -> text.append("usage: ").append(usageOf(method)).append('\n'));
            }
            if (methods.isEmpty()) {
                return text.toString();
            }
            // the overload with the most parameters has every option and argument of the others
            Method longest = methods.get(methods.size() - 1);
            String options = optionsOf(longest);
            if (!options.isEmpty()) {
                text.append("options:\n").append(options);
            }
            String arguments = argumentsOf(longest, usage == null ? List.of() : positional(usage));
            if (!arguments.isEmpty()) {
                text.append("arguments:\n").append(arguments);
            }
            return text.toString();
        }

        private String usageOf(Method method) {
            StringBuilder line = new StringBuilder(function);
            Annotation[][] annotations = method.getParameterAnnotations();
            int argument = 0;
            for (int i = 0; i < annotations.length; i++) {
                if (isSession(method.getParameterTypes()[i])) {
                    continue;
                }
                Parameter option = find(annotations[i], Parameter.class);
                if (option != null) {
                    boolean flag = !Parameter.UNSPECIFIED.equals(option.presentValue());
                    line.append(" [").append(String.join("|", option.names())).append(flag ? "]" : " VALUE]");
                } else {
                    line.append(' ').append(placeholder(method.getParameterTypes()[i], ++argument, List.of()));
                }
            }
            return line.toString();
        }
    }

    /** The argument names of a usage line: its words after the command that are not options. */
    static List<String> positional(String usage) {
        String withoutOptions = usage.replaceAll("\\[-[^\\]]*\\]", " ");
        List<String> names = new ArrayList<>();
        String[] words = withoutOptions.strip().split("\\s+");
        for (int i = 1; i < words.length; i++) {
            names.add(words[i].replace("[", "").replace("]", ""));
        }
        return names;
    }

    /** The commands of one service, from its properties and class. */
    static List<Command> of(Function<String, Object> properties, Class<?> type) {
        String scope = String.valueOf(properties.apply("osgi.command.scope"));
        List<Command> commands = new ArrayList<>();
        for (String function : strings(properties.apply("osgi.command.function"))) {
            List<Method> methods = Arrays.stream(type.getMethods()).filter(method -> method.getName().equals(function)
                    || method.getName().equals(getter(function))).sorted(Comparator.comparingInt(Method::getParameterCount))
                    .toList();
            Object summary = properties.apply(SUMMARY + function);
            Object usage = properties.apply(USAGE + function);
            String described = methods.stream().map(CommandDescriptions::describe).filter(text -> !text.isEmpty())
                    .reduce((first, last) -> last).orElse("");
            String known = KnownCommands.SUMMARIES.get(scope + ":" + function);
            commands.add(new Command(scope, function, summary != null ? String.valueOf(summary)
                    : !described.isEmpty() ? described : known != null ? known : "(no description)",
                    usage == null ? null : String.valueOf(usage), methods));
        }
        return commands;
    }

    /** The workflow commands first, then Gogo's, then the framework's, then the others; by name within. */
    static List<Command> sorted(Collection<Command> commands) {
        return commands.stream().sorted(Comparator.comparingInt((Command command) -> {
            int at = SCOPE_ORDER.indexOf(command.scope());
            return at < 0 ? SCOPE_ORDER.size() : at;
        }).thenComparing(Command::scope).thenComparing(Command::function)).toList();
    }

    private static String getter(String function) {
        return function.isEmpty() ? "" : "get" + Character.toUpperCase(function.charAt(0)) + function.substring(1);
    }

    private static List<String> strings(Object value) {
        if (value instanceof String[] many) {
            return List.of(many);
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    private static String describe(Method method) {
        Descriptor descriptor = method.getAnnotation(Descriptor.class);
        return descriptor == null ? "" : descriptor.value();
    }

    private static boolean isSession(Class<?> type) {
        return SESSION_TYPES.contains(type.getName());
    }

    private static String optionsOf(Method method) {
        StringBuilder text = new StringBuilder();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (Annotation[] parameter : annotations) {
            Parameter option = find(parameter, Parameter.class);
            if (option != null) {
                Descriptor descriptor = find(parameter, Descriptor.class);
                boolean flag = !Parameter.UNSPECIFIED.equals(option.presentValue());
                text.append(String.format(Locale.ROOT, "  %-22s %s%n", String.join(", ", option.names())
                        + (flag ? "" : " VALUE"), descriptor == null ? "" : descriptor.value()));
            }
        }
        return text.toString();
    }

    private static String argumentsOf(Method method, List<String> names) {
        StringBuilder text = new StringBuilder();
        Annotation[][] annotations = method.getParameterAnnotations();
        int argument = 0;
        for (int i = 0; i < annotations.length; i++) {
            if (isSession(method.getParameterTypes()[i]) || find(annotations[i], Parameter.class) != null) {
                continue;
            }
            Descriptor descriptor = find(annotations[i], Descriptor.class);
            text.append(String.format(Locale.ROOT, "  %-22s %s%n", placeholder(method.getParameterTypes()[i],
                    ++argument, names), descriptor == null ? "" : descriptor.value()));
        }
        return text.toString();
    }

    /** The name of the n-th argument (from 1): the usage line's, else ARGn. */
    private static String placeholder(Class<?> type, int n, List<String> names) {
        String name = n <= names.size() ? names.get(n - 1) : "ARG" + n;
        return type.isArray() && !name.endsWith("...") ? name + "..." : name;
    }

    private static <A extends Annotation> A find(Annotation[] annotations, Class<A> type) {
        for (Annotation annotation : annotations) {
            if (type.isInstance(annotation)) {
                return type.cast(annotation);
            }
        }
        return null;
    }
}
