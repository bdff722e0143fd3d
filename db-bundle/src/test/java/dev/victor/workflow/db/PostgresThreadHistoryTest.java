package dev.victor.workflow.db;

/** Thread history and exactly-once resume in a real PostgreSQL. */
class PostgresThreadHistoryTest extends ThreadHistoryContract {
    @Override
    DataSourceSettings settings(String name) {
        return TestDatabases.postgres(name);
    }
}
