package dev.victor.workflow.engine.internal;

import java.util.Map;

/**
 * One executable node: the same representation for nodes from a workflow definition and from
 * the programmatic builder. Successors are indices into the graph's node array; {@link #END}
 * ends the path.
 */
public final class Node {
    /** The successor index that ends the path. */
    public static final int END = -1;

    final String id;
    final String name;
    final String type;
    final int index;
    /** {@code null}: a pass-through (a condition routes, it does not work). */
    final NodeBody body;
    /** Set for human-in-the-loop nodes, which the run handles itself. */
    final HitlBody hitl;
    final int next;
    /** Conditional routing after the body, or {@code null}. */
    final Route route;
    /** Children of a parallel node (empty otherwise). */
    final int[] children;
    /** The parallel node this node is a child of, or -1. */
    final int parent;
    /** Node executions one run of this node counts: 1, plus its descendants for a parallel node. */
    final int weight;
    /** Whether the workflow's {@code max_retries} applies. */
    final boolean retryable;
    final Map<String, Object> attributes;

    Node(String id, String name, String type, int index, NodeBody body, HitlBody hitl, int next, Route route,
         int[] children, int parent, int weight, boolean retryable, Map<String, Object> attributes) {
        this.id = id;
        this.name = name;
        this.type = type;
        this.index = index;
        this.body = body;
        this.hitl = hitl;
        this.next = next;
        this.route = route;
        this.children = children;
        this.parent = parent;
        this.weight = weight;
        this.retryable = retryable;
        this.attributes = attributes;
    }

    /** How failure messages name the node: {@code compute node 'x'}. */
    String describe() {
        return type + " node '" + id + "'";
    }

    @Override
    public String toString() {
        return describe();
    }
}
