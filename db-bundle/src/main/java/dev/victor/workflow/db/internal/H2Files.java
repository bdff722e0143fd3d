package dev.victor.workflow.db.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses to open an embedded H2 database whose file is empty. H2 would open a zero-byte
 * {@code .mv.db} file as a new, empty database, so a file emptied by accident (a full disk, a
 * truncating copy) would lose every stored workflow and checkpoint without a word.
 */
final class H2Files {
    private static final String PREFIX = "jdbc:h2:";
    private static final String[] NOT_A_FILE = {"mem:", "tcp:", "ssl:", "zip:"};

    private H2Files() {
    }

    /** The {@code .mv.db} file of an embedded H2 URL; empty for other URLs (memory, server, other databases). */
    static Optional<Path> file(String url) {
        if (url == null || !url.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        String rest = url.substring(PREFIX.length());
        int options = rest.indexOf(';');
        if (options >= 0) {
            rest = rest.substring(0, options);
        }
        String lower = rest.toLowerCase(Locale.ROOT);
        for (String kind : NOT_A_FILE) {
            if (lower.startsWith(kind)) {
                return Optional.empty();
            }
        }
        if (lower.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        if (rest.startsWith("~")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        try {
            return rest.isEmpty() ? Optional.empty() : Optional.of(Path.of(rest + ".mv.db"));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static long size(Path path) throws SQLException {
        try {
            return Files.size(path);
        } catch (java.io.IOException e) {
            throw new SQLException("Cannot read the size of the H2 database file " + path + ": " + e.getMessage(),
                    "08001", e);
        }
    }

    /**
     * A connection source that refuses, before its first connection, when the database's H2 file is
     * empty. Only the first connection is checked (and the first ones wait for it): once H2 has
     * opened the file it has written its header, and a database being created by a concurrent first
     * connection is not mistaken for an emptied one.
     */
    static ConnectionSource guard(String url, ConnectionSource source) {
        Optional<Path> file = file(url);
        if (file.isEmpty()) {
            return source;
        }
        Path path = file.get();
        return new ConnectionSource() {
            private volatile boolean opened;

            @Override
            public Connection open() throws SQLException {
                if (opened) {
                    return source.open();
                }
                synchronized (this) {
                    if (!opened) {
                        if (Files.isRegularFile(path) && size(path) == 0) {
                            throw new SQLException("The H2 database file " + path.toAbsolutePath() + " is empty (0"
                                    + " bytes): the workflows and checkpoints it held are gone, and it is not opened"
                                    + " as a new database. Restore it from a backup, or delete it to start an empty"
                                    + " database", "08001");
                        }
                        Connection connection = source.open();
                        opened = true;
                        return connection;
                    }
                }
                return source.open();
            }
        };
    }
}
