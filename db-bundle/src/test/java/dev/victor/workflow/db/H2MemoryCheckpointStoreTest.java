package dev.victor.workflow.db;

/** Checkpoints in H2 in memory. */
class H2MemoryCheckpointStoreTest extends CheckpointStoreContract {
    @Override
    DataSourceSettings settings(String name) {
        return TestDatabases.h2Memory(name);
    }
}
