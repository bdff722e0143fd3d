package dev.victor.workflow.mongodb.internal;

import dev.victor.workflow.api.WorkflowException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One datasource's settings, checked. The password (configured, or written in the connection
 * string) never appears in {@link #toString()} or in a message.
 *
 * @param name           the datasource's name
 * @param connection     the MongoDB connection string as configured
 * @param password       the configured password, or {@code ""}
 * @param database       the database
 * @param collection     the collection of workflow documents
 * @param connectTimeout longest wait for a connection and for a server to be selected
 * @param readTimeout    longest wait for an answer
 * @param maxBytes       largest definition read or stored
 */
public record MongoSettings(String name, String connection, String password, String database, String collection,
                            Duration connectTimeout, Duration readTimeout, long maxBytes) {

    /** 10 MiB, as the other sources (MongoDB's own document limit is 16 MiB). */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    public MongoSettings {
        password = password == null ? "" : password;
        MongoNames.datasource(name);
        if (connection == null || connection.isBlank()) {
            throw new WorkflowException("MongoDB datasource '" + name + "': 'connection' is empty");
        }
        if (!connection.startsWith("mongodb://") && !connection.startsWith("mongodb+srv://")) {
            throw new WorkflowException("MongoDB datasource '" + name + "': 'connection' must start with mongodb://"
                    + " or mongodb+srv://");
        }
        MongoNames.database(database);
        try {
            MongoNames.collection(collection);
        } catch (WorkflowException e) {
            throw new WorkflowException("MongoDB datasource '" + name + "': " + e.getMessage());
        }
        if (connectTimeout.isZero() || connectTimeout.isNegative() || readTimeout.isZero() || readTimeout.isNegative()) {
            throw new WorkflowException("MongoDB datasource '" + name + "': the timeouts must be positive");
        }
        if (maxBytes < 1) {
            throw new WorkflowException("MongoDB datasource '" + name + "': 'max.bytes' must be at least 1");
        }
    }

    static MongoSettings of(MongoDatasourceConfig config) {
        return new MongoSettings(config.name().strip(), config.connection().strip(), config._password(),
                config.database().strip(), config.collection().strip(), seconds(config.connect_timeout()),
                seconds(config.read_timeout()), config.max_bytes());
    }

    /** A datasource at a connection string with every other setting at its default. */
    public static MongoSettings of(String name, String connection, String database, String collection) {
        return new MongoSettings(name, connection, "", database, collection, Duration.ofSeconds(5),
                Duration.ofSeconds(30), DEFAULT_MAX_BYTES);
    }

    public MongoSettings withPassword(String password) {
        return new MongoSettings(name, connection, password, database, collection, connectTimeout, readTimeout, maxBytes);
    }

    public MongoSettings withLimits(Duration connect, Duration read, long maxBytes) {
        return new MongoSettings(name, connection, password, database, collection, connect, read, maxBytes);
    }

    /** The connection string without its password. */
    public String safeConnection() {
        return Redaction.connection(connection);
    }

    /** Every secret a message must not show: the configured password, the connection string's (as written and decoded). */
    String[] secrets() {
        String written = Redaction.passwordIn(connection);
        String decoded;
        try {
            decoded = URLDecoder.decode(written, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = written;
        }
        return new String[] {password, written, decoded};
    }

    /** A message with every secret taken out. */
    String redact(String message) {
        return Redaction.text(message, secrets());
    }

    /** Where, for messages. */
    public String where() {
        return "collection '" + collection + "' of database '" + database + "' (datasource '" + name + "')";
    }

    private static Duration seconds(double seconds) {
        if (!(seconds > 0) || seconds > 86_400) {
            throw new WorkflowException("A MongoDB timeout must be more than 0 and at most 86400 seconds, not " + seconds);
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    @Override
    public String toString() {
        return "MongoSettings[name=" + name + ", connection=" + safeConnection() + ", password="
                + (password.isEmpty() ? "none" : "***") + ", database=" + database + ", collection=" + collection
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", maxBytes=" + maxBytes + "]";
    }
}
