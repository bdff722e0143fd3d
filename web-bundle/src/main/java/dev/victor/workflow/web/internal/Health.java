package dev.victor.workflow.web.internal;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.NodeView;
import dev.victor.workflow.api.WorkflowCompilerRegistry;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.spi.Checkpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Is the runtime fit to serve: the registry compiles at least one scheme; the checkpoint store
 * answers (a query on its database); every workflow a waiting run needs still compiles, and the
 * compute handlers its nodes call are installed.
 */
final class Health {

    /** The checks, each UP or DOWN with a detail. */
    record Report(List<Map<String, Object>> checks) {
        boolean up() {
            return checks.stream().allMatch(check -> "UP".equals(check.get("status")));
        }

        Map<String, Object> document() {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("status", up() ? "UP" : "DOWN");
            doc.put("checks", checks);
            return doc;
        }
    }

    private static final String PROBE = "victor-health-probe";

    private final WorkflowCompilerRegistry registry;
    private final Api.Environment environment;
    private final SourcePolicy sources;
    private final int inboxLimit;

    Health(WorkflowCompilerRegistry registry, Api.Environment environment, SourcePolicy sources, int inboxLimit) {
        this.registry = registry;
        this.environment = environment;
        this.sources = sources;
        this.inboxLimit = inboxLimit;
    }

    /** The URI as the API resumes it (a relative path from file.base), else as its checkpoint names it. */
    private String uri(String origin) {
        try {
            return sources.check(origin);
        } catch (ApiException e) {
            return origin;
        }
    }

    Report check() {
        List<Map<String, Object>> checks = new ArrayList<>();
        Set<String> schemes = registry.schemes();
        checks.add(check("registry", !schemes.isEmpty(), schemes.isEmpty() ? "no compiler plugin is installed"
                : schemes.size() + " schemes: " + String.join(", ", schemes.stream().sorted().toList())));
        List<Checkpoint> waiting;
        try {
            environment.store().load(PROBE);
            waiting = new Inbox(environment.store(), inboxLimit).list().waiting();
            checks.add(check("checkpoints", true, environment.durableStore() ? "the checkpoint store answers"
                    : "in memory: no checkpoint store service is installed, waiting runs do not survive a restart"));
        } catch (RuntimeException e) {
            checks.add(check("checkpoints", false, "the checkpoint store does not answer: " + Api.firstLine(e)));
            return new Report(checks);
        }
        List<String> missing = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Checkpoint checkpoint : waiting) {
            String key = checkpoint.origin() + "#" + checkpoint.workflow();
            if (checkpoint.origin() == null || !seen.add(key)) {
                continue;
            }
            try {
                CompiledGraph graph = registry.compile(uri(checkpoint.origin()), checkpoint.workflow());
                for (NodeView node : graph.getGraph().nodes()) {
                    Object handler = node.attributes().get("handler");
                    if (handler != null && environment.installed().handler(String.valueOf(handler)).isEmpty()) {
                        missing.add("workflow '" + graph.name() + "' (thread " + checkpoint.threadId() + ") needs handler '"
                                + handler + "' at node '" + node.id() + "', which is not installed");
                    }
                }
            } catch (WorkflowException e) {
                missing.add("workflow '" + checkpoint.workflow() + "' of thread " + checkpoint.threadId()
                        + " does not compile now: " + Api.firstLine(e));
            }
        }
        checks.add(check("waiting-runs", missing.isEmpty(), missing.isEmpty()
                ? waiting.size() + " waiting runs, each with its plugin and handlers" : String.join("; ", missing)));
        return new Report(checks);
    }

    private static Map<String, Object> check(String name, boolean up, String detail) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("name", name);
        check.put("status", up ? "UP" : "DOWN");
        check.put("detail", detail);
        return check;
    }
}
