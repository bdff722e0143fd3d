package dev.victor.workflow.model.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/** Tree paths: lists of String keys and Integer indices, and their written form. */
public final class Paths {
    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z0-9_$-]+");

    private Paths() {
    }

    public static List<Object> of(Object... segments) {
        List<Object> path = new ArrayList<>(segments.length);
        Collections.addAll(path, segments);
        return Collections.unmodifiableList(path);
    }

    public static List<Object> append(List<Object> base, Object... segments) {
        List<Object> path = new ArrayList<>(base.size() + segments.length);
        path.addAll(base);
        Collections.addAll(path, segments);
        return Collections.unmodifiableList(path);
    }

    /**
     * {@code workflows.build.nodes[2].next}; keys that are not plain words are quoted:
     * {@code branches["Modify plan"]}. The empty path is {@code ""}.
     */
    public static String format(List<Object> path) {
        StringBuilder text = new StringBuilder();
        for (Object segment : path) {
            if (segment instanceof Integer) {
                text.append('[').append(segment).append(']');
            } else {
                String key = String.valueOf(segment);
                if (SIMPLE_KEY.matcher(key).matches()) {
                    if (text.length() > 0) {
                        text.append('.');
                    }
                    text.append(key);
                } else {
                    text.append("[\"").append(key.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
                }
            }
        }
        return text.toString();
    }
}
