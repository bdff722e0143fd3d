package dev.victor.workflow.http.internal;

import org.osgi.service.log.Logger;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * Lets the source (which logs through {@link System.Logger}) write to the OSGi log service when
 * there is one, and to the JDK's logging when there is none.
 */
final class OsgiLogger implements System.Logger {
    private final Logger osgi;
    private final System.Logger fallback;

    OsgiLogger(Logger osgi, System.Logger fallback) {
        this.osgi = osgi;
        this.fallback = fallback;
    }

    @Override
    public String getName() {
        return fallback.getName();
    }

    @Override
    public boolean isLoggable(Level level) {
        if (osgi == null) {
            return fallback.isLoggable(level);
        }
        return switch (level) {
            case ALL, TRACE -> osgi.isTraceEnabled();
            case DEBUG -> osgi.isDebugEnabled();
            case INFO -> osgi.isInfoEnabled();
            case WARNING -> osgi.isWarnEnabled();
            case ERROR -> osgi.isErrorEnabled();
            case OFF -> false;
        };
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        if (osgi == null) {
            fallback.log(level, bundle, message, thrown);
            return;
        }
        switch (level) {
            case ALL, TRACE -> osgi.trace(message, thrown);
            case DEBUG -> osgi.debug(message, thrown);
            case INFO -> osgi.info(message, thrown);
            case WARNING -> osgi.warn(message, thrown);
            case ERROR -> osgi.error(message, thrown);
            case OFF -> {
            }
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (osgi == null) {
            fallback.log(level, bundle, format, params);
            return;
        }
        if (isLoggable(level)) {
            log(level, bundle, params == null || params.length == 0 ? format : MessageFormat.format(format, params),
                    (Throwable) null);
        }
    }
}
