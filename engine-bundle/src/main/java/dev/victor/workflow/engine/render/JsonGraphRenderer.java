package dev.victor.workflow.engine.render;

import dev.victor.workflow.api.EdgeView;
import dev.victor.workflow.api.GraphView;
import dev.victor.workflow.api.NodeView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a graph view as one JSON document. */
final class JsonGraphRenderer {
    private JsonGraphRenderer() {
    }

    static String render(GraphView graph) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("name", graph.name());
        document.put("entry", graph.entry());
        List<Object> nodes = new ArrayList<>();
        for (NodeView node : graph.nodes()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", node.id());
            entry.put("name", node.name());
            entry.put("type", node.type());
            if (!node.attributes().isEmpty()) {
                entry.put("attributes", node.attributes());
            }
            nodes.add(entry);
        }
        document.put("nodes", nodes);
        List<Object> edges = new ArrayList<>();
        for (EdgeView edge : graph.edges()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("from", edge.from());
            entry.put("to", edge.to());
            entry.put("label", edge.label());
            entry.put("kind", edge.kind().name().toLowerCase(java.util.Locale.ROOT));
            edges.add(entry);
        }
        document.put("edges", edges);
        return Json.write(document);
    }
}
