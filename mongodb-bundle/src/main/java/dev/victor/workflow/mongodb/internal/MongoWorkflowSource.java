package dev.victor.workflow.mongodb.internal;

import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.source.SourceDocument;
import dev.victor.workflow.source.WorkflowSource;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Workflow documents in MongoDB: {@code mongodb://NAME} or {@code mongodb://DATASOURCE/NAME} is the
 * document of that name in the datasource's collection. Its {@code format} field becomes the
 * media type ({@code yaml}: {@code application/yaml}, {@code json}: {@code application/json}; a
 * format written as a media type is kept), its version and id the fingerprint, read with a query
 * that returns nothing else. Content is untrusted ({@link SourceDocument#fetched}).
 */
public final class MongoWorkflowSource implements WorkflowSource {

    private final MongoDatasources datasources;

    public MongoWorkflowSource(MongoDatasources datasources) {
        this.datasources = datasources;
    }

    @Override
    public boolean accepts(String location) {
        try {
            MongoLocation.parse(location);
            return true;
        } catch (WorkflowException e) {
            return false;
        }
    }

    @Override
    public SourceDocument read(String location) {
        MongoLocation where = MongoLocation.parse(location);
        MongoDatasource datasource = datasources.resolve(where.datasource());
        String uri = where.uri(datasource.name());
        StoredWorkflow stored = datasource.read(where.name(), uri).orElseThrow(() -> notFound(datasource, where, uri));
        byte[] content = stored.definition().getBytes(StandardCharsets.UTF_8);
        long limit = datasource.settings().maxBytes();
        if (content.length > limit) {
            throw new WorkflowException(uri + " is " + content.length + " bytes, larger than the limit of " + limit
                    + " bytes ('max.bytes' of datasource '" + datasource.name() + "')");
        }
        return SourceDocument.fetched(uri, content, mediaType(stored.format()), stored.fingerprint());
    }

    /** One query that reads only the newest document's {@code _id} and {@code version}. */
    @Override
    public String fingerprint(String location) {
        MongoLocation where = MongoLocation.parse(location);
        MongoDatasource datasource = datasources.resolve(where.datasource());
        String uri = where.uri(datasource.name());
        return datasource.fingerprint(where.name(), uri).orElseThrow(() -> notFound(datasource, where, uri));
    }

    private static WorkflowSourceNotFoundException notFound(MongoDatasource datasource, MongoLocation where, String uri) {
        return new WorkflowSourceNotFoundException(uri, "No workflow '" + where.name() + "' in "
                + datasource.settings().where());
    }

    /** The media type of a stored format, or {@code null} when there is none. */
    static String mediaType(String format) {
        if (format == null || format.isBlank()) {
            return null;
        }
        String lower = format.strip().toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "yaml", "yml" -> "application/yaml";
            case "json" -> "application/json";
            default -> lower.indexOf('/') > 0 ? format.strip() : "application/" + lower;
        };
    }
}
