package dev.victor.workflow.db.internal;

import dev.victor.workflow.api.PluginName;
import dev.victor.workflow.api.Scheme;
import dev.victor.workflow.source.SourceDocument;
import dev.victor.workflow.source.WorkflowSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Publishes the {@code db} source ({@link DbSource}) for the registry, over the configured
 * datasources. It needs neither the registry nor a format: the registry reads what it returns.
 */
@Component(service = WorkflowSource.class)
@Scheme("db")
@PluginName("db")
public final class DbSourceComponent implements WorkflowSource {

    private final DbSource source;

    @Activate
    public DbSourceComponent(@Reference(name = "databases") DatabasesComponent databases) {
        this.source = new DbSource(databases.databases());
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

    @Override
    public String toString() {
        return source.toString();
    }
}
