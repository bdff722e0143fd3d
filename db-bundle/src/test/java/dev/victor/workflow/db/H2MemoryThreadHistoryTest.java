package dev.victor.workflow.db;

/** Thread history and exactly-once resume in H2 in memory. */
class H2MemoryThreadHistoryTest extends ThreadHistoryContract {
    @Override
    DataSourceSettings settings(String name) {
        return TestDatabases.h2Memory(name);
    }
}
