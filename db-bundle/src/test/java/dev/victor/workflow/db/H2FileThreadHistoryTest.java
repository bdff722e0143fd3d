package dev.victor.workflow.db;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Thread history and exactly-once resume in an H2 database file. */
class H2FileThreadHistoryTest extends ThreadHistoryContract {
    @TempDir
    Path directory;

    @Override
    DataSourceSettings settings(String name) {
        return TestDatabases.h2File(name, directory);
    }
}
