package dev.victor.workflow.registry.internal.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every plugin entry the registry knows, by where it came from: registered in code (one per
 * scheme), found with ServiceLoader, tracked as a service (by service id), composed from a source
 * and the formats. Not thread-safe: the registry calls it under its lock.
 */
public final class PluginRegistrations {

    private final Map<String, PluginEntry> code = new HashMap<>();
    private final List<PluginEntry> serviceLoader = new ArrayList<>();
    private final Map<Long, PluginEntry> services = new HashMap<>();
    private final List<PluginEntry> composed = new ArrayList<>();

    /** Registers an entry in code for its scheme; returns the one it replaces, or {@code null}. */
    public PluginEntry putCode(String scheme, PluginEntry entry) {
        return code.put(scheme, entry);
    }

    /** Removes the registration in code of a scheme; returns it, or {@code null}. */
    public PluginEntry removeCode(String scheme) {
        return code.remove(scheme);
    }

    public void addServiceLoader(PluginEntry entry) {
        serviceLoader.add(entry);
    }

    /** Tracks a service; returns the entry it replaces (same service id), or {@code null}. */
    public PluginEntry putService(long serviceId, PluginEntry entry) {
        return services.put(serviceId, entry);
    }

    /** Stops tracking a service; returns its entry, or {@code null}. */
    public PluginEntry removeService(long serviceId) {
        return services.remove(serviceId);
    }

    /** Retires the composed entries and replaces them. */
    public void replaceComposed(List<PluginEntry> entries) {
        composed.forEach(PluginEntry::retire);
        composed.clear();
        composed.addAll(entries);
    }

    /** Every entry: in code, ServiceLoader, services, composed. */
    public List<PluginEntry> all() {
        List<PluginEntry> all = new ArrayList<>(code.values());
        all.addAll(serviceLoader);
        all.addAll(services.values());
        all.addAll(composed);
        return all;
    }
}
