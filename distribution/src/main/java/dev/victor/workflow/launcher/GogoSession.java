package dev.victor.workflow.launcher;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One Gogo session, used to run one command with its arguments as given. The command's function
 * is looked up by name and called with the argument list: no command line is built, so nothing
 * in an argument (quotes, braces, {@code $}, spaces) is read by Gogo's parser.
 *
 * <p>The Gogo API lives in the Gogo runtime bundle, not on the launcher's class path, so its
 * four methods are called reflectively through the interfaces that bundle exports.
 */
final class GogoSession implements AutoCloseable {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final String PACKAGE = "org.apache.felix.service.command.";
    private static final int INSPECT = 0; // Converter.INSPECT

    private final Object session;
    private final Method get;
    private final Method put;
    private final Method execute;
    private final Method executeLine;
    private final Method format;
    private final Method close;
    private final PrintStream out;
    private final PrintStream err;

    private GogoSession(Object session, Class<?> sessionType, Method execute, PrintStream out, PrintStream err)
            throws NoSuchMethodException {
        this.session = session;
        this.get = sessionType.getMethod("get", String.class);
        this.put = sessionType.getMethod("put", String.class, Object.class);
        this.execute = execute;
        this.executeLine = sessionType.getMethod("execute", CharSequence.class);
        this.format = sessionType.getMethod("format", Object.class, int.class);
        this.close = sessionType.getMethod("close");
        this.out = out;
        this.err = err;
    }

    static GogoSession open(BundleContext context, PrintStream out, PrintStream err) {
        return open(context, System.in, out, err);
    }

    static GogoSession open(BundleContext context, InputStream in, PrintStream out, PrintStream err) {
        ServiceReference<?> reference = context.getServiceReference(PACKAGE + "CommandProcessor");
        if (reference == null) {
            throw new LaunchException("the Gogo runtime is not running", 1);
        }
        Bundle gogo = reference.getBundle();
        try {
            Class<?> processorType = gogo.loadClass(PACKAGE + "CommandProcessor");
            Class<?> sessionType = gogo.loadClass(PACKAGE + "CommandSession");
            Class<?> functionType = gogo.loadClass(PACKAGE + "Function");
            Object processor = context.getService(reference);
            Object session = processorType.getMethod("createSession", InputStream.class, OutputStream.class,
                    OutputStream.class).invoke(processor, in, out, err);
            return new GogoSession(session, sessionType, functionType.getMethod("execute", sessionType, List.class),
                    out, err);
        } catch (ReflectiveOperationException e) {
            throw new LaunchException("cannot open a Gogo session: " + e, e);
        }
    }

