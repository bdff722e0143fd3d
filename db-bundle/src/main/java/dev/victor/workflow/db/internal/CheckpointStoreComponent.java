package dev.victor.workflow.db.internal;

import dev.victor.workflow.spi.Checkpoint;
import dev.victor.workflow.spi.CheckpointStore;
import dev.victor.workflow.spi.ListableCheckpointStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Publishes the JDBC checkpoint store as a {@link CheckpointStore} service, which the registry's
 * whiteboard hands to the runs of its graphs: a run waiting for a person survives a restart of the
 * runtime. The datasource is looked up on every call, so a reconfigured one is used at once. It
 * lists its threads ({@link ListableCheckpointStore}), for the web inbox.
 */
@Component(service = CheckpointStore.class, configurationPid = CheckpointStoreConfig.PID)
@Designate(ocd = CheckpointStoreConfig.class)
public final class CheckpointStoreComponent implements ListableCheckpointStore {

    private final JdbcCheckpointStore store;

    @Activate
    public CheckpointStoreComponent(@Reference(name = "databases") DatabasesComponent databases,
                                    CheckpointStoreConfig config) {
        Databases all = databases.databases();
        String name = config.datasource() == null ? "" : config.datasource().strip();
        this.store = new JdbcCheckpointStore(() -> name.isEmpty() ? all.defaultDatabase()
                : all.get(name).orElseThrow(() -> new IllegalStateException("No datasource '" + name
                + "' for checkpoints; configured: " + String.join(", ", all.names()))), Clock.systemUTC());
    }

    @Override
    public void save(Checkpoint checkpoint) {
        store.save(checkpoint);
    }

    @Override
    public Optional<Checkpoint> load(String threadId) {
        return store.load(threadId);
    }

    @Override
    public boolean delete(String threadId) {
        return store.delete(threadId);
    }

    @Override
    public List<String> threadIds(int limit) {
        return store.threadIds(limit);
    }
}
