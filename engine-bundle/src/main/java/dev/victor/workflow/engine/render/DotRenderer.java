package dev.victor.workflow.engine.render;

import dev.victor.workflow.api.EdgeView;
import dev.victor.workflow.api.GraphView;
import dev.victor.workflow.api.NodeView;

/** Renders a graph view as a Graphviz DOT digraph, every id and label quoted and escaped. */
final class DotRenderer {
    private DotRenderer() {
    }

    static String render(GraphView graph) {
        StringBuilder out = new StringBuilder();
        out.append("digraph ").append(quote(graph.name())).append(" {\n");
        out.append("  rankdir=TB;\n");
        out.append("  \"__start__\" [label=\"start\", shape=circle];\n");
        for (NodeView node : graph.nodes()) {
            out.append("  ").append(quote(node.id()))
                    .append(" [label=").append(quote(node.name() + "\n(" + node.type() + ")"))
                    .append(", shape=").append(shape(node.type())).append("];\n");
        }
        if (graph.edges().stream().anyMatch(edge -> GraphView.END.equals(edge.to()))) {
            out.append("  ").append(quote(GraphView.END)).append(" [label=\"end\", shape=doublecircle];\n");
        }
        out.append("  \"__start__\" -> ").append(quote(graph.entry())).append(";\n");
        for (EdgeView edge : graph.edges()) {
            out.append("  ").append(quote(edge.from())).append(" -> ").append(quote(edge.to()));
            if (edge.kind() == EdgeView.Kind.FORK) {
                out.append(" [style=dashed]");
            } else if (edge.label() != null) {
                out.append(" [label=").append(quote(edge.label())).append(']');
            }
            out.append(";\n");
        }
        return out.append("}\n").toString();
    }

    private static String shape(String type) {
        return switch (type) {
            case "agent" -> "box, style=rounded";
            case "compute" -> "parallelogram";
            case "condition" -> "diamond";
            case "parallel" -> "box, peripheries=2";
            case "hitl" -> "hexagon";
            case "team" -> "folder";
            case "transform" -> "trapezium";
            default -> "box";
        };
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
