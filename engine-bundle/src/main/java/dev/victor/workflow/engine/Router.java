package dev.victor.workflow.engine;

import java.util.Map;

/** Chooses a node's next step in a {@link GraphBuilder} graph by returning a branch label. */
@FunctionalInterface
public interface Router {
    /**
     * @param state a read-only view of the state, after the node's own writes
     * @return the label of the branch to take
     */
    String route(Map<String, Object> state) throws Exception;
}
