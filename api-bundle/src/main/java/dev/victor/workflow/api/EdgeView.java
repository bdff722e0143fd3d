package dev.victor.workflow.api;

/**
 * One edge of a {@link GraphView}.
 *
 * @param from  source node id
 * @param to    target node id, or {@link GraphView#END}
 * @param label the branch label of a conditional edge, else {@code null}
 * @param kind  what the edge means
 */
public record EdgeView(String from, String to, String label, Kind kind) {

    public enum Kind {
        /** Unconditional next step. */
        NORMAL,
        /** A condition's branch (label set) or its default. */
        CONDITIONAL,
        /** From a parallel node to one of its children. */
        FORK
    }
}
