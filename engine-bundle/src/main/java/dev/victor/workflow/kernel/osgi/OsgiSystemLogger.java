package dev.victor.workflow.kernel.osgi;

import org.osgi.service.log.Logger;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * Lets code that logs through {@link System.Logger} (the registry, sources: classes that also work
 * off OSGi) write to the OSGi log service when there is one, and to the JDK's logging when there
 * is none. The OSGi logger is asked for at each entry, so a log service that comes or goes later
 * (a dynamic reference) is followed.
 */
public final class OsgiSystemLogger implements System.Logger {
    private final Supplier<Logger> osgi;
    private final System.Logger fallback;

    /**
     * @param osgi     the OSGi logger of the moment, or {@code null} when there is none
     * @param fallback where entries go without one
     */
    public OsgiSystemLogger(Supplier<Logger> osgi, System.Logger fallback) {
        this.osgi = osgi;
        this.fallback = fallback;
    }

    @Override
    public String getName() {
        return fallback.getName();
    }

    @Override
    public boolean isLoggable(Level level) {
        Logger logger = osgi.get();
        if (logger == null) {
            return fallback.isLoggable(level);
        }
        return switch (level) {
            case ALL, TRACE -> logger.isTraceEnabled();
            case DEBUG -> logger.isDebugEnabled();
            case INFO -> logger.isInfoEnabled();
            case WARNING -> logger.isWarnEnabled();
            case ERROR -> logger.isErrorEnabled();
            case OFF -> false;
        };
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        Logger logger = osgi.get();
        if (logger == null) {
            fallback.log(level, bundle, message, thrown);
            return;
        }
        switch (level) {
            case ALL, TRACE -> logger.trace(message, thrown);
            case DEBUG -> logger.debug(message, thrown);
            case INFO -> logger.info(message, thrown);
            case WARNING -> logger.warn(message, thrown);
            case ERROR -> logger.error(message, thrown);
            case OFF -> {
            }
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (osgi.get() == null) {
            fallback.log(level, bundle, format, params);
            return;
        }
        if (!isLoggable(level)) {
            return;
        }
        log(level, bundle, params == null || params.length == 0 ? format : MessageFormat.format(format, params),
                (Throwable) null);
    }
}
