package dev.victor.workflow.db;

/** Checkpoints in a real PostgreSQL. */
class PostgresCheckpointStoreTest extends CheckpointStoreContract {
    @Override
    DataSourceSettings settings(String name) {
        return TestDatabases.postgres(name);
    }
}
