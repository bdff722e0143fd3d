package dev.victor.workflow.launcher;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Locale;

/**
 * Copies the entries of the OSGi Log Service at or above {@code victor.log.level} (default
 * {@code warn}) to standard error, so that a component that fails, or a jar in deploy/ that does
 * not start, is seen without a log viewer; standard output stays the command's.
 *
 * <p>The Log Service API lives in the log bundle, not on the launcher's class path, so the
 * listener is a proxy of that bundle's {@code LogListener} interface and the entry is read
 * through its public methods.
 */
final class LogForwarder implements InvocationHandler {

    private static final String PACKAGE = "org.osgi.service.log.";

    private final PrintStream err;
    private final int threshold;
    private final Method getLevel;
    private final Method getBundle;
    private final Method getMessage;
    private final Method getException;

    private LogForwarder(PrintStream err, int threshold, Class<?> entryType) throws NoSuchMethodException {
        this.err = err;
        this.threshold = threshold;
        this.getLevel = entryType.getMethod("getLevel");
        this.getBundle = entryType.getMethod("getBundle");
        this.getMessage = entryType.getMethod("getMessage");
        this.getException = entryType.getMethod("getException");
    }

    /** Listens to the log reader service if there is one; {@code off} disables it. */
    static void install(BundleContext context, String level, PrintStream err) {
        int threshold = switch (level.strip().toLowerCase(Locale.ROOT)) {
            case "off", "none" -> 0;
            case "error" -> 1;
            case "info" -> 3;
            case "debug" -> 4;
            default -> 2;
        };
        if (threshold == 0) {
            return;
        }
        ServiceReference<?> reference = context.getServiceReference(PACKAGE + "LogReaderService");
        if (reference == null) {
            return;
        }
        try {
            // the interfaces' methods: the implementation classes need not be public
            Class<?> readerType = reference.getBundle().loadClass(PACKAGE + "LogReaderService");
            Class<?> listenerType = reference.getBundle().loadClass(PACKAGE + "LogListener");
            Class<?> entryType = reference.getBundle().loadClass(PACKAGE + "LogEntry");
            Object reader = context.getService(reference);
            LogForwarder forwarder = new LogForwarder(err, threshold, entryType);
            // what was logged while the framework started, oldest first, then what comes
            java.util.List<Object> earlier = new java.util.ArrayList<>(java.util.Collections.list(
                    (java.util.Enumeration<?>) readerType.getMethod("getLog").invoke(reader)));
            java.util.Collections.reverse(earlier);
            for (Object entry : earlier) {
                forwarder.logged(entry);
            }
            Object listener = Proxy.newProxyInstance(listenerType.getClassLoader(), new Class<?>[] {listenerType},
                    forwarder);
            readerType.getMethod("addLogListener", listenerType).invoke(reader, listener);
        } catch (ReflectiveOperationException | RuntimeException e) {
            err.println("victor: the log is not shown on standard error: " + e);
        }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "logged" -> logged(args[0]);
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            case "equals" -> {
                return proxy == args[0];
            }
            case "toString" -> {
                return "victor log forwarder";
            }
            default -> {
                // nothing else is called on a listener
            }
        }
        return null;
    }

    @SuppressWarnings("deprecation")
    private void logged(Object entry) throws ReflectiveOperationException {
        int level = (int) getLevel.invoke(entry);
        if (level > threshold || level <= 0) {
            return;
        }
        Object bundle = getBundle.invoke(entry);
        Object message = getMessage.invoke(entry);
        Object exception = getException.invoke(entry);
        String name = bundle instanceof org.osgi.framework.Bundle b ? b.getSymbolicName() : "framework";
        String label = switch (level) {
            case 1 -> "ERROR";
            case 2 -> "WARNING";
            case 3 -> "INFO";
            default -> "DEBUG";
        };
        err.println("victor: " + label + " " + name + ": " + message
                + (exception instanceof Throwable thrown ? " (" + describe(thrown) + ")" : ""));
    }

    /**
     * The exception and its causes, each with its message: a component whose constructor failed
     * is logged as an {@code InvocationTargetException} without a message, and the reason is in
     * its cause.
     */
    static String describe(Throwable thrown) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable t = thrown; t != null && depth < 8; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t.getMessage() == null && t.getCause() != null) {
                continue;
            }
            if (text.length() > 0) {
                text.append("; caused by ");
            }
            text.append(t.getClass().getName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
        }
        return text.toString();
    }
}
