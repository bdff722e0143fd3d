package dev.victor.workflow.db;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The db plugin against an H2 database file. */
class H2FileTest extends DatabaseContract {

    @TempDir
    Path directory;

    @Override
    DataSourceSettings settings(String name) {
        return TestDatabases.h2File(name, directory);
    }

    @Override
    DataSourceSettings withPassword(String name, String password) {
        return DataSourceSettings.h2File(name, directory.resolve("secured-" + name)).withTable("wf")
                .withCheckpointTable("cp").withPool(2, DataSourceSettings.DEFAULT_POOL_TIMEOUT)
                .withLogin("sa", password);
    }

    @Override
    String brokenUrl() {
        return "jdbc:h2:file:" + directory.resolve("missing") + ";IFEXISTS=TRUE;x=1";
    }
}
