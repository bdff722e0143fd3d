package dev.victor.workflow.mongodb.internal;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** A real MongoDB wire-protocol server in the test JVM (mongo-java-server, in-memory), on a free loopback port. */
final class TestMongo implements AutoCloseable {

    private final MongoServer server;
    private final String connection;

    TestMongo() {
        server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        connection = server.bindAndGetConnectionString();
    }

    String connection() {
        return connection;
    }

    MongoSettings settings(String datasource, String database) {
        return MongoSettings.of(datasource, connection, database, "workflows");
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
