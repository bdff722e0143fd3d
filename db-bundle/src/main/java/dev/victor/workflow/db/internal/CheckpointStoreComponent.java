package dev.victor.workflow.db.internal;

import dev.victor.workflow.kernel.osgi.ConfigurationKeys;
import dev.victor.workflow.spi.Checkpoint;
import dev.victor.workflow.spi.CheckpointStore;
import dev.victor.workflow.spi.ListableCheckpointStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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

    /** The OSGi names of the keys of {@link CheckpointStoreConfig}. */
    static final Set<String> KEYS = Set.of("datasource", "retention.days", "service.ranking");

    @Activate
    public CheckpointStoreComponent(@Reference(name = "databases") DatabasesComponent databases,
                                    CheckpointStoreConfig config, Map<String, Object> properties,
                                    @Reference(name = "logger", service = LoggerFactory.class,
                                            cardinality = ReferenceCardinality.OPTIONAL) Logger logger) {
        Set<String> unknown = ConfigurationKeys.unknown(properties, KEYS);
        if (!unknown.isEmpty() && logger != null) {
            logger.warn("The configuration " + ConfigurationKeys.origin(properties, CheckpointStoreConfig.PID)
                    + " has unknown key(s) " + String.join(", ", unknown) + ", which are ignored; known: "
                    + String.join(", ", new TreeSet<>(KEYS)));
        }
        Databases all = databases.databases();
        String name = config.datasource() == null ? "" : config.datasource().strip();
        this.store = new JdbcCheckpointStore(() -> name.isEmpty() ? all.defaultDatabase()
                : all.get(name).orElseThrow(() -> new IllegalStateException("No datasource '" + name
                + "' for checkpoints; configured: " + String.join(", ", all.names()))), Clock.systemUTC(),
                retention(config.retention_days()));
    }

    private static Duration retention(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("retention.days of " + CheckpointStoreConfig.PID
                    + " must be 0 (keep finished threads) or more, was " + days);
        }
        return Duration.ofDays(days);
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
    public boolean claim(String threadId, String pauseId, Object response, Instant at) {
        return store.claim(threadId, pauseId, response, at);
    }

    @Override
    public boolean finish(Checkpoint last) {
        return store.finish(last);
    }

    @Override
    public List<Checkpoint> history(String threadId) {
        return store.history(threadId);
    }

    @Override
    public Optional<Checkpoint> checkpoint(String threadId, int step) {
        return store.checkpoint(threadId, step);
    }

    @Override
    public int prune(Instant finishedBefore) {
        return store.prune(finishedBefore);
    }

    @Override
    public List<String> threadIds(int limit) {
        return store.threadIds(limit);
    }
}
