package dev.victor.workflow.mongodb.internal;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.victor.workflow.api.WorkflowException;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.eq;

/**
 * One configured datasource: its client and its collection of workflow documents
 * {@code {name, version, format, definition, updated}}, one document per name whose
 * {@code version} grows by one with every {@link #put}.
 */
public final class MongoDatasource implements AutoCloseable {

    private static final Bson NEWEST_FIRST = Sorts.descending("version");

    private final MongoSettings settings;
    private final MongoFailures failures;
    private MongoClient client;
    private MongoCollection<Document> collection;
    private boolean closed;
    private volatile boolean indexed;

    /**
     * A datasource whose client (its connection string parsed by the driver, its connections, its
     * monitor threads, the driver's logging) comes with the first request: a runtime that never
     * reads it does not pay for it, and the driver's logging starts once the framework is up.
     */
    public MongoDatasource(MongoSettings settings) {
        this.settings = settings;
        this.failures = new MongoFailures(settings);
    }

    /** @throws WorkflowException when the connection string or the password cannot make a client */
    private synchronized MongoCollection<Document> workflows() {
        if (closed) {
            throw new WorkflowException("MongoDB datasource '" + settings.name() + "' has been closed");
        }
        if (collection == null) {
            client = MongoClients.create(clientSettings(settings));
            collection = client.getDatabase(settings.database()).getCollection(settings.collection());
        }
        return collection;
    }

    private static MongoClientSettings clientSettings(MongoSettings settings) {
        ConnectionString connection;
        try {
            connection = new ConnectionString(settings.connection());
        } catch (IllegalArgumentException e) {
            throw new WorkflowException(settings.redact("MongoDB datasource '" + settings.name()
                    + "': 'connection' is not a valid connection string: " + e.getMessage()));
        }
        MongoClientSettings.Builder builder = MongoClientSettings.builder()
                .applyConnectionString(connection)
                .applicationName("victor-workflows")
                .applyToClusterSettings(c -> c.serverSelectionTimeout(settings.connectTimeout().toMillis(),
                        TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout((int) settings.connectTimeout().toMillis(),
                                TimeUnit.MILLISECONDS)
                        .readTimeout((int) settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS));
        if (!settings.password().isEmpty()) {
            MongoCredential named = connection.getCredential();
            if (named == null || named.getUserName() == null) {
                throw new WorkflowException("MongoDB datasource '" + settings.name() + "': '.password' is set but the"
                        + " connection string names no user (mongodb://USER@host/...)");
            }
            MongoCredential credential = MongoCredential.createCredential(named.getUserName(), named.getSource(),
                    settings.password().toCharArray());
            if (named.getMechanism() != null) {
                credential = credential.withMechanism(named.getAuthenticationMechanism());
            }
            builder.credential(credential);
        }
        return builder.build();
    }

    public MongoSettings settings() {
        return settings;
    }

    public String name() {
        return settings.name();
    }

    /** The newest document of a name, definition included. */
    public Optional<StoredWorkflow> read(String name, String source) {
        try {
            Document found = workflows().find(eq("name", name)).sort(NEWEST_FIRST).limit(1).first();
            return Optional.ofNullable(found).map(document -> stored(document, true, source));
        } catch (MongoException e) {
            throw failures.of("read workflow '" + name + "'", source, e);
        }
    }

    /** The newest document's fingerprint, reading only its {@code _id} and {@code version}. */
    public Optional<String> fingerprint(String name, String source) {
        try {
            Document found = workflows().find(eq("name", name)).sort(NEWEST_FIRST).limit(1)
                    .projection(Projections.include("version")).first();
            return Optional.ofNullable(found).map(document -> "version:" + version(document, name, source)
                    + ";id:" + document.get("_id"));
        } catch (MongoException e) {
            throw failures.of("check workflow '" + name + "'", source, e);
        }
    }

    /** Every workflow's summary (no definition), by name. */
    public List<StoredWorkflow> list() {
        try {
            List<StoredWorkflow> all = new ArrayList<>();
            for (Document document : workflows().find().projection(Projections.include("name", "version", "format",
                    "updated")).sort(Sorts.ascending("name"))) {
                all.add(stored(document, false, "mongodb://" + settings.name()));
            }
            return all;
        } catch (MongoException e) {
            throw failures.of("list the workflows", "mongodb://" + settings.name() + "/", e);
        }
    }

    /** Stores a new version of a workflow (version 1 for a new name), atomically. */
    public StoredWorkflow put(String name, String format, String definition, Instant now) {
        MongoNames.workflow(name);
        long size = definition.getBytes(StandardCharsets.UTF_8).length;
        if (size > settings.maxBytes()) {
            throw new WorkflowException("The definition of '" + name + "' is " + size + " bytes, larger than the"
                    + " limit of " + settings.maxBytes() + " bytes ('max.bytes' of datasource '" + settings.name() + "')");
        }
        String source = "mongodb://" + settings.name() + "/" + name;
        try {
            ensureIndex();
            Document after = workflows().findOneAndUpdate(eq("name", name),
                    Updates.combine(Updates.inc("version", 1L), Updates.set("format", format),
                            Updates.set("definition", definition), Updates.set("updated", Date.from(now))),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return stored(after, true, source);
        } catch (MongoException e) {
            throw failures.of("store workflow '" + name + "'", source, e);
        }
    }

    private void ensureIndex() {
        if (!indexed) {
            workflows().createIndex(Indexes.ascending("name"), new IndexOptions().unique(true).name("workflow_name"));
            indexed = true;
        }
    }

    private StoredWorkflow stored(Document document, boolean withDefinition, String source) {
        String name = document.get("name") instanceof String text ? text : null;
        if (name == null) {
            throw new WorkflowException("A document in " + settings.where() + " has no text 'name' (_id "
                    + document.get("_id") + ")");
        }
        Object format = document.get("format");
        Object definition = document.get("definition");
        if (withDefinition && !(definition instanceof String)) {
            throw new WorkflowException("Workflow '" + name + "' in " + settings.where() + " has no text 'definition'"
                    + " (" + (definition == null ? "missing" : definition.getClass().getSimpleName()) + ")");
        }
        Object updated = document.get("updated");
        return new StoredWorkflow(String.valueOf(document.get("_id")), name, version(document, name, source),
                format instanceof String text ? text : null, withDefinition ? (String) definition : null,
                updated instanceof Date date ? date.toInstant() : null);
    }

    private long version(Document document, String name, String source) {
        if (document.get("version") instanceof Number number && number.longValue() == number.doubleValue()) {
            return number.longValue();
        }
        throw new WorkflowException("Workflow '" + name + "' in " + settings.where() + " (" + source + ") has no"
                + " whole-number 'version', so changes to it cannot be told apart");
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (client != null) {
            client.close();
        }
    }
}
