package dev.victor.workflow.benchmarks;

import org.bsc.langgraph4j.CompileConfig;
import org.bsc.langgraph4j.CompiledGraph;
import org.bsc.langgraph4j.GraphStateException;
import org.bsc.langgraph4j.StateGraph;
import org.bsc.langgraph4j.state.AgentState;
import org.bsc.langgraph4j.state.Channel;
import org.bsc.langgraph4j.state.Channels;

import java.util.Map;

import static org.bsc.langgraph4j.action.AsyncEdgeAction.edge_async;
import static org.bsc.langgraph4j.action.AsyncNodeAction.node_async;

/**
 * The workloads of {@link Workloads} on LangGraph4j 1.8.17: a state with a counter channel,
 * nodes through {@code node_async}, conditional edges through {@code edge_async}, {@code invoke(Map)}.
 * {@link Copy} picks how the engine copies the state on every step.
 */
final class LangGraph4jWorkloads {
    /** The state handling of a LangGraph4j graph. */
    enum Copy {
        /** The library's default ({@code ObjectStreamStateSerializer}, what {@code new StateGraph(channels, AgentState::new)} uses). */
        SERIALIZED,
        /** {@link ShallowCopyStateSerializer}: one shallow copy of the state's map per step. */
        SHALLOW,
        /** {@link NoCloneStateSerializer}: the no-clone path, no copy at all. */
        NONE
    }

    private LangGraph4jWorkloads() {
    }

    private static StateGraph<AgentState> graph(String counter, Copy copy) {
        Map<String, Channel<?>> channels = Map.of(counter, Channels.base(() -> 0));
        return switch (copy) {
            case SERIALIZED -> new StateGraph<>(channels, AgentState::new);
            case SHALLOW -> new StateGraph<>(channels, new ShallowCopyStateSerializer());
            case NONE -> new StateGraph<>(channels, new NoCloneStateSerializer());
        };
    }

    private static Copy copy(boolean shallow) {
        return shallow ? Copy.SHALLOW : Copy.SERIALIZED;
    }

    private static CompileConfig config() {
        return CompileConfig.builder().recursionLimit(Workloads.BUDGET).build();
    }

    static StateGraph<AgentState> defineLinear(int nodes, boolean shallow) throws GraphStateException {
        return defineLinear(nodes, copy(shallow));
    }

    static StateGraph<AgentState> defineLinear(int nodes, Copy copy) throws GraphStateException {
        StateGraph<AgentState> graph = graph("k", copy);
        for (int i = 0; i < nodes; i++) {
            graph.addNode("n" + i, node_async(state -> Map.of("k", state.<Integer>value("k").orElseThrow() + 1)));
        }
        graph.addEdge(StateGraph.START, "n0");
        for (int i = 0; i + 1 < nodes; i++) {
            graph.addEdge("n" + i, "n" + (i + 1));
        }
        graph.addEdge("n" + (nodes - 1), StateGraph.END);
        return graph;
    }

    static CompiledGraph<AgentState> linear(int nodes, boolean shallow) throws GraphStateException {
        return linear(nodes, copy(shallow));
    }

    static CompiledGraph<AgentState> linear(int nodes, Copy copy) throws GraphStateException {
        return defineLinear(nodes, copy).compile(config());
    }

    static CompiledGraph<AgentState> cycle(int limit, boolean shallow) throws GraphStateException {
        return cycle(limit, copy(shallow));
    }

    static CompiledGraph<AgentState> cycle(int limit, Copy copy) throws GraphStateException {
        return graph("i", copy)
                .addNode("a", node_async(state -> Map.of("i", state.<Integer>value("i").orElseThrow() + 1)))
                .addNode("b", node_async(state -> Map.of()))
                .addEdge(StateGraph.START, "a")
                .addEdge("a", "b")
                .addConditionalEdges("b", edge_async(state -> state.<Integer>value("i").orElseThrow() < limit
                        ? "loop" : "done"), Map.of("loop", "a", "done", StateGraph.END))
                .compile(config());
    }

    /** Runs the graph and returns its final state's data. */
    static Map<String, Object> invoke(CompiledGraph<AgentState> graph, Map<String, Object> input) {
        return graph.invoke(input).orElseThrow().data();
    }
}
