package dev.victor.workflow.http.internal;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/** A System.Logger that keeps everything it is told, at every level, with the stack traces' messages. */
final class RecordingLogger implements System.Logger {
    final List<String> messages = new CopyOnWriteArrayList<>();

    @Override
    public String getName() {
        return "test";
    }

    @Override
    public boolean isLoggable(Level level) {
        return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        StringBuilder text = new StringBuilder(level + " " + msg);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            text.append(" | ").append(t);
        }
        messages.add(text.toString());
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        messages.add(level + " " + (params == null || params.length == 0 ? format : MessageFormat.format(format, params)));
    }
}
