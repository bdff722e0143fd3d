package dev.victor.workflow.engine;

import java.util.Map;

/**
 * A node of a {@link GraphBuilder} graph: reads the state, returns the keys to write.
 */
@FunctionalInterface
public interface NodeAction {
    /**
     * @param state a read-only view of the run's state; its maps and lists are read-only too
     * @return the keys to write with their values ({@code null} or empty: nothing). The engine
     *         freezes the values it writes, so later changes to the returned collections do not
     *         reach the state.
     * @throws Exception to fail the node (and, after the retries, the run)
     */
    Map<String, ?> apply(Map<String, Object> state) throws Exception;
}
