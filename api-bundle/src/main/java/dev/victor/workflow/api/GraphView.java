package dev.victor.workflow.api;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;

/**
 * The shape of a compiled graph, as it will execute: nodes, labelled edges and the entry.
 * The end of a path is the pseudo-node {@link #END}.
 */
@ProviderType
public interface GraphView {
    /** The id of the pseudo-node that ends a path. */
    String END = "__end__";

    /** The workflow's name. */
    String name();

    /** The id of the first node. */
    String entry();

    /** Every node, in definition order (children of parallel nodes included). */
    List<NodeView> nodes();

    /** Every edge, in definition order. */
    List<EdgeView> edges();

    /** A Mermaid flowchart. Labels are escaped. */
    String toMermaid();

    /** A Graphviz DOT digraph. Labels are escaped. */
    String toDot();

    /** {@code {"name", "entry", "nodes": [{"id","name","type"}], "edges": [{"from","to","label","kind"}]}}. */
    String toJson();
}
