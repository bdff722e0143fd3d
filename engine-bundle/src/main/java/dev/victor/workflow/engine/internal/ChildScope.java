package dev.victor.workflow.engine.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The scope of a parallel child: reads the parent's snapshot, keeps its writes to itself. */
final class ChildScope extends Scope {
    private final Map<String, Object> base;
    final LinkedHashMap<String, Object> writes = new LinkedHashMap<>();
    final List<ChildOutcome.Warning> warnings = new ArrayList<>(0);
    final List<ChildOutcome> nested = new ArrayList<>(0);

    ChildScope(Run run, Map<String, Object> base) {
        super(run);
        this.base = base;
    }

    @Override
    public Map<String, Object> view() {
        return base;
    }

    @Override
    Map<String, Object> snapshot() {
        return base;
    }

    @Override
    public void write(String key, Object value) {
        writes.put(key, Frozen.freeze(value));
    }

    @Override
    public void warn(String nodeId, String message) {
        warnings.add(new ChildOutcome.Warning(nodeId, message));
    }

    @Override
    void retrying(Node node, String message) {
        // a child's retries are not reported one by one; its outcome is
    }

    @Override
    void childrenCompleted(List<ChildOutcome> outcomes) {
        nested.addAll(outcomes);
    }
}
