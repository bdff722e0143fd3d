package dev.victor.workflow.benchmarks;

import org.bsc.langgraph4j.serializer.StateSerializer;
import org.bsc.langgraph4j.state.AgentState;

import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.HashMap;
import java.util.Map;

/**
 * A cheap state handling of LangGraph4j 1.8.17 that still copies: its engine clones the state
 * through {@code StateSerializer.cloneObject} on every step; the default
 * ({@code ObjectStreamStateSerializer}) writes the whole state to a byte array with Java
 * serialization and reads it back. This serializer overrides {@code cloneObject} with one shallow
 * copy of the state's map ({@code new AgentState(map)} copies it into a {@code HashMap}), so
 * values are shared, not copied. {@code writeData}/{@code readData} (checkpoints, which these
 * benchmarks do not use) fall back to plain object streams.
 */
class ShallowCopyStateSerializer extends StateSerializer<AgentState> {

    ShallowCopyStateSerializer() {
        super(AgentState::new);
    }

    @Override
    public AgentState cloneObject(AgentState state) {
        return stateFactory().apply(state.data());
    }

    @Override
    public void writeData(Map<String, Object> data, ObjectOutput out) throws IOException {
        out.writeObject(new HashMap<>(data));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> readData(ObjectInput in) throws IOException, ClassNotFoundException {
        return (Map<String, Object>) in.readObject();
    }
}
