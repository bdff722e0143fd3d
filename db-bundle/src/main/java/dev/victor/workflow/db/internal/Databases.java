package dev.victor.workflow.db.internal;

import dev.victor.workflow.db.DataSourceSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The configured databases by name. A database's pool is opened when it is first used, and closed
 * when its settings are replaced or removed. Which database {@code db://NAME} means: the only one
 * when one is configured, else the one named {@value DataSourceSettings#DEFAULT_NAME}. A datasource
 * whose configuration is broken is listed too, and refuses every use with the reason. Thread-safe.
 */
public final class Databases implements AutoCloseable {

    private final Function<DataSourceSettings, ConnectionSource> connector;
    private final Map<String, Entry> entries = new TreeMap<>();

    private static final class Entry {
        final DataSourceSettings settings;
        /** Why the datasource cannot be used, or null. */
        final String broken;
        Database database;

        Entry(DataSourceSettings settings, String broken) {
            this.settings = settings;
            this.broken = broken;
        }
    }

    /** @param connector opens connections for a datasource (the driver, or an OSGi {@code DataSourceFactory}) */
    public Databases(Function<DataSourceSettings, ConnectionSource> connector) {
        this.connector = connector;
    }

    /** Adds a datasource, or replaces the one of that name (closing its pool). */
    public void put(DataSourceSettings settings) {
        Database old;
        synchronized (this) {
            Entry previous = entries.put(settings.name(), new Entry(settings, null));
            old = previous == null ? null : previous.database;
        }
        if (old != null) {
            old.close();
        }
    }

    /**
     * Adds a datasource that cannot be used, or makes the one of that name so (closing its pool):
     * every use of it fails with {@code reason}.
     */
    public void putBroken(String name, String reason) {
        Database old;
        synchronized (this) {
            Entry previous = entries.put(name, new Entry(null, reason));
            old = previous == null ? null : previous.database;
        }
        if (old != null) {
            old.close();
        }
    }

    /** Why the datasource of that name cannot be used, if it cannot. */
    public synchronized Optional<String> broken(String name) {
        Entry entry = entries.get(name);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.broken);
    }

    /** Removes a datasource, closing its pool; true if it was there. */
    public boolean remove(String name) {
        Entry removed;
        synchronized (this) {
            removed = entries.remove(name);
        }
        if (removed != null && removed.database != null) {
            removed.database.close();
        }
        return removed != null;
    }

    /** Closes every open pool (they open again when used), for example when a JDBC driver left. */
    public void reset() {
        List<Database> open = new ArrayList<>();
        synchronized (this) {
            for (Entry entry : entries.values()) {
                if (entry.database != null) {
                    open.add(entry.database);
                    entry.database = null;
                }
            }
        }
        open.forEach(Database::close);
    }

    /** The names of the configured datasources, sorted. */
    public synchronized TreeSet<String> names() {
        return new TreeSet<>(entries.keySet());
    }

    /** The settings of a usable datasource. */
    public synchronized Optional<DataSourceSettings> settings(String name) {
        Entry entry = entries.get(name);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.settings);
    }

    /**
     * The datasource of that name, its pool created on first use.
     *
     * @throws IllegalStateException with the reason when its configuration is broken
     */
    public synchronized Optional<Database> get(String name) {
        Entry entry = entries.get(name);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.broken != null) {
            throw new IllegalStateException(entry.broken);
        }
        if (entry.database == null) {
            entry.database = new Database(entry.settings,
                    H2Files.guard(entry.settings.url(), connector.apply(entry.settings)));
        }
        return Optional.of(entry.database);
    }

    /**
     * The name {@code db://NAME} (without a datasource) uses: the only datasource, or the one named
     * {@value DataSourceSettings#DEFAULT_NAME}.
     *
     * @throws IllegalStateException saying why there is none
     */
    public synchronized String defaultName() {
        if (entries.size() == 1) {
            return entries.keySet().iterator().next();
        }
        if (entries.containsKey(DataSourceSettings.DEFAULT_NAME)) {
            return DataSourceSettings.DEFAULT_NAME;
        }
        if (entries.isEmpty()) {
            throw new IllegalStateException("No datasource is configured");
        }
        throw new IllegalStateException("Several datasources are configured (" + String.join(", ", entries.keySet())
                + ") and none is named '" + DataSourceSettings.DEFAULT_NAME + "': write db://DATASOURCE/NAME");
    }

    /** The default datasource, as {@link #defaultName()} chooses it. */
    public Database defaultDatabase() {
        String name = defaultName();
        return get(name).orElseThrow(() -> new IllegalStateException("Datasource '" + name + "' was removed"));
    }

    @Override
    public void close() {
        List<Database> open = new ArrayList<>();
        synchronized (this) {
            for (Entry entry : entries.values()) {
                if (entry.database != null) {
                    open.add(entry.database);
                }
            }
            entries.clear();
        }
        open.forEach(Database::close);
    }
}
