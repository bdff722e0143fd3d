package dev.victor.workflow.mongodb.internal;

import dev.victor.workflow.source.SourceDocument;
import dev.victor.workflow.source.WorkflowSource;
import org.osgi.service.component.annotations.Component;

/**
 * The mongodb source as a service ({@code scheme=mongodb}). It holds the datasources, which
 * {@link MongoDatasourceComponent}s add and remove as their configurations come and go, so that
 * no connection string or password is ever a service property.
 */
@Component(service = {WorkflowSource.class, MongoSourceComponent.class}, property = "scheme=mongodb")
public final class MongoSourceComponent implements WorkflowSource {

    private final MongoDatasources datasources = new MongoDatasources();
    private final MongoWorkflowSource source = new MongoWorkflowSource(datasources);

    public MongoDatasources datasources() {
        return datasources;
    }

    @Override
    public SourceDocument read(String location) {
        return source.read(location);
    }

    @Override
    public String fingerprint(String location) {
        return source.fingerprint(location);
    }

    @Override
    public boolean accepts(String location) {
        return source.accepts(location);
    }
}
