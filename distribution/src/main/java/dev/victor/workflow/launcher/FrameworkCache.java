package dev.victor.workflow.launcher;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The framework's bundle cache. One runtime at a time keeps it in {@code victor.data}/felix-cache
 * from one run to the next (its bundles are not installed, nor their embedded jars extracted, again
 * at each start), holding a lock on {@code felix-cache.lock} while it runs. A runtime started while
 * another holds that lock, or where the data directory cannot be written, gets a cache of its own in
 * the temporary directory, deleted at exit: a shell and one-shot commands still run side by side.
 *
 * <p>The bundles' data areas start empty at every start, as in a new cache (Configuration Admin's
 * store among them: the configurations come from {@code etc/} each time).
 */
final class FrameworkCache implements AutoCloseable {

    static final String KEPT = "felix-cache";
    private static final String TEMPORARY_PREFIX = "victor-felix-";
    /** Not named bundle*: Felix reads only those entries of its cache directory. */
    private static final String STAMPS = "victor-bundles.properties";

    private final Path directory;
    private final FileChannel lock;

    private FrameworkCache(Path directory, FileChannel lock) {
        this.directory = directory;
        this.lock = lock;
    }

    /** The kept cache under {@code data} if no other runtime holds it, else a temporary one. */
    static FrameworkCache open(Path data) {
        FrameworkCache kept = tryKept(data);
        return kept != null ? kept : temporary();
    }

    private static FrameworkCache tryKept(Path data) {
        FileChannel channel = null;
        try {
            Files.createDirectories(data);
            channel = FileChannel.open(data.resolve(KEPT + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock held = channel.tryLock();
            if (held == null) {
                channel.close();
                return null;
            }
            Path directory = data.resolve(KEPT);
            Files.createDirectories(directory);
            clearDataAreas(directory);
            return new FrameworkCache(directory, channel);
        } catch (IOException | OverlappingFileLockException | SecurityException e) {
            // held in this process already, or not writable: a temporary cache then
            closeQuietly(channel);
            return null;
        }
    }

    /** Named by the process id (no random name: seeding a random generator costs a start 20 ms). */
    private static FrameworkCache temporary() {
        removeAbandoned();
        File cache = new File(System.getProperty("java.io.tmpdir"), TEMPORARY_PREFIX + ProcessHandle.current().pid());
        deleteTree(cache);
        if (cache.mkdirs()) {
            return new FrameworkCache(cache.toPath(), null);
        }
        // someone else's directory of that name (another user's, left behind): a random name then
        try {
            return new FrameworkCache(Files.createTempDirectory(TEMPORARY_PREFIX + ProcessHandle.current().pid() + "-"), null);
        } catch (IOException e) {
            throw new LaunchException("cannot create the framework cache in " + cache.getParent() + ": " + e, e);
        }
    }

    Path directory() {
        return directory;
    }

    /** Kept from one run to the next (else temporary, and new). */
    boolean kept() {
        return lock != null;
    }

    /** Empties a kept cache that the framework could not read (its next init starts it again). */
    void clear() {
        File[] entries = directory.toFile().listFiles();
        if (entries != null) {
            for (File entry : entries) {
                deleteTree(entry);
            }
        }
    }

    /**
     * What each installed jar was (its size and time of modification, by bundle location) when a kept
     * cache last took it: a jar that is not so now is updated. Empty for a temporary cache.
     */
    Map<String, String> stamps() {
        Map<String, String> stamps = new HashMap<>();
        Path file = directory.resolve(STAMPS);
        if (kept() && Files.isRegularFile(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                return stamps;   // every bundle is updated then
            }
            properties.stringPropertyNames().forEach(name -> stamps.put(name, properties.getProperty(name)));
        }
        return stamps;
    }

    void saveStamps(Map<String, String> stamps) {
        if (!kept()) {
            return;
        }
        Properties properties = new Properties();
        properties.putAll(stamps);
        try (Writer writer = Files.newBufferedWriter(directory.resolve(STAMPS), StandardCharsets.UTF_8)) {
            properties.store(writer, "the jars of bundle/ as the framework cache holds them");
        } catch (IOException e) {
            // the next start updates every bundle
        }
    }

    /** The stamp of a jar: its size and time of modification. */
    static String stamp(File jar) {
        return jar.length() + "," + jar.lastModified();
    }

    /** Releases a kept cache; deletes a temporary one. */
    @Override
    public void close() {
        if (lock != null) {
            closeQuietly(lock);
        } else {
            deleteTree(directory.toFile());
        }
    }

    /** Felix keeps a bundle's data area in {@code bundle<id>/data}. */
    private static void clearDataAreas(Path directory) {
        File[] entries = directory.toFile().listFiles();
        if (entries != null) {
            for (File entry : entries) {
                if (entry.getName().startsWith("bundle")) {
                    deleteTree(new File(entry, "data"));
                }
            }
        }
    }

    /** Temporary caches of earlier runs that were killed before they could delete theirs (their process is gone). */
    private static void removeAbandoned() {
        File[] entries = new File(System.getProperty("java.io.tmpdir")).listFiles();
        if (entries == null) {
            return;
        }
        for (File entry : entries) {
            String name = entry.getName();
            if (name.startsWith(TEMPORARY_PREFIX)) {
                try {
                    String id = name.substring(TEMPORARY_PREFIX.length());
                    long pid = Long.parseLong(id.contains("-") ? id.substring(0, id.indexOf('-')) : id);
                    if (ProcessHandle.of(pid).isEmpty()) {
                        deleteTree(entry);
                    }
                } catch (NumberFormatException e) {
                    // not one of ours
                }
            }
        }
    }

    /** Deletes a directory tree (plain java.io: at this point it is quicker than loading the NIO walkers). */
    private static void deleteTree(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteTree(child);
            }
        }
        // a file left behind in the temporary directory is not worth failing the command for
        file.delete();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // released when the process ends
            }
        }
    }
}
