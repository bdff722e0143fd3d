package dev.victor.workflow.mongodb.internal;

import dev.victor.workflow.api.WorkflowException;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The configured datasources by name. The default one is the one named {@code default}, else the
 * only one.
 */
public final class MongoDatasources {

    public static final String DEFAULT = "default";

    private final ConcurrentMap<String, MongoDatasource> byName = new ConcurrentHashMap<>();

    /** @throws WorkflowException when another datasource has the same name */
    public void add(MongoDatasource datasource) {
        MongoDatasource before = byName.putIfAbsent(datasource.name(), datasource);
        if (before != null && before != datasource) {
            throw new WorkflowException("Two MongoDB datasources are named '" + datasource.name()
                    + "': give each configuration its own 'name'");
        }
    }

    public void remove(MongoDatasource datasource) {
        byName.remove(datasource.name(), datasource);
    }

    public List<String> names() {
        return byName.keySet().stream().sorted().toList();
    }

    public Optional<MongoDatasource> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The datasource a location names, or the default one for {@code null}.
     *
     * @throws WorkflowException naming the configured datasources when there is no such one
     */
    public MongoDatasource resolve(String name) {
        if (name != null) {
            return get(name).orElseThrow(() -> new WorkflowException("No MongoDB datasource '" + name + "'; configured: "
                    + configured() + " (factory PID " + MongoDatasourceConfig.FACTORY_PID + ")"));
        }
        MongoDatasource named = byName.get(DEFAULT);
        if (named != null) {
            return named;
        }
        List<MongoDatasource> all = List.copyOf(byName.values());
        if (all.size() == 1) {
            return all.get(0);
        }
        throw new WorkflowException(all.isEmpty()
                ? "No MongoDB datasource is configured (factory PID " + MongoDatasourceConfig.FACTORY_PID + ")"
                : "No MongoDB datasource is named 'default'; name one: mongodb://DATASOURCE/NAME with DATASOURCE one of "
                + configured());
    }

    private String configured() {
        List<String> names = names();
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
