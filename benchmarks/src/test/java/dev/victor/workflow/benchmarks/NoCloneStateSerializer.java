package dev.victor.workflow.benchmarks;

import org.bsc.langgraph4j.state.AgentState;

/**
 * LangGraph4j's no-clone path, the strongest setting of our peer: 1.8.17 clones the state through
 * {@code StateSerializer.cloneObject} on every step, and this serializer's clone returns its
 * argument, so no step copies anything. It is what LangGraph4j 1.9's {@code disableCloneState()}
 * does (1.9 is not served by the registry this build uses). The engine still builds a new state
 * from each node's partial update ({@code AgentState.updateState}), so the runs stay correct:
 * {@link WorkloadsTest} checks them like every other engine's. Checkpoint methods are those of
 * {@link ShallowCopyStateSerializer}.
 */
final class NoCloneStateSerializer extends ShallowCopyStateSerializer {

    @Override
    public AgentState cloneObject(AgentState state) {
        return state;
    }
}
