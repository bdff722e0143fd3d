package dev.victor.workflow.engine.render;

import dev.victor.workflow.api.EdgeView;
import dev.victor.workflow.api.GraphView;
import dev.victor.workflow.api.NodeView;

import java.util.HashMap;
import java.util.Map;

/** Renders a graph view as a Mermaid flowchart. Node ids are replaced by safe aliases; labels are escaped. */
final class MermaidRenderer {
    private MermaidRenderer() {
    }

    static String render(GraphView graph) {
        Map<String, String> alias = new HashMap<>();
        StringBuilder out = new StringBuilder("flowchart TD\n");
        out.append("    __start__((\"start\"))\n");
        int index = 0;
        for (NodeView node : graph.nodes()) {
            String id = "n" + index++;
            alias.put(node.id(), id);
            out.append("    ").append(id).append(shape(node.type(), label(node))).append('\n');
        }
        boolean needsEnd = graph.edges().stream().anyMatch(edge -> GraphView.END.equals(edge.to()));
        if (needsEnd) {
            alias.put(GraphView.END, "__end__");
            out.append("    __end__((\"end\"))\n");
        }
        out.append("    __start__ --> ").append(alias.get(graph.entry())).append('\n');
        for (EdgeView edge : graph.edges()) {
            out.append("    ").append(alias.get(edge.from()));
            if (edge.kind() == EdgeView.Kind.FORK) {
                out.append(" -.-> ");
            } else if (edge.label() != null) {
                out.append(" -->|\"").append(escape(edge.label())).append("\"| ");
            } else {
                out.append(" --> ");
            }
            out.append(alias.get(edge.to())).append('\n');
        }
        return out.toString();
    }

    private static String label(NodeView node) {
        String text = node.name() == null || node.name().equals(node.id())
                ? node.id() : node.name() + " (" + node.id() + ")";
        return "\"" + escape(text) + "\"";
    }

    private static String shape(String type, String label) {
        return switch (type) {
            case "agent" -> "([" + label + "])";
            case "compute" -> "[/" + label + "/]";
            case "condition" -> "{" + label + "}";
            case "parallel" -> "[[" + label + "]]";
            case "hitl" -> "{{" + label + "}}";
            case "team" -> "[(" + label + ")]";
            case "transform" -> "[\\" + label + "\\]";
            default -> "[" + label + "]";
        };
    }

    /** Mermaid entity codes for the characters that would end or confuse a quoted label. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("#quot;");
                case '#' -> out.append("#35;");
                case '<' -> out.append("#lt;");
                case '>' -> out.append("#gt;");
                case '|' -> out.append("#124;");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
