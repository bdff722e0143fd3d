package dev.victor.workflow.engine.render;

import dev.victor.workflow.api.EdgeView;
import dev.victor.workflow.api.GraphView;
import dev.victor.workflow.api.NodeView;

import java.util.List;
import java.util.Objects;

/**
 * A graph view over fixed lists of nodes and edges, rendered on demand.
 */
public record StaticGraphView(String name, String entry, List<NodeView> nodes, List<EdgeView> edges)
        implements GraphView {

    public StaticGraphView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(entry, "entry");
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    @Override
    public String toMermaid() {
        return MermaidRenderer.render(this);
    }

    @Override
    public String toDot() {
        return DotRenderer.render(this);
    }

    @Override
    public String toJson() {
        return JsonGraphRenderer.render(this);
    }
}
