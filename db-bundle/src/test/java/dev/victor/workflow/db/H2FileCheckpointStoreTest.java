package dev.victor.workflow.db;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Checkpoints in an H2 database file (each write flushed with CHECKPOINT). */
class H2FileCheckpointStoreTest extends CheckpointStoreContract {
    @TempDir
    Path directory;

    @Override
    DataSourceSettings settings(String name) {
        return TestDatabases.h2File(name, directory);
    }
}
