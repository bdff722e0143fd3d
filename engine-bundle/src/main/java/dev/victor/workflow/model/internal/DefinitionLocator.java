package dev.victor.workflow.model.internal;

import dev.victor.workflow.model.NodeDefinition;
import dev.victor.workflow.model.WorkflowDefinition;

import java.util.List;

/** Locates the parts of a definition built in code: canonical paths, the nodes' positions. */
public final class DefinitionLocator implements Locator {
    private final WorkflowDefinition workflow;
    private final List<NodeDefinition> nodes;

    public DefinitionLocator(WorkflowDefinition workflow) {
        this.workflow = workflow;
        this.nodes = workflow.nodes() == null ? List.of() : workflow.nodes();
    }

    private List<Object> base() {
        return Paths.of("workflows", String.valueOf(workflow.name()));
    }

    private Site nodeSite(int index, Object... more) {
        List<Object> path = Paths.append(Paths.append(base(), "nodes", index), more);
        return Site.of(path, nodes.get(index).position());
    }

    @Override
    public Site workflow() {
        return Site.of(base(), workflow.position());
    }

    @Override
    public Site workflowField(String key) {
        return Site.of(Paths.append(base(), key), workflow.position());
    }

    @Override
    public Site node(int index) {
        return nodeSite(index);
    }

    @Override
    public Site field(int index, String field) {
        return nodeSite(index, field);
    }

    @Override
    public Site nextTarget(int index, int position) {
        return nodeSite(index, "next", position);
    }

    @Override
    public Site branch(int index, String label) {
        return nodeSite(index, "branches", label);
    }

    @Override
    public Site defaultTarget(int index) {
        return nodeSite(index, "default");
    }

    @Override
    public Site child(int index, int position) {
        return nodeSite(index, "parallel_nodes", position);
    }

    @Override
    public boolean reported(int index, String field) {
        return false;
    }

    @Override
    public boolean reportedWorkflow(String key) {
        return false;
    }
}
