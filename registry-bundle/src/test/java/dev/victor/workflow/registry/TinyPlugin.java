package dev.victor.workflow.registry;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test plugin for a tiny text format: {@code name: a -> b -> c}, several workflows separated by
 * {@code ;}. With the option {@code store} (a {@link TinyStore}) the source is a name in that store,
 * as a file name would be; otherwise the source is the text itself.
 */
public class TinyPlugin implements WorkflowCompilerPlugin {
    private final Map<String, Object> options;
    private final TinyStore store;
    /** How many compiles ran inside this instance. */
    public final AtomicInteger compiles = new AtomicInteger();

    public TinyPlugin(Map<String, ?> options) {
        this.options = new LinkedHashMap<>(options);
        this.store = (TinyStore) options.get("store");
    }

    public TinyPlugin() {
        this(Map.of());
    }

    public Map<String, Object> options() {
        return options;
    }

    @Override
    public CompiledGraph compile(String source, String workflowName, boolean validate) {
        compiles.incrementAndGet();
        Map<String, List<String>> workflows = parse(text(source), source);
        String name = workflowName;
        if (name == null) {
            if (workflows.size() > 1) {
                throw new InvalidWorkflowException("Multiple workflows found. Please specify workflow_name."
                        + " Available: " + workflows.keySet(), List.of());
            }
            name = workflows.keySet().iterator().next();
        }
        List<String> nodes = workflows.get(name);
        if (nodes == null) {
            throw new InvalidWorkflowException("Workflow '" + name + "' not found",
                    List.of(Problem.error("Workflow '" + name + "' not found").withSource(source)));
        }
        return new TinyGraph(name, nodes, toString());
    }

    @Override
    public boolean validateSource(String source) {
        return !source.startsWith("!");
    }

    @Override
    public String getCacheKey(String source) {
        return store == null ? source : source + "@" + Integer.toHexString(text(source).hashCode());
    }

    @Override
    public List<String> workflowNames(String source) {
        return new ArrayList<>(parse(text(source), source).keySet());
    }

    private String text(String source) {
        if (store == null) {
            return source;
        }
        if (store.unavailable) {
            throw new WorkflowSourceUnavailableException(source, "I/O error reading " + source,
                    new java.io.IOException("disk on fire"));
        }
        String text = store.files.get(source);
        if (text == null) {
            throw new WorkflowSourceNotFoundException(source, "No such file: " + source);
        }
        return text;
    }

    static Map<String, List<String>> parse(String text, String source) {
        Map<String, List<String>> workflows = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int colon = part.indexOf(':');
            if (colon <= 0) {
                String message = "expected 'name: a -> b', got '" + part.strip() + "'";
                throw new InvalidWorkflowException("Invalid workflow source",
                        List.of(Problem.error(message).withSource(source).at(1, 1)));
            }
            List<String> nodes = new ArrayList<>();
            for (String node : part.substring(colon + 1).split("->")) {
                if (!node.isBlank()) {
                    nodes.add(node.strip());
                }
            }
            if (nodes.isEmpty()) {
                throw new InvalidWorkflowException("Invalid workflow source", List.of(Problem.error(
                        "Workflow must have at least one node").withSource(source).withWorkflow(part.substring(0, colon).strip()).at(1, colon + 2)));
            }
            workflows.put(part.substring(0, colon).strip(), nodes);
        }
        if (workflows.isEmpty()) {
            throw new InvalidWorkflowException("Empty workflow source", List.of(Problem.error("no workflow").withSource(source)));
        }
        return workflows;
    }

    @Override
    public String toString() {
        return "TinyPlugin@" + Integer.toHexString(System.identityHashCode(this)) + options.keySet();
    }
}