    /**
     * Runs {@code name} (such as {@code workflow:run}, or {@code lb}: a name without a scope is
     * looked up in the workflow scope first, then in any) and returns its status.
     */
    int run(String name, List<String> arguments) {
        put(ONE_SHOT, Boolean.TRUE);
        Object function = function(name);
        if (function == null || !execute.getDeclaringClass().isInstance(function)) {
            err.println("victor: unknown command '" + name + "' ('victor help' lists the commands)");
            return USAGE;
        }
        try {
            Object result = execute.invoke(function, session, new ArrayList<Object>(arguments));
            if (result != null) {
                out.println(format.invoke(session, result, INSPECT));
            }
            return OK;
        } catch (InvocationTargetException e) {
            return failed(name, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new LaunchException("cannot run " + name + ": " + e, e);
        } finally {
            out.flush();
        }
    }

    /** The session variable that tells the commands they run with their arguments as given (no Gogo parsing). */
    static final String ONE_SHOT = "victor.oneshot";

    private Object function(String name) {
        try {
            if (name.contains(":")) {
                return get.invoke(session, name);
            }
            Object workflow = get.invoke(session, "workflow:" + name);
            return workflow != null ? workflow : get.invoke(session, "*:" + name);
        } catch (ReflectiveOperationException e) {
            throw new LaunchException("cannot look up " + name + ": " + e, e);
        }
    }

    /** Gogo's failure to match the arguments to any of a command's methods. */
    static boolean wrongArguments(Throwable failure) {
        return failure instanceof IllegalArgumentException
                && String.valueOf(failure.getMessage()).startsWith("Cannot coerce ");
    }

    /** Gogo's parser found the line unfinished (an unclosed brace, bracket or quote). */
    static boolean incomplete(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().equals("EOFError")) {
                return true;
            }
        }
        return false;
    }

    /** The command a Gogo "Cannot coerce NAME(...)" failure names, or null. */
    static String commandOf(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        int open = message.indexOf('(');
        return open > "Cannot coerce ".length() ? message.substring("Cannot coerce ".length(), open).strip() : null;
    }

    /** Prints a command's usage ({@code workflow:help NAME}); {@code to} says where it failed, if it does. */
    void usage(String name, PrintStream to) {
        Object help = function("workflow:help");
        if (help == null) {
            to.println("victor: 'help " + name + "' shows its usage");
            return;
        }
        try {
            // the help command prints on the session's console (standard output)
            to.flush();
            execute.invoke(help, session, new ArrayList<Object>(List.of(name)));
        } catch (ReflectiveOperationException e) {
            to.println("victor: 'help " + name + "' shows its usage");
        } finally {
            out.flush();
        }
    }

    /** The names of every command, {@code scope:function} (Gogo's {@code .commands}). */
    Set<String> commandNames() {
        Object names = get(".commands");
        Set<String> result = new TreeSet<>();
        if (names instanceof Collection<?> collection) {
            collection.forEach(name -> result.add(String.valueOf(name)));
        }
        return result;
    }

    /**
     * The options of a command ({@code --json}, {@code -w}, ...), read from the {@code @Parameter}
     * annotations of its service's methods; empty when it has none or is not a service's method.
     */
    Set<String> options(String command) {
        Set<String> options = new TreeSet<>();
        Object function = function(command);
        if (function == null) {
            return options;
        }
        String name = command.substring(command.indexOf(':') + 1);
        try {
            Object target = function.getClass().getMethod("getTarget").invoke(function);
            if (target == null) {
                return options;
            }
            for (Method method : target.getClass().getMethods()) {
                if (!method.getName().equals(name)) {
                    continue;
                }
                for (java.lang.annotation.Annotation[] annotations : method.getParameterAnnotations()) {
                    for (java.lang.annotation.Annotation annotation : annotations) {
                        if (annotation.annotationType().getName().equals(PACKAGE + "Parameter")) {
                            Object names = annotation.annotationType().getMethod("names").invoke(annotation);
                            options.addAll(Arrays.asList((String[]) names));
                        }
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not a command proxy of a service (a closure, a built-in): no options known
        } finally {
            try {
                function.getClass().getMethod("ungetTarget").invoke(function);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // nothing was got
            }
        }
        return options;
    }

    /** A session variable. */
    Object get(String name) {
        try {
            return get.invoke(session, name);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    void put(String name, Object value) {
        try {
            put.invoke(session, name, value);
        } catch (ReflectiveOperationException e) {
            throw new LaunchException("cannot set " + name + " in the Gogo session: " + e, e);
        }
    }

    /**
     * Runs one line of the shell (parsed by Gogo, as typed), prints its result if it has one, and
     * its failure on {@code problems} unless the command printed it itself (a failure with a status).
     */
    void execute(String line, PrintStream problems) {
        try {
            Object result = executeLine.invoke(session, line);
            if (result != null) {
                out.println(format.invoke(session, result, INSPECT));
            }
        } catch (InvocationTargetException e) {
            Throwable failure = e.getCause();
            String command = wrongArguments(failure) ? commandOf(failure) : null;
            if (command != null) {
                problems.println("victor: wrong arguments for " + command + "; its usage:");
                usage(command, problems);
            } else if (incomplete(failure)) {
                problems.println("victor: the line is not complete: " + failure.getMessage()
                        + " (in the shell, put JSON in single quotes: '{\"name\": \"Ada\"}')");
            } else if (!hasStatus(failure) && !(failure instanceof InterruptedException)) {
                problems.println("victor: " + (failure == null ? e : LogForwarder.describe(failure)));
            }
        } catch (ReflectiveOperationException e) {
            problems.println("victor: cannot run the line: " + e);
        } finally {
            out.flush();
        }
    }

    /**
     * Interrupts the job in the foreground, if one runs: Gogo runs a line's commands in threads of
     * its own, which the job interrupts; the caller of {@link #execute} then gets its end.
     *
     * @return whether a job was interrupted
     */
    boolean interruptForeground() {
        try {
            Object job = session.getClass().getMethod("foregroundJob").invoke(session);
            if (job == null) {
                return false;
            }
            java.lang.reflect.Method interrupt = job.getClass().getMethod("interrupt");
            interrupt.setAccessible(true);
            interrupt.invoke(job);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static boolean hasStatus(Throwable failure) {
        try {
            return failure != null && failure.getClass().getMethod("status").getReturnType() == int.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** The status of a command that threw: its own status if it carries one, else 1 (2 for wrong arguments). */
    private int failed(String name, Throwable failure) {
        if (failure == null) {
            return FAILED;
        }
        try {
            Method status = failure.getClass().getMethod("status");
            if (status.getReturnType() == int.class) {
                return (int) status.invoke(failure);
            }
        } catch (ReflectiveOperationException e) {
            // not a command failure with a status: reported below
        }
        if (wrongArguments(failure)) {
            err.println("victor: wrong arguments for " + name + "; its usage:");
            usage(name, err);
            return USAGE;
        }
        err.println("victor: " + name + " failed: " + failure);
        return FAILED;
    }

    @Override
    public void close() {
        try {
            close.invoke(session);
        } catch (ReflectiveOperationException e) {
            // the framework stops next
        }
    }
}
