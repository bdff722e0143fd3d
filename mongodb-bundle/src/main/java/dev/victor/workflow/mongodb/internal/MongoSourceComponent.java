package dev.victor.workflow.mongodb.internal;

import dev.victor.workflow.api.Scheme;
import dev.victor.workflow.source.SourceDocument;
import dev.victor.workflow.source.WorkflowSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The mongodb source as a service ({@code scheme=mongodb}). It holds the datasources, which
 * {@link MongoDatasourceComponent}s add and remove as their configurations come and go, so that
 * no connection string or password is ever a service property.
 */
@Component(service = {WorkflowSource.class, MongoSourceComponent.class})
@Scheme("mongodb")
public final class MongoSourceComponent implements WorkflowSource {

    /**
     * The driver logs through SLF4J when a framework offers it (Karaf does) and otherwise logs
     * nothing, after one warning through java.util.logging that it logs nothing: on the console
     * of every command. Only that warning is held back; the logger is kept here while the source
     * lives, since java.util.logging keeps its loggers only weakly.
     */
    private final Logger driverLog = Logger.getLogger("org.mongodb.driver");
    private final MongoDatasources datasources = new MongoDatasources();

    @Activate
    public MongoSourceComponent() {
        if (driverLog.getLevel() == null) {
            driverLog.setLevel(Level.SEVERE);
        }
    }
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
