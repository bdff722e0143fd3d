package dev.victor.workflow.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory "file system" for {@link TinyPlugin}. */
public final class TinyStore {
    public final Map<String, String> files = new ConcurrentHashMap<>();
    public volatile boolean unavailable;

    public TinyStore put(String name, String text) {
        files.put(name, text);
        return this;
    }
}
