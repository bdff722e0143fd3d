package dev.victor.workflow.db;

/** The db plugin against H2 in memory. */
class H2MemoryTest extends DatabaseContract {

    private static int databases;

    @Override
    DataSourceSettings settings(String name) {
        return TestDatabases.h2Memory(name);
    }

    @Override
    DataSourceSettings withPassword(String name, String password) {
        return DataSourceSettings.of(name, "jdbc:h2:mem:secured" + (++databases) + ";DB_CLOSE_DELAY=-1", "sa", password)
                .withTable("wf").withCheckpointTable("cp");
    }

    @Override
    String brokenUrl() {
        return "jdbc:h2:tcp://127.0.0.1:1/nosuch;IFEXISTS=TRUE;x=1";
    }
}
